using System.Text.RegularExpressions;
using LibraryOutreach.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Staff;

/// <summary>
/// The foundation's whole journey in Chromium against the real server: first-run setup → the admin invites a
/// supervisor → the supervisor accepts in a fresh browser and signs in → the admin deactivates them → the
/// supervisor's open page is signed out (revalidation every 2 s here; 60 s by default).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public partial class StaffJourneyTests(BrowserFixture browser)
{
    private const string AdminEmail = "director@springfield-library.org";
    private const string SupervisorEmail = "outreach.lead@springfield-library.org";
    private const string AdminPassword = "reading room at dawn";
    private const string SupervisorPassword = "farmers market tuesday";

    [Fact]
    public async Task FirstRunInviteAcceptDeactivate_InChromium_SignsTheDeactivatedSupervisorOut()
    {
        await using var app = await LiveApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:RevalidationIntervalSeconds"] = "2",
            ["Library:Name"] = "Springfield Public Library",
        });

        // 1. First run: the setup link from the log creates the first Admin.
        var setupLine = await app.Factory.Log.WaitForAsync("/setup?token=");
        var setupPath = SetupPath().Match(setupLine).Value;
        await using var adminContext = await browser.Browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        var adminErrors = admin.CollectConsoleErrors();
        await admin.GotoAsync(app.Url(setupPath));
        await admin.GetByLabel("Your name").FillAsync("Pat Director");
        await admin.GetByLabel("Email").FillAsync(AdminEmail);
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
        await admin.GetByLabel("Confirm password").FillAsync(AdminPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create administrator and sign in" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(app.Url("/"));
        await admin.WaitForInteractiveAsync();
        await Expect(admin.GetByTestId("library-name")).ToHaveTextAsync("Springfield Public Library");

        // 2. The admin invites a supervisor; without SMTP the link is shown to copy.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Staff", Exact = true })).ToBeVisibleAsync();
        await admin.GetByTestId("invite-button").ClickAsync();
        await admin.Locator("#invite-email").FillAsync(SupervisorEmail);
        await admin.Locator("#invite-name").FillAsync("Sam Supervisor");
        await admin.Locator("div.mud-input-control.mud-select", new() { Has = admin.Locator("#invite-role") }).ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Supervisor" }).ClickAsync();
        await admin.GetByTestId("invite-submit").ClickAsync();
        var linkField = admin.Locator("#shared-link");
        await Expect(linkField).ToHaveValueAsync(new Regex("/account/accept-invitation\\?token="));
        var invitationLink = await linkField.InputValueAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(admin.GetByTestId("invitations-table")).ToContainTextAsync(SupervisorEmail);
        await Screenshots.SaveAsync(admin, "staff-invitation");

        // 3. The supervisor accepts in a fresh browser context and is signed in.
        await using var supervisorContext = await browser.Browser.NewContextAsync();
        var supervisor = await supervisorContext.NewPageAsync();
        await supervisor.GotoAsync(invitationLink);
        await Screenshots.SaveAsync(supervisor, "accept-invitation");
        await supervisor.GetByLabel("Password", new() { Exact = true }).FillAsync(SupervisorPassword);
        await supervisor.GetByLabel("Confirm password").FillAsync(SupervisorPassword);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Create account and sign in" }).ClickAsync();
        await Expect(supervisor).ToHaveURLAsync(app.Url("/"));
        await supervisor.WaitForInteractiveAsync();
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sam Supervisor" })).ToBeVisibleAsync();
        // A supervisor has no Staff link and is refused the page.
        await Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "Staff" })).ToHaveCountAsync(0);

        // 4. The admin deactivates the supervisor.
        await admin.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await admin.GetByTestId($"actions-{SupervisorEmail}").Locator("button").First.ClickAsync();
        await admin.GetByRole(AriaRole.Menuitem, new() { Name = "Deactivate" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(admin.GetByTestId("staff-table")).ToContainTextAsync("Deactivated");

        // 5. The supervisor's open page signs out by itself.
        await Expect(supervisor).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 20_000 });
        Assert.Empty(adminErrors);
    }

    [GeneratedRegex("/setup\\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupPath();
}
