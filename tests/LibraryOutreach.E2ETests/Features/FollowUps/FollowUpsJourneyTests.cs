using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.FollowUps;

/// <summary>
/// A staff member adds a follow-up from a contact's page, sees the navigation badge count it, opens My follow-ups,
/// marks it done in one click, and the badge goes down — in Chromium against the real server.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public class FollowUpsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AddFromContactPage_BadgeCountsIt_MarkDoneOnMyFollowUps_BadgeGoesDown()
    {
        await using var app = await LiveApp.StartAsync();
        var sam = await app.Factory.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        await app.Factory.WithDbAsync(async db =>
        {
            db.Contacts.Add(edna);
            // One follow-up due next week: listed, but not counted by the badge.
            db.FollowUps.Add(new FollowUp { Title = "Plan the summer visit", DueDate = LibraryTime.Today(TimeProvider.System).AddDays(7), AssigneeId = sam.Id });
            await db.SaveChangesAsync();
        });
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await page.GotoAsync(app.Url("/"));
        await page.GetByLabel("Email").FillAsync("sam@library.test");
        await page.GetByLabel("Password").FillAsync(OutreachAppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("nav-followups")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("followups-badge")).ToHaveCountAsync(0);

        // 1. From the contact's page: "Add follow-up", due today, assigned to me by default.
        await page.GotoAsync(app.Url($"/contacts/{edna.Id}"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("followups-panel-add").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("followup-about")).ToContainTextAsync("Edna Krabappel");
        await page.Locator("#followup-title").FillAsync("Send Edna the summer reading flyer");
        await page.Locator("#followup-due").FillAsync(LibraryTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#followup-due").PressAsync("Tab");
        await page.GetByTestId("followup-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("followups-panel").GetByTestId("followup-row")).ToContainTextAsync("Send Edna the summer reading flyer");

        // 2. The badge in the navigation counts it (due today), not the one due next week.
        await Expect(page.GetByTestId("followups-badge")).ToHaveTextAsync("1");

        // 3. My follow-ups: due today before upcoming; one click marks it done; the badge goes down.
        await page.GetByTestId("nav-followups").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/follow-ups"));
        await Expect(page.GetByTestId("followup-title-text")).ToHaveTextAsync(["Send Edna the summer reading flyer", "Plan the summer visit"]);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Mark “Send Edna the summer reading flyer” done" }).ClickAsync();
        await Expect(page.GetByTestId("followup-title-text")).ToHaveTextAsync(["Plan the summer visit"]);
        await Expect(page.GetByTestId("followups-badge")).ToHaveCountAsync(0);

        // 4. Due to reach out: Sam's contact, never touched, is listed with its status and leads to the contact.
        await page.GotoAsync(app.Url("/reach-out"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("reachout-name")).ToHaveTextAsync(["Edna Krabappel"]);
        await Expect(page.GetByTestId("reachout-table").GetByTestId("cadence-status")).ToHaveTextAsync(["Never touched"]);
        await page.GetByTestId("reachout-name").ClickAsync();
        await Expect(page.GetByTestId("stay-in-touch-panel")).ToContainTextAsync("No touch yet");

        // Done is recorded with who and when.
        var done = await app.Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.FollowUps, f => f.Title == "Send Edna the summer reading flyer"));
        Assert.Equal((sam.Id, edna.Id), (done.DoneById, done.ContactId));
        Assert.NotNull(done.DoneAt);
        Assert.Empty(errors);
    }
}
