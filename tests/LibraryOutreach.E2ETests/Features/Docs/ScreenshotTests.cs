using LibraryOutreach.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Docs;

/// <summary>
/// The main pages over the demo town (<c>seed-demo --size small</c>) as an Admin, each checked for what it must show;
/// with <c>OUTREACH_SCREENSHOTS_DIR</c> set they are also saved at desktop and phone width for the README
/// (<see cref="Screenshots"/>).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ScreenshotTests(BrowserFixture browser, DemoTown town) : IClassFixture<DemoTown>
{
    [Fact]
    public async Task MainPages_OverTheDemoTown_ShowTheirRecords()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await page.SignInAsync(town.App, DemoTown.AdminEmail);

        await OpenAsync(page, "/", "Welcome, Ada Admin");
        await Screenshots.SaveAsync(page, "dashboard");

        await OpenAsync(page, "/contacts", "Contacts");
        await Expect(page.GetByTestId("contact-link").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "contacts");

        await OpenAsync(page, $"/contacts/{town.BusiestContactId}", town.BusiestContactName);
        await Expect(page.GetByTestId("timeline-entry").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "contact-timeline");

        await OpenAsync(page, "/events", "Events");
        await Screenshots.SaveAsync(page, "events");

        await OpenAsync(page, "/events/new", "Log a meeting");
        await Expect(page.Locator("#event-attendee-input")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "log-meeting");

        await OpenAsync(page, "/relationships", "Relationships");
        await Screenshots.SaveAsync(page, "relationships");

        await OpenAsync(page, "/reports", "Reports for the board and the state survey");
        await RunReportAsync(page);
        await Screenshots.SaveAsync(page, "reports", RunReportAsync);

        await OpenAsync(page, "/calendars", "My calendars");
        await Screenshots.SaveAsync(page, "calendars");

        await OpenAsync(page, "/staff", "Staff");
        await Expect(page.Locator("td", new() { HasText = DemoTown.SupervisorEmail })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "staff");

        Assert.Empty(errors);
    }

    private async Task OpenAsync(IPage page, string route, string heading)
    {
        await page.GotoAsync(town.App.Url(route));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main .mud-progress-circular, main .mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    private static async Task RunReportAsync(IPage page)
    {
        await page.GetByTestId("report-run").ClickAsync();
        await Expect(page.GetByTestId("report-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }
}
