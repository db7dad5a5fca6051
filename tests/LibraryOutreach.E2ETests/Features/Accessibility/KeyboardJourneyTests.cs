using System.Text.Json;
using System.Text.RegularExpressions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Accessibility;

/// <summary>
/// The three main jobs done with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, arrow keys and typing; no
/// clicks): a supervisor logs a town meeting, a staff member opens a contact from the list and reads the timeline, an
/// Admin invites a colleague. After every key press the focused element must show a focus indicator (an outline or a
/// box shadow, read from its computed style); dialogs keep Tab inside themselves and give focus back to their opener.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class KeyboardJourneyTests(BrowserFixture browser, DemoTown town) : IClassFixture<DemoTown>
{
    [Fact]
    public async Task LogTownMeeting_KeyboardOnly_IsSavedWithTheAttendee()
    {
        var attendee = await town.App.Factory.WithDbAsync(db =>
            db.Contacts.Where(c => c.Id != town.BusiestContactId).OrderBy(c => c.DisplayName).Select(c => c.DisplayName).FirstAsync());
        await using var context = await browser.Browser.NewContextAsync();
        var keys = new Keyboard(await context.NewPageAsync());
        await keys.SignInAsync(town.App, DemoTown.SupervisorEmail);
        var before = await town.App.Factory.WithDbAsync(db => db.OutreachEvents.CountAsync());

        // The home page: the skip link first, then back (Shift+Tab) into the navigation to "Log a meeting", Enter.
        await keys.SkipToMainAsync();
        await keys.TabToAsync("a[href='events/new'], a[href='/events/new']", shift: true);
        await keys.PressAsync("Enter");
        await Expect(keys.Page).ToHaveURLAsync(town.App.Url("/events/new"));
        await keys.Page.WaitForInteractiveAsync();
        await Expect(keys.Page.Locator("#event-type")).ToHaveValueAsync("Town or council meeting");

        // Forward through the form to the attendee box; Enter picks the highlighted person.
        await keys.TabToAsync("#event-attendee-input");
        await keys.TypeAsync(attendee);
        await Expect(keys.Page.Locator(".mud-popover-open [data-testid=event-attendee-option]", new() { HasText = attendee })).ToBeVisibleAsync();
        await keys.PressAsync("Enter");
        await Expect(keys.Page.GetByTestId("event-attendee-chip").Filter(new() { HasText = attendee })).ToBeVisibleAsync();

        await keys.TabToAsync("#event-notes");
        await keys.TypeAsync("Budget hearing; the library's evening hours came up.");
        await keys.TabToAsync("[data-testid=event-save]");
        await keys.PressAsync("Enter");

        await Expect(keys.Page).ToHaveURLAsync(new Regex("/events/[0-9a-f-]{36}$"));
        await Expect(keys.Page.Locator(".mud-snackbar", new() { HasText = "Meeting logged." })).ToBeVisibleAsync();
        await Expect(keys.Page.GetByTestId("event-attendees")).ToContainTextAsync(attendee);
        Assert.Equal(before + 1, await town.App.Factory.WithDbAsync(db => db.OutreachEvents.CountAsync()));
        keys.AssertFocusWasAlwaysVisible();
    }

    [Fact]
    public async Task OpenContactAndReadTimeline_KeyboardOnly_ReachesTheTimelineEntries()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var keys = new Keyboard(await context.NewPageAsync());
        await keys.SignInAsync(town.App, DemoTown.StaffEmail);

        await keys.TabToAsync("a[href='contacts'], a[href='/contacts']");
        await keys.PressAsync("Enter");
        await Expect(keys.Page).ToHaveURLAsync(town.App.Url("/contacts"));
        await keys.Page.WaitForInteractiveAsync();
        await keys.TabToAsync("#contacts-text");
        await keys.TypeAsync(town.BusiestContactName);
        var link = keys.Page.GetByTestId("contact-link").Filter(new() { HasTextString = town.BusiestContactName });
        await Expect(link.First).ToBeVisibleAsync();
        await keys.TabToAsync("[data-testid=contact-link]");
        Assert.Equal(town.BusiestContactName, (await keys.FocusedTextAsync()).Trim());
        await keys.PressAsync("Enter");

        await Expect(keys.Page).ToHaveURLAsync(town.App.Url($"/contacts/{town.BusiestContactId}"));
        await keys.Page.WaitForInteractiveAsync();
        await Expect(keys.Page.GetByTestId("timeline-entry").First).ToBeVisibleAsync();
        // Tab onward into the timeline: a link in an entry takes focus, and the entries are there to read.
        await keys.TabToAsync("[data-testid=timeline-entry] a", maxPresses: 150);
        Assert.True(await keys.Page.GetByTestId("timeline-entry").CountAsync() >= 10, "the busiest contact's timeline shows its entries");
        keys.AssertFocusWasAlwaysVisible();
    }

    [Fact]
    public async Task InviteStaff_KeyboardOnly_DialogTrapsFocusAndEscapeReturnsFocusToTheButton()
    {
        await using var app = await LiveApp.StartAsync();
        await app.Factory.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        await using var context = await browser.Browser.NewContextAsync();
        var keys = new Keyboard(await context.NewPageAsync());
        await keys.SignInAsync(app, "ada@library.test");

        await keys.TabToAsync("a[href='staff'], a[href='/staff']");
        await keys.PressAsync("Enter");
        await Expect(keys.Page).ToHaveURLAsync(app.Url("/staff"));
        await keys.Page.WaitForInteractiveAsync();
        await keys.TabToAsync("[data-testid=invite-button]");
        await keys.PressAsync("Enter");

        // The dialog takes focus and keeps it: Tab and Shift+Tab go round inside it.
        var dialog = keys.Page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(keys.Page.Locator("#invite-email")).ToBeFocusedAsync();
        await keys.AssertTabStaysInsideAsync(".mud-dialog", presses: 12, shift: false);
        await keys.AssertTabStaysInsideAsync(".mud-dialog", presses: 12, shift: true);

        // Escape closes it without inviting anyone, and focus is back on "Invite staff".
        await keys.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(keys.Page.GetByTestId("invite-button")).ToBeFocusedAsync();

        // Again, this time to the end: email, name, the role picked with the arrow keys, Invite.
        await keys.PressAsync("Enter");
        await Expect(keys.Page.Locator("#invite-email")).ToBeFocusedAsync();
        await keys.TypeAsync("sam@library.test");
        await keys.TabToAsync("#invite-name");
        await keys.TypeAsync("Sam Supervisor");
        await keys.TabToAsync("#invite-role");
        await keys.ChooseInSelectAsync("#invite-role", "Supervisor");
        await keys.TabToAsync("[data-testid=invite-submit]");
        await keys.PressAsync("Enter");

        var linkField = keys.Page.Locator("#shared-link");
        await Expect(linkField).ToHaveValueAsync(new Regex("/account/accept-invitation\\?token="));
        await keys.AssertTabStaysInsideAsync(".mud-dialog", presses: 6, shift: false);
        await keys.PressAsync("Escape");
        await Expect(keys.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(keys.Page.GetByTestId("invitations-table")).ToContainTextAsync("sam@library.test");
        await Expect(keys.Page.GetByTestId("invite-button")).ToBeFocusedAsync();
        var invitation = await app.Factory.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal((Roles.Supervisor, "sam@library.test"), (invitation.Role, invitation.Email));
        keys.AssertFocusWasAlwaysVisible();
    }

    /// <summary>Key presses only, with a record of every focused element that showed no focus indicator.</summary>
    private sealed class Keyboard(IPage page)
    {
        private const string FocusState = """
            () => {
                const e = document.activeElement;
                if (!e || e === document.body || e === document.documentElement) {
                    return JSON.stringify({ element: 'body', visible: false });
                }
                const s = getComputedStyle(e);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                const shadow = !!s.boxShadow && s.boxShadow !== 'none';
                const name = e.getAttribute('aria-label') || e.id || (e.textContent || '').trim().slice(0, 40);
                return JSON.stringify({ element: `${e.tagName.toLowerCase()} "${name}"`, visible: outline || shadow });
            }
            """;

        private readonly List<string> _invisible = [];

        public IPage Page { get; } = page;

        public int Presses { get; private set; }

        /// <summary>Signs in on the server-rendered sign-in form with the keyboard.</summary>
        public async Task SignInAsync(LiveApp app, string email)
        {
            await Page.GotoAsync(app.Url("/account/login"));
            await TabToAsync("input[type=email], input[name='Input.Email']");
            await TypeAsync(email);
            await TabToAsync("input[type=password]");
            await TypeAsync(OutreachAppFactory.DefaultPassword);
            await PressAsync("Enter");
            await Expect(Page).ToHaveURLAsync(app.Url("/"));
            await Page.WaitForInteractiveAsync();
        }

        public async Task PressAsync(string key)
        {
            await Page.Keyboard.PressAsync(key);
            Presses++;
        }

        public Task TypeAsync(string text) => Page.Keyboard.TypeAsync(text, new KeyboardTypeOptions { Delay = 10 });

        /// <summary>On a freshly loaded page the first Tab reaches "Skip to main content"; Enter moves focus into the main region.</summary>
        public async Task SkipToMainAsync()
        {
            await TabToAsync("a.skip-link", maxPresses: 1);
            await PressAsync("Enter");
            await Expect(Page.Locator("#main-content")).ToBeFocusedAsync();
        }

        /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, checking the focus indicator at each stop.</summary>
        public async Task TabToAsync(string selector, int maxPresses = 80, bool shift = false)
        {
            for (var i = 0; i < maxPresses; i++)
            {
                await PressAsync(shift ? "Shift+Tab" : "Tab");
                await CheckFocusAsync();
                if (await Page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
                {
                    return;
                }
            }

            Assert.Fail($"{maxPresses} presses of Tab did not reach {selector}; focus is on {await DescribeFocusAsync()}.");
        }

        public async Task AssertTabStaysInsideAsync(string container, int presses, bool shift)
        {
            for (var i = 0; i < presses; i++)
            {
                await PressAsync(shift ? "Shift+Tab" : "Tab");
                await CheckFocusAsync();
                var inside = await Page.EvaluateAsync<bool>("c => !!document.activeElement && !!document.activeElement.closest(c)", container);
                Assert.True(inside, $"after {i + 1} {(shift ? "Shift+Tab" : "Tab")} press(es), focus left {container} for {await DescribeFocusAsync()}");
            }
        }

        /// <summary>Opens a MudSelect with Enter, moves with the arrow keys to <paramref name="option"/> and picks it with Enter.</summary>
        public async Task ChooseInSelectAsync(string inputSelector, string option)
        {
            await PressAsync("Enter");
            var items = Page.Locator(".mud-popover-open .mud-list-item");
            await Expect(items.First).ToBeVisibleAsync();
            for (var i = 0; i < 6 && await Page.Locator(inputSelector).InputValueAsync() != option; i++)
            {
                await PressAsync("ArrowDown");
                if (await Page.Locator(".mud-popover-open .mud-list-item.mud-selected-item, .mud-popover-open .mud-list-item[aria-selected=true]", new() { HasText = option }).CountAsync() > 0)
                {
                    break;
                }
            }

            await PressAsync("Enter");
            await Expect(Page.Locator(inputSelector)).ToHaveValueAsync(option);
        }

        public Task<string> FocusedTextAsync() => Page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''");

        public void AssertFocusWasAlwaysVisible() =>
            Assert.True(_invisible.Count == 0, $"{_invisible.Count} focus stop(s) without a visible focus indicator:\n" + string.Join("\n", _invisible.Distinct()));

        private async Task<FocusSnapshot> CheckFocusAsync()
        {
            var state = JsonSerializer.Deserialize<FocusSnapshot>(await Page.EvaluateAsync<string>(FocusState), JsonOptions)!;
            if (!state.Visible)
            {
                _invisible.Add($"{state.Element} on {Page.Url}");
            }

            return state;
        }

        private async Task<string> DescribeFocusAsync() =>
            JsonSerializer.Deserialize<FocusSnapshot>(await Page.EvaluateAsync<string>(FocusState), JsonOptions)!.Element;

        private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    }

    private sealed record FocusSnapshot(string Element, bool Visible);
}
