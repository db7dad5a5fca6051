using System.Globalization;
using System.Text.RegularExpressions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.Web.Components.Account;
using LibraryOutreach.Web.Features.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LibraryOutreach.E2ETests.Features.Accessibility;

/// <summary>
/// WCAG 2.1 AA with axe-core on every page: each role signed in over the demo town (every route, with real ids for
/// the route parameters; pages a role may not open show their refusal), and the account pages signed out. Serious and
/// critical violations fail the test; moderate and minor ones are written to the test output (docs/accessibility.md).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class AxeTests(BrowserFixture browser, DemoTown town, ITestOutputHelper output) : IClassFixture<DemoTown>
{
    public static TheoryData<string, string> RolesAndThemes => new()
    {
        { Roles.Admin, "light" },
        { Roles.Supervisor, "light" },
        { Roles.Staff, "light" },
        { Roles.Admin, "dark" },
    };

    /// <summary>Every <c>@page</c> route of the app that a signed-in person can open (route parameters filled from the demo town).</summary>
    private IEnumerable<string> SignedInRoutes()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddMonths(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var search = Uri.EscapeDataString(town.BusiestContactName.Split(' ')[0]);
        return
        [
            "/",
            "/contacts",
            $"/contacts/{town.BusiestContactId}",
            "/organizations",
            $"/organizations/{town.OrganizationId}",
            "/events",
            $"/events/{town.EventId}",
            "/events/new",
            $"/events/{town.EventId}/edit",
            "/interactions",
            $"/interactions/{town.InteractionId}",
            "/follow-ups",
            "/follow-ups/all",
            "/reach-out",
            "/relationships",
            "/calendars",
            "/calendars/suggestions",
            "/calendars/all",
            "/reports",
            $"/reports/print?from={from}&to={to}",
            $"/search?q={search}",
            "/import",
            "/staff",
            "/settings/tags",
            "/settings/organization-types",
            "/settings/event-types",
            "/settings/branches",
            "/settings/cadence",
            "/audit",
            "/account/change-password",
            "/account/logout",
            "/account/access-denied",
            "/not-found",
            "/error",
        ];
    }

    private List<(string Route, Func<IPage, Task> Act, string Name)> States(string role)
    {
        var states = new List<(string, Func<IPage, Task>, string)>
        {
            ("/", async p =>
            {
                await p.Locator("#log-touch-button").ClickAsync();
                await p.GetByTestId("log-touch-dialog").WaitForAsync();
            }, "the Log a touch dialog"),
            ("/contacts", async p =>
            {
                await p.Locator("#global-search-input").FillAsync(town.BusiestContactName.Split(' ')[0]);
                await p.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
            }, "the app bar's search results"),
        };
        if (role is Roles.Admin or Roles.Supervisor)
        {
            // Staff may edit only the contacts they own; the busiest contact is not the test Staff member's.
            states.Add(($"/contacts/{town.BusiestContactId}", async p =>
            {
                await p.GetByTestId("contact-edit").ClickAsync();
                await p.Locator(".mud-dialog").WaitForAsync();
            }, "the Edit contact dialog"));
            states.Add(("/reports", async p =>
            {
                await p.GetByTestId("report-run").ClickAsync();
                await p.GetByTestId("report-result").WaitForAsync(new() { Timeout = 30_000 });
            }, "/reports with a report run"));
        }

        if (role is Roles.Admin)
        {
            states.Add(("/staff", async p =>
            {
                await p.GetByTestId("invite-button").ClickAsync();
                await p.Locator(".mud-dialog").WaitForAsync();
            }, "the Invite staff dialog"));
        }

        return states;
    }

    [Theory]
    [MemberData(nameof(RolesAndThemes))]
    public async Task EveryPage_SignedIn_HasNoSeriousOrCriticalWcagViolations(string role, string theme)
    {
        await using var context = await NewContextAsync(theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.SignInAsync(town.App, DemoTown.EmailOf(role));

        var violations = new List<AxeViolation>();
        var scanned = 0;
        foreach (var route in SignedInRoutes())
        {
            violations.AddRange(await ScanAsync(page, town.App, route, $"{route} ({role}, {theme})"));
            scanned++;
        }

        // States a page reaches only by acting on it: a report that was run, and the dialogs.
        foreach (var (route, act, name) in States(role))
        {
            await page.GotoAsync(town.App.Url(route));
            await SettleAsync(page, signedIn: true);
            await act(page);
            await SettleAsync(page, signedIn: true);
            violations.AddRange(await Axe.RunAsync(page, $"{name} ({role}, {theme})"));
            scanned++;
        }

        Report(violations, scanned);
    }

    [Fact]
    public async Task AccountPages_SignedOut_HaveNoSeriousOrCriticalWcagViolations()
    {
        // A fresh app: the setup page only offers itself while no account exists.
        await using var app = await LiveApp.StartAsync();
        var setupLine = await app.Factory.Log.WaitForAsync("/setup?token=");
        var setupPath = SetupPath().Match(setupLine).Value;
        Assert.False(string.IsNullOrEmpty(setupPath), setupLine);
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        var violations = new List<AxeViolation>();
        violations.AddRange(await ScanAsync(page, app, setupPath, "/setup (first run)", signedIn: false));

        var admin = await app.Factory.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        string invitation;
        await using (var scope = app.Factory.ScopeAs(admin, Roles.Admin))
        {
            invitation = (await scope.ServiceProvider.GetRequiredService<InvitationService>()
                .InviteAsync(new InviteStaffRequest("sam@library.test", "Sam Supervisor", Roles.Supervisor), app.BaseAddress.ToString(), CancellationToken.None)).Link;
        }

        string reset;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            reset = await scope.ServiceProvider.GetRequiredService<PasswordResetLinks>().CreateLinkAsync(admin, app.BaseAddress.ToString());
        }

        var pages = new (string Route, string Name)[]
        {
            ("/account/login", "/account/login"),
            ("/", "/ (redirected to sign-in)"),
            ("/account/forgot-password", "/account/forgot-password"),
            (new Uri(reset).PathAndQuery, "/account/reset-password (valid link)"),
            ("/account/reset-password?userId=nobody&code=bad", "/account/reset-password (invalid link)"),
            (new Uri(invitation).PathAndQuery, "/account/accept-invitation (valid link)"),
            ("/account/accept-invitation?token=not-a-token", "/account/accept-invitation (invalid link)"),
            ("/account/lockout", "/account/lockout"),
            ("/account/access-denied", "/account/access-denied"),
            ("/account/logout", "/account/logout (signed out)"),
            ("/setup", "/setup (after the first account)"),
            ("/not-found", "/not-found"),
            ("/error", "/error"),
        };
        foreach (var (route, name) in pages)
        {
            violations.AddRange(await ScanAsync(page, app, route, name, signedIn: false));
        }

        // The sign-in form after a failed attempt (error message and invalid fields).
        await page.GotoAsync(app.Url("/account/login"));
        await page.GetByLabel("Email").FillAsync("ada@library.test");
        await page.GetByLabel("Password").FillAsync("wrong password, twelve+");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("[role=alert]").First.WaitForAsync();
        violations.AddRange(await Axe.RunAsync(page, "/account/login (failed attempt)"));

        Report(violations, pages.Length + 2);
    }

    private async Task<IBrowserContext> NewContextAsync(ColorScheme scheme) =>
        await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            // Playwright injects axe as an inline script, which the app's Content-Security-Policy refuses.
            BypassCSP = true,
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    private static async Task<IReadOnlyList<AxeViolation>> ScanAsync(IPage page, LiveApp app, string route, string name, bool signedIn = true)
    {
        await page.GotoAsync(app.Url(route));
        await SettleAsync(page, signedIn);
        // A page that failed to render would pass the scan with little on it: each page must show its one main heading.
        var headings = await page.Locator("h1").AllInnerTextsAsync();
        Assert.True(headings.Count == 1 && !string.IsNullOrWhiteSpace(headings[0]), $"{name}: expected one h1 heading, found [{string.Join(" | ", headings)}]");
        return await Axe.RunAsync(page, name);
    }

    /// <summary>Waits for the circuit (on interactive pages) and for loading indicators to go, then for transitions to end.</summary>
    private static async Task SettleAsync(IPage page, bool signedIn)
    {
        // Signed out, every page is server-rendered (no circuit); signed in, the account pages are too (no layout marker).
        if (signedIn && await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
        }

        try
        {
            await page.WaitForFunctionAsync(
                "() => !document.querySelector('.mud-progress-circular, .mud-progress-linear, .mud-skeleton, .mud-table-loading')",
                null,
                new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A page may show a progress bar for good (a running import); scan it as it is.
        }

        await page.WaitForTimeoutAsync(300);
    }

    private void Report(List<AxeViolation> violations, int scanned)
    {
        var failing = violations.Where(v => v.IsSeriousOrCritical).ToList();
        var other = violations.Where(v => !v.IsSeriousOrCritical).ToList();
        output.WriteLine($"{scanned} pages scanned with axe-core ({string.Join(", ", Axe.Tags)}): {failing.Count} serious/critical, {other.Count} moderate/minor.");
        foreach (var v in other)
        {
            output.WriteLine(v.Describe());
        }

        Assert.True(failing.Count == 0, $"{failing.Count} serious or critical WCAG 2.1 AA violation(s):\n" + string.Join("\n", failing.Select(v => v.Describe())));
    }

    [GeneratedRegex("/setup\\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupPath();
}
