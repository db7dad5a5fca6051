using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Contacts;

/// <summary>A supervisor merges a duplicate contact on a phone-sized screen, with the keyboard only, in Chromium.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public class MergeContactJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task MergeContact_AtPhoneWidthWithTheKeyboard_MovesTheDuplicateAndItsOldAddressPointsToTheSurvivor()
    {
        await using var app = await LiveApp.StartAsync();
        var sue = await app.Factory.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        Guid survivorId;
        Guid duplicateId;
        await using (var scope = app.Factory.ScopeAs(sue, Roles.Supervisor))
        {
            var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
            survivorId = await contacts.CreateAsync(new ContactInput { FirstName = "Marge", LastName = "Simpson", Emails = [new() { Address = "marge@example.org" }] });
            duplicateId = await contacts.CreateAsync(new ContactInput { FirstName = "Marjorie", LastName = "Simpson", Emails = [new() { Address = "pta@springfield.k12.us" }] });
        }

        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await page.GotoAsync(app.Url($"/contacts/{survivorId}"));
        await page.GetByLabel("Email").FillAsync("sue@library.test");
        await page.GetByLabel("Password").FillAsync(OutreachAppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url($"/contacts/{survivorId}"));
        await page.WaitForInteractiveAsync();

        var open = page.GetByRole(AriaRole.Button, new() { Name = "Merge a duplicate into this contact" });
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var picker = page.GetByLabel("Duplicate contact");
        await Expect(picker).ToBeVisibleAsync();
        await picker.FocusAsync();
        await picker.PressSequentiallyAsync("Marj");
        await Expect(page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Marjorie Simpson" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        // Enter only chooses once the server has highlighted the option (the key presses travel over the circuit).
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Marjorie Simpson" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("merge-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("merge-summary")).ToContainTextAsync("What moves from Marjorie Simpson (the duplicate) to Marge Simpson (stays)");

        // Nothing sticks out sideways at 390 px: no page scrollbar, the dialog and its table inside the screen.
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));
        var dialog = await page.Locator(".mud-dialog").BoundingBoxAsync();
        var table = await page.GetByTestId("merge-summary").Locator("table").BoundingBoxAsync();
        Assert.True(dialog is not null && dialog.X >= 0 && dialog.X + dialog.Width <= 390, $"dialog at {dialog?.X} width {dialog?.Width}");
        Assert.True(table is not null && table.X >= 0 && table.X + table.Width <= 390, $"table at {table?.X} width {table?.Width}");

        var confirm = page.GetByLabel("Yes, merge Marjorie Simpson into Marge Simpson.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(confirm).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(confirm).ToBeCheckedAsync();
        var merge = page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true });
        await merge.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("Marjorie Simpson was merged into Marge Simpson.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("record-history")).ToContainTextAsync("Merged a duplicate into this record");
        await Expect(page.GetByText("pta@springfield.k12.us")).ToBeVisibleAsync();

        await page.GotoAsync(app.Url($"/contacts/{duplicateId}"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("contact-merged-notice")).ToContainTextAsync("This contact was merged into Marge Simpson");
        await page.GetByRole(AriaRole.Link, new() { Name = "Marge Simpson" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url($"/contacts/{survivorId}"));
        Assert.Empty(errors);
    }
}
