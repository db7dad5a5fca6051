using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Timeline;

/// <summary>
/// A staff member opens a contact with a long history (160 touches, all started by the library, and 5 events), sees
/// the health flag, scrolls: older entries load a page at
/// a time; "Load older entries" works from the keyboard; a touch logged on the timeline shows on top; filtering by type shows only the events — in Chromium against
/// the real server.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public class TimelineJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task LongTimeline_ShowsTheHealthFlag_LoadsProgressivelyOnScroll_AndFiltersByType()
    {
        await using var app = await LiveApp.StartAsync();
        var sam = await app.Factory.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await app.Factory.WithDbAsync(async db =>
        {
            db.Contacts.Add(edna);
            for (var i = 0; i < 160; i++)
            {
                db.Interactions.Add(new Interaction
                {
                    ContactId = edna.Id, OccurredAt = start.AddDays(-2 * i), Channel = ContactChannel.Email, InitiatedBy = InitiatedBy.Library,
                    StaffUserId = sam.Id, Summary = $"Touch {i:000}",
                });
            }

            for (var i = 0; i < 5; i++)
            {
                var day = DateOnly.FromDateTime(start.AddDays(-45 * i - 1).UtcDateTime);
                db.OutreachEvents.Add(new OutreachEvent
                {
                    Title = $"Council meeting {i}", TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = day, EndDate = day,
                    Contacts = [new() { ContactId = edna.Id }], Staff = [new() { UserId = sam.Id }],
                });
            }

            await db.SaveChangesAsync();
        });
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await page.SignInAsync(app, "sam@library.test");

        await page.GotoAsync(app.Url($"/contacts/{edna.Id}"));
        await page.WaitForInteractiveAsync();
        // The library always started it: the health card (Features/Health) flags the relationship as one-sided.
        await Expect(page.GetByTestId("health-card").GetByTestId("health-flag")).ToContainTextAsync("One-sided: the library always reaches out");
        var timeline = page.GetByTestId("timeline");
        var entries = timeline.GetByTestId("timeline-entry");
        // The first page only, newest first, grouped by month, naming the staff member.
        await Expect(entries).ToHaveCountAsync(50);
        await Expect(entries.First).ToContainTextAsync("Touch 000");
        await Expect(entries.First).ToContainTextAsync("Staff: Sam Staff");
        Assert.True(await timeline.GetByTestId("timeline-month").CountAsync() >= 3);

        // Scrolling to the end of the list loads the next page, and the one after (never all at once).
        await entries.Last.ScrollIntoViewIfNeededAsync();
        await Expect(entries).ToHaveCountAsync(100);
        await Expect(timeline.GetByTestId("timeline-status")).ToContainTextAsync("Loaded 50 older entries");
        await entries.Last.ScrollIntoViewIfNeededAsync();
        await Expect(entries).ToHaveCountAsync(150);

        // The button does the same from the keyboard; the last page says the timeline is whole.
        var older = timeline.GetByTestId("timeline-load-older");
        await older.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(entries).ToHaveCountAsync(165);
        await Expect(timeline.GetByTestId("timeline-end")).ToBeVisibleAsync();
        await Expect(entries.Last).ToContainTextAsync("Touch 159");

        // "Log a touch" on the timeline is filled with Edna; once saved it is the newest entry, without a page reload.
        await page.EvaluateAsync("window.__sameDocument = true");
        await timeline.GetByTestId("timeline-log-touch").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(page.Locator("#touch-who")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Edna Krabappel"));
        await page.Locator("div.mud-input-control.mud-select", new() { Has = page.GetByText("Channel") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Phone" }).ClickAsync();
        await page.GetByTestId("touch-initiated-partner").ClickAsync();
        await page.Locator("#touch-summary").FillAsync("Edna asked about the reading challenge");
        await page.GetByTestId("touch-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(entries.First).ToContainTextAsync("Edna asked about the reading challenge");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");

        // Filter by type: only the events, starting again from the newest.
        await page.Locator("div.mud-input-control.mud-select", new() { Has = page.Locator("#timeline-types") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Events" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(entries).ToHaveCountAsync(5);
        await Expect(timeline.GetByTestId("timeline-title")).ToHaveTextAsync(["Council meeting 0", "Council meeting 1", "Council meeting 2", "Council meeting 3", "Council meeting 4"]);
        await Expect(entries.First).ToContainTextAsync("Event:");
        Assert.Empty(errors);
    }
}
