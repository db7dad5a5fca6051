using LibraryOutreach.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// Waits until the Blazor circuit is connected: clicks before that go nowhere. The layout renders
    /// <c>data-interactive="true"</c> on its root once it has rendered interactively.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("[data-interactive='true']").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }

    /// <summary>Collects console errors (including Content-Security-Policy violations) for assertions.</summary>
    public static List<string> CollectConsoleErrors(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Signs in on the sign-in page as <paramref name="email"/> (the test password) and waits for the home page's circuit.</summary>
    public static async Task SignInAsync(this IPage page, LiveApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(app);
        await page.GotoAsync(app.Url("/"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(OutreachAppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await page.WaitForInteractiveAsync();
    }
}
