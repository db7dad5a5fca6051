using Microsoft.Playwright;

namespace LibraryOutreach.E2ETests.Infrastructure;

[Collection(BrowserCollectionDefinition.Name)]
public class AppShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task NotFoundPage_Anonymous_RendersStyledWithoutCspErrors()
    {
        await using var app = await LiveApp.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();

        await page.GotoAsync(app.Url("/not-found"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We couldn't find that page" })).ToBeVisibleAsync();
        // MudBlazor's stylesheet loaded (static web assets are served) and styles the app bar.
        var appBarPosition = await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).position");
        Assert.Equal("fixed", appBarPosition);
        Assert.Empty(errors);
    }
}
