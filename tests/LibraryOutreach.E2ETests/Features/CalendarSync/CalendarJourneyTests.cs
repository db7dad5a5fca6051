using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.CalendarSync;

/// <summary>
/// A staff member adds an iCal feed (served by the fake Google server over HTTP), syncs it, finds the town meeting under
/// "Suggested from calendars" with the attendee matched to a contact, and confirms it into the outreach log.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public class CalendarJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AddFeed_SyncNow_ConfirmTheSuggestion_LogsTheMeetingWithItsAttendee()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(23);
        var feedUrl = google.ServeFeed("private-5eCr3t", string.Join("\r\n",
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Town//Council//EN",
            "BEGIN:VEVENT", "UID:council-1@town.example", "SUMMARY:Town council #outreach", "LOCATION:Town hall",
            $"DTSTART:{start.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            $"DTEND:{start.AddHours(2).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            "ATTENDEE;CN=Edna:mailto:edna@springfield.k12.example",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:lunch-1@town.example", "SUMMARY:Lunch with my sister",
            $"DTSTART:{start.AddDays(1).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            "END:VEVENT",
            "END:VCALENDAR", "",
        ]));
        await using var app = await LiveApp.StartAsync(new Dictionary<string, string?> { ["CalendarSync:Enabled"] = "false" });
        await app.Factory.CreateUserAsync("jo@library.test", Roles.Staff, "Jo Staff");
        await app.Factory.WithDbAsync(async db =>
        {
            var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel" };
            edna.Emails.Add(new ContactEmail { Address = "edna@springfield.k12.example", NormalizedAddress = "edna@springfield.k12.example", IsPrimary = true });
            db.Contacts.Add(edna);
            await db.SaveChangesAsync();
        });
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await page.SignInAsync(app, "jo@library.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "My calendars" }).ClickAsync();
        await Expect(page.GetByTestId("calendars-empty")).ToBeVisibleAsync();
        await page.GetByTestId("calendars-add-feed").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Town calendar");
        await dialog.GetByTestId("feed-save").ClickAsync();
        await Expect(page.Locator("#feed-url-error")).ToContainTextAsync("Paste the calendar's iCal address.");
        await dialog.GetByLabel("iCal address").FillAsync(feedUrl);
        await dialog.GetByTestId("feed-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var card = page.GetByTestId("calendar-connection");
        await Expect(card).ToContainTextAsync("Town calendar");
        await Expect(card.GetByTestId("calendar-state")).ToHaveTextAsync("Waiting for first sync");
        await card.GetByTestId("calendar-sync-now").ClickAsync();
        await Expect(page.GetByText("Synced: 2 new, 0 changed, 0 removed.")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("calendar-state")).ToHaveTextAsync("Syncing normally");
        Assert.DoesNotContain("5eCr3t", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByTestId("calendars-suggestions-link").ClickAsync();
        var suggestion = page.GetByTestId("suggestion");
        await Expect(suggestion).ToHaveCountAsync(1); // the lunch has no #outreach: not suggested
        await Expect(suggestion).ToContainTextAsync("Town council #outreach");
        await Expect(suggestion).ToContainTextAsync("Town hall");
        await Expect(suggestion.GetByText("Edna Krabappel")).ToBeVisibleAsync();
        await suggestion.GetByTestId("suggestion-confirm").ClickAsync();
        await Expect(page.GetByText("Logged: Town council #outreach")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("suggestions-empty")).ToBeVisibleAsync();

        var logged = await app.Factory.WithDbAsync(db => db.OutreachEvents.AsNoTracking().Include(e => e.Contacts).Include(e => e.Staff).SingleAsync());
        Assert.Equal(("Town council #outreach", EventSource.Calendar, "Town hall"), (logged.Title, logged.Source, logged.Location));
        Assert.Single(logged.Contacts);
        Assert.Single(logged.Staff);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ConnectGoogle_ThroughTheConsentRedirect_PickACalendar_SyncNow_Confirm_ShowsOnTheContactsPage()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        google.ConsentingUser = "jo@library.test";
        google.AddCalendar("jo@library.test", "Jo Staff", primary: true);
        google.AddCalendar("branch-events", "Branch events");
        google.PutEvent("branch-events", FakeEvents.Timed("visit1", "School visit #outreach", new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(15), TimeSpan.Zero), TimeSpan.FromHours(1))
            .With("description", "<p>Bring <b>card</b> forms</p>")
            .WithAttendees(("jo@library.test", null, "accepted", true), ("edna@springfield.k12.example", null, "accepted", false)));
        await using var app = await LiveApp.StartAsync(new Dictionary<string, string?>
        {
            ["CalendarSync:Enabled"] = "false",
            ["CalendarSync:Google:ClientId"] = "e2e-client.apps.example",
            ["CalendarSync:Google:ClientSecret"] = "e2e-secret",
            ["CalendarSync:Google:ApiBaseUri"] = google.ApiBase,
            ["CalendarSync:Google:AuthorizationEndpoint"] = google.AuthorizationEndpoint,
            ["CalendarSync:Google:TokenEndpoint"] = google.TokenEndpoint,
            ["CalendarSync:Google:RevokeEndpoint"] = google.RevokeEndpoint,
        });
        await app.Factory.CreateUserAsync("jo@library.test", Roles.Staff, "Jo Staff");
        var ednaId = Guid.Empty;
        await app.Factory.WithDbAsync(async db =>
        {
            var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel" };
            edna.Emails.Add(new ContactEmail { Address = "edna@springfield.k12.example", NormalizedAddress = "edna@springfield.k12.example", IsPrimary = true });
            db.Contacts.Add(edna);
            await db.SaveChangesAsync();
            ednaId = edna.Id;
        });
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app, "jo@library.test");
        await page.GotoAsync(app.Url("/calendars"));
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("calendars-connect-google").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose an account" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/calendars\\?connected="));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("calendars-message")).ToContainTextAsync("Google Calendar connected");
        var card = page.GetByTestId("calendar-connection");
        await Expect(card).ToContainTextAsync("Google Calendar (jo@library.test)");
        await card.GetByText("Settings", new() { Exact = true }).ClickAsync();
        await card.GetByLabel("Branch events").CheckAsync();
        await card.GetByLabel("Jo Staff").UncheckAsync();
        await card.GetByTestId("calendar-save").ClickAsync();
        await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
        await card.GetByTestId("calendar-sync-now").ClickAsync();
        await Expect(page.GetByText("Synced: 1 new, 0 changed, 0 removed.")).ToBeVisibleAsync();

        await page.GetByTestId("calendars-suggestions-link").ClickAsync();
        var suggestion = page.GetByTestId("suggestion");
        await Expect(suggestion).ToContainTextAsync("School visit #outreach");
        await suggestion.GetByTestId("suggestion-confirm").ClickAsync();
        await Expect(page.GetByText("Logged: School visit #outreach")).ToBeVisibleAsync();

        await page.GotoAsync(app.Url($"/contacts/{ednaId}"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("recent-outreach")).ToContainTextAsync("School visit #outreach");
        var stored = await app.Factory.WithDbAsync(db => db.CalendarConnections.Select(c => c.ProtectedSecret).SingleAsync());
        Assert.DoesNotContain("refresh-", stored, StringComparison.Ordinal);
    }
}
