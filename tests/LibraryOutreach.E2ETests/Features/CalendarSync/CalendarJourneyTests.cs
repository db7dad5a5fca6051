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
}
