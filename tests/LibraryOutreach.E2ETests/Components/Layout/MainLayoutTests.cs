using System.Text.RegularExpressions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Components.Layout;

[Collection(BrowserCollectionDefinition.Name)]
public class MainLayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignInThemeAndSignOut_InChromium_ThemeChoiceSurvivesReloadAndSignOutEndsTheSession()
    {
        await using var app = await LiveApp.StartAsync();
        await app.Factory.CreateUserAsync("robin@library.test", Roles.Staff, "Robin Staff");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();

        await page.GotoAsync(app.Url("/"));
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByLabel("Email").FillAsync("robin@library.test");
        await page.GetByLabel("Password").FillAsync(OutreachAppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();

        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync(app.Url("/"));
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        Assert.Empty(errors);
    }
}
