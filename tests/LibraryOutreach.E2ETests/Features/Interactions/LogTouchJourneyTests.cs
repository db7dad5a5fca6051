using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Interactions;

/// <summary>
/// A staff member logs a touch from a phone (390 × 844) with the keyboard shortcut; and what they type survives a cut
/// connection (same circuit) and a reload (new circuit, from the draft).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public class LogTouchJourneyTests(BrowserFixture browser)
{
    private const string Summary = "Talked with Edna about a class visit to the bookmobile";

    /// <summary>
    /// Wraps <c>window.WebSocket</c> (and the fetches of the long-polling fallback): <c>__net.cut()</c> closes every open
    /// socket and refuses new connections until <c>__net.allow()</c>.
    /// </summary>
    private const string NetworkSwitch = """
        (() => {
            const NativeWebSocket = window.WebSocket;
            const nativeFetch = window.fetch.bind(window);
            const sockets = new Set();
            let cut = false;
            function OutreachTestSocket(url, protocols) {
                // Refused: a socket to a closed port fails the way a dead network does.
                const socket = cut ? new NativeWebSocket("ws://127.0.0.1:9/") : new NativeWebSocket(url, protocols);
                sockets.add(socket);
                socket.addEventListener("close", () => sockets.delete(socket));
                return socket;
            }
            OutreachTestSocket.prototype = NativeWebSocket.prototype;
            ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(k => OutreachTestSocket[k] = NativeWebSocket[k]);
            window.WebSocket = OutreachTestSocket;
            window.fetch = (input, init) => {
                const url = typeof input === "string" ? input : input.url;
                return cut && url.includes("/_blazor") ? Promise.reject(new TypeError("Failed to fetch")) : nativeFetch(input, init);
            };
            window.__net = {
                cut: () => { cut = true; sockets.forEach(s => s.close()); },
                allow: () => { cut = false; },
                openSockets: () => [...sockets].filter(s => s.readyState === NativeWebSocket.OPEN).length,
            };
        })();
        """;

    private static async Task<LiveApp> StartAsync()
    {
        var app = await LiveApp.StartAsync();
        await app.Factory.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await app.Factory.WithDbAsync(async db =>
        {
            var school = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
            var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel" };
            db.AddRange(school, edna, new Affiliation { ContactId = edna.Id, OrganizationId = school.Id, Role = "Teacher" });
            await db.SaveChangesAsync();
        });
        return app;
    }

    private static Task SignInAsync(IPage page, LiveApp app) => page.SignInAsync(app, "sam@library.test");

    private static async Task ChooseEdnaAsync(IPage page)
    {
        await page.Locator("#touch-who").FillAsync("Edna");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Edna Krabappel" }).ClickAsync();
        await Expect(page.Locator("#touch-who")).ToHaveValueAsync("Edna Krabappel (Springfield Elementary)");
    }

    [Fact]
    public async Task LogTouch_WithTheShortcutAtPhoneWidth_FitsOneScreenAndSaves()
    {
        await using var app = await StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await SignInAsync(page, app);

        await page.Keyboard.PressAsync("Alt+Shift+L");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("#touch-who")).ToBeFocusedAsync();
        var save = page.GetByTestId("touch-save");
        await Expect(save).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = await save.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= 844, $"Save ends at {box.Y + box.Height}px, below the 844px screen.");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollY"));
        var content = page.Locator(".log-touch-content");
        Assert.True(await content.EvaluateAsync<bool>("e => e.scrollHeight <= e.clientHeight + 1"), "The dialog's content scrolls at phone width.");

        // Saving with nothing chosen names what is missing, including who started it.
        await save.ClickAsync();
        await Expect(page.GetByTestId("touch-initiated-error")).ToHaveTextAsync("Choose who started it: the library, the partner, or both (mutual).");

        await ChooseEdnaAsync(page);
        await page.Locator("div.mud-input-control.mud-select", new() { Has = page.GetByText("Channel") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Phone" }).ClickAsync();
        await page.GetByTestId("touch-initiated-partner").ClickAsync();
        await page.Locator("#touch-summary").FillAsync(Summary);
        await save.ClickAsync();

        await Expect(page.GetByText("Touch logged.")).ToBeVisibleAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var saved = await app.Factory.WithDbAsync(db => db.Interactions.Include(i => i.Contact).Include(i => i.Organization).SingleAsync());
        Assert.Equal((Summary, ContactChannel.Phone, InitiatedBy.Partner), (saved.Summary, saved.Channel, saved.InitiatedBy));
        Assert.Equal(("Edna Krabappel", "Springfield Elementary"), (saved.Contact!.DisplayName, saved.Organization!.Name));

        // It shows on Edna's page, under Recent outreach.
        await page.GetByRole(AriaRole.Button, new() { Name = "View" }).ClickAsync();
        await Expect(page.GetByTestId("interaction-title")).ToHaveTextAsync(Summary);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edna Krabappel" }).ClickAsync();
        await Expect(page.GetByTestId("recent-outreach")).ToContainTextAsync(Summary);

        // The lists fit the phone without sideways scrolling; the month shows as a list of days there.
        foreach (var path in new[] { "/interactions", "/events" })
        {
            await page.GotoAsync(app.Url(path));
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 390 px wide.");
        }

        await Expect(page.GetByTestId("interaction-summary")).ToHaveCountAsync(0);
        await page.GetByTestId("events-view-month").ClickAsync();
        await Expect(page.GetByTestId("month-list")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("month-grid")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "The month view scrolls sideways at 390 px wide.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LogTouch_ConnectionCutThenReload_KeepsWhatWasTyped()
    {
        await using var app = await StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await context.AddInitScriptAsync(NetworkSwitch);
        var page = await context.NewPageAsync();
        await SignInAsync(page, app);
        Assert.True(await page.EvaluateAsync<int>("() => window.__net.openSockets()") > 0, "The circuit should run over the wrapped WebSocket.");

        await page.Keyboard.PressAsync("Alt+Shift+L");
        await ChooseEdnaAsync(page);
        await page.GetByTestId("touch-initiated-mutual").ClickAsync();
        await page.Locator("#touch-summary").FillAsync(Summary);
        await page.WaitForFunctionAsync(
            "text => Object.keys(localStorage).some(k => k.endsWith(':log-touch') && localStorage.getItem(k).includes(text))",
            "class visit to the bookmobile");

        // Cut: the app says it lost the connection; allowed again, the same circuit resumes with the text in place.
        await page.EvaluateAsync("() => window.__net.cut()");
        await Expect(page.Locator("#components-reconnect-modal, .components-reconnect-show, [class*='components-reconnect']").First).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(1500);
        await page.EvaluateAsync("() => window.__net.allow()");
        await page.WaitForFunctionAsync("() => window.__net.openSockets() > 0", null, new() { Timeout = 30_000 });
        await Expect(page.Locator("#touch-summary")).ToHaveValueAsync(Summary);
        await Expect(page.Locator("#touch-who")).ToHaveValueAsync("Edna Krabappel (Springfield Elementary)");

        // Reload (a new circuit): the dialog comes back filled from the draft.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.Keyboard.PressAsync("Alt+Shift+L");
        await Expect(page.GetByTestId("touch-draft-restored")).ToBeVisibleAsync();
        await Expect(page.Locator("#touch-summary")).ToHaveValueAsync(Summary);
        await Expect(page.Locator("#touch-who")).ToHaveValueAsync("Edna Krabappel (Springfield Elementary)");
        await Expect(page.GetByTestId("touch-initiated-mutual")).ToHaveAttributeAsync("aria-pressed", "true");

        // Saved from the draft; the draft is gone.
        await page.Locator("div.mud-input-control.mud-select", new() { Has = page.GetByText("Channel") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "In person" }).ClickAsync();
        await page.GetByTestId("touch-save").ClickAsync();
        await Expect(page.GetByText("Touch logged.")).ToBeVisibleAsync();
        Assert.Equal(InitiatedBy.Mutual, await app.Factory.WithDbAsync(db => db.Interactions.Select(i => i.InitiatedBy).SingleAsync()));
        Assert.False(await page.EvaluateAsync<bool>("() => Object.keys(localStorage).some(k => k.endsWith(':log-touch'))"));
    }
}
