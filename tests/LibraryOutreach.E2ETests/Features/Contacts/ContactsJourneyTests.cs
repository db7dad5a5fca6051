using System.Text;
using System.Text.RegularExpressions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Contacts;

/// <summary>
/// The people map in Chromium against the real server: create an organization, add a contact with an affiliation,
/// tag both, find them with the app bar's search, import a Google Contacts CSV with one bad row, undo the import —
/// and the same pages at phone width (390 × 844) without sideways scrolling.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public partial class ContactsJourneyTests(BrowserFixture browser)
{
    private const string GoogleCsv = """
        First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value
        Nelson,,Muntz,Springfield Elementary,Student council,* myContacts,* Work,nelson@springfield.k12.us,Mobile,555-0142
        Otto,,Mann,,Bus driver,* myContacts,* Work,not-an-email,,
        Martin,,Prince,Springfield Elementary,,* myContacts,* Work,martin@springfield.k12.us,,
        """;

    [Fact]
    public async Task OrganizationContactTagsSearchImportUndo_InChromium_EveryStepShowsItsResult()
    {
        await using var app = await LiveApp.StartAsync();
        await app.Factory.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        await app.Factory.WithDbAsync(async db =>
        {
            db.Tags.Add(new Tag { Id = Guid.CreateVersion7(), Name = "Schools", Color = "#1f5f8b" });
            db.Tags.Add(new Tag { Id = Guid.CreateVersion7(), Name = "Board", Color = "#8b1f5f" });
            await db.SaveChangesAsync();
        });
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await SignInAsync(page, app);

        // 1. An organization, tagged.
        await page.GotoAsync(app.Url("/organizations"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("org-new").ClickAsync();
        await page.Locator("#org-name").FillAsync("Springfield Elementary");
        await ChooseAsync(page, "#org-tags", "Schools");
        await page.GetByTestId("org-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(OrganizationUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Springfield Elementary" })).ToBeVisibleAsync();

        // 2. A contact, tagged, with an affiliation to it.
        await page.GotoAsync(app.Url("/contacts"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("contacts-new").ClickAsync();
        await page.Locator("#contact-first").FillAsync("Edna");
        await page.Locator("#contact-last").FillAsync("Krabappel");
        await page.Locator("#contact-email-0").FillAsync("edna.k@springfield.k12.us");
        await page.GetByTestId("contact-tags").ClickAsync();
        await PickAndCloseAsync(page, "Schools");
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        var ednaUrl = page.Url;
        await page.GetByTestId("affiliation-add").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Organization").FillAsync("Springfield");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Springfield Elementary" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Organization")).ToHaveValueAsync("Springfield Elementary");
        await page.Locator("#affiliation-role").FillAsync("Fourth-grade teacher");
        await page.GetByTestId("affiliation-save").ClickAsync();
        await Expect(page.GetByTestId("affiliations-panel")).ToContainTextAsync("Springfield Elementary");
        await Screenshots.SaveAsync(page, "contact");

        // 3. "/" focuses the search; results are grouped by kind; choosing one opens it.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Edna Krabappel" }).ClickAsync();
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#global-search-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("schools");
        var groups = page.Locator(".mud-popover-open [data-testid=global-search-group]");
        await Expect(groups).ToHaveTextAsync(["Contacts", "Organizations"]);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Springfield Elementary" }).Last.ClickAsync();
        await Expect(page).ToHaveURLAsync(OrganizationUrl());
        await Expect(page.GetByTestId("affiliations-panel")).ToContainTextAsync("Edna Krabappel");
        await page.Locator("#global-search-input").FillAsync("krab fourth");
        var edna = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Edna Krabappel" });
        await Expect(edna).ToContainTextAsync("Fourth-grade teacher, Springfield Elementary");
        if (Screenshots.Directory is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, "search-desktop.png") });
        }

        await edna.ClickAsync();
        await Expect(page).ToHaveURLAsync(ednaUrl);

        // 4. Import a Google Contacts CSV with one bad row: the preview names the row; the rest is imported and found.
        await page.GotoAsync(app.Url("/import"));
        await page.WaitForInteractiveAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "google-contacts.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(GoogleCsv),
        });
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("3 rows (Google Contacts");
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("Row 2: Bad email");
        await page.GetByTestId("import-confirm").ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("2 added");
        await SearchAsync(page, "muntz");
        await Expect(page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Nelson Muntz" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // 5. Undo: the imported people are gone, from the lists and from the search.
        await page.GetByTestId("import-undo").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo import" }).ClickAsync();
        await Expect(page.GetByTestId("import-batches")).ToContainTextAsync("Undone");
        await SearchAsync(page, "muntz");
        await Expect(page.Locator(".mud-popover-open")).ToContainTextAsync("No contacts or organizations match.");
        await page.GotoAsync(app.Url("/contacts"));
        await Expect(page.GetByTestId("contact-link")).ToHaveTextAsync(["Edna Krabappel"]);
        Assert.Empty(errors);

        // 6. Phone width: the contact, the lists and the search fit without sideways scrolling.
        var phone = await context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { new Uri(ednaUrl).AbsolutePath, "/contacts", "/organizations", "/import", "/search?q=spring" })
        {
            await phone.GotoAsync(app.Url(path));
            await phone.WaitForInteractiveAsync();
            await Expect(phone.Locator("#global-search-input")).ToBeVisibleAsync();
            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 390 px wide.");
        }
    }

    private static Task SignInAsync(IPage page, LiveApp app) => page.SignInAsync(app, "lee@library.test");

    private static async Task ChooseAsync(IPage page, string inputId, string item)
    {
        await page.Locator("div.mud-input-control.mud-select", new() { Has = page.Locator(inputId) }).ClickAsync();
        await PickAndCloseAsync(page, item);
    }

    /// <summary>Ticks an item of an open multi-select and closes it, waiting for the server at each step.</summary>
    private static async Task PickAndCloseAsync(IPage page, string item)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item });
        await option.ClickAsync();
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("#global-search-input").FillAsync("");
        await page.Locator("#global-search-input").FillAsync(text);
    }

    [GeneratedRegex("/organizations/[0-9a-f-]{36}$")]
    private static partial Regex OrganizationUrl();
}
