using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Home;

/// <summary>
/// The dashboard is computed once per page load: the prerendered copy is handed to the circuit (persistent component
/// state), so a sign-in or a reload does not compute it a second time, and a navigation inside the app computes it once.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public class DashboardLoadTests(BrowserFixture browser)
{
    [Fact]
    public async Task FullLoadsAndInAppNavigation_ComputeTheDashboardOnceEach_AndShowItWithoutALoadingBar()
    {
        var counter = new DashboardCounter();
        await using var app = await LiveApp.StartAsync(services: s =>
        {
            s.AddSingleton(counter);
            s.AddScoped<IDashboardService>(sp => new CountingDashboards(sp.GetRequiredService<DashboardService>(), sp.GetRequiredService<DashboardCounter>()));
        });
        await app.Factory.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();

        // Signing in lands on "/" with a full load: prerendered, then the circuit starts.
        await page.SignInAsync(app, "sue@library.test");
        await Expect(page.GetByTestId("dashboard-followups")).ToBeVisibleAsync();
        Assert.Equal(1, counter.Count);
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Loading your dashboard" })).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("dashboard-followups")).ToBeVisibleAsync();
        Assert.Equal(2, counter.Count);

        // Away and back inside the app: no prerender, the circuit computes it once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/contacts"));
        await Expect(page.GetByTestId("dashboard-followups")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).First.ClickAsync();
        await Expect(page.GetByTestId("dashboard-followups")).ToBeVisibleAsync();
        Assert.Equal(3, counter.Count);
        Assert.Empty(errors);
    }

    private sealed class DashboardCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingDashboards(IDashboardService inner, DashboardCounter counter) : IDashboardService
    {
        public Task<Dashboard> GetAsync(CancellationToken ct = default)
        {
            counter.Add();
            return inner.GetAsync(ct);
        }
    }
}
