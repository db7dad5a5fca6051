using System.Net;
using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.IntegrationTests.Infrastructure;

public class AppShellTests
{
    [Fact]
    public async Task UnknownAddress_SignedIn_ShowsFriendlyNotFoundWith404()
    {
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Library:Name"] = "Shelbyville Library" });
        await app.CreateUserAsync("sam@library.test", Roles.Staff);
        using var client = new AccountClient(app);
        await client.SignInAsync("sam@library.test");

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("We couldn't find that page", html, StringComparison.Ordinal);
        Assert.Contains("Shelbyville Library", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_Anonymous_GoesToSignIn()
    {
        await using var app = await OutreachAppFactory.CreateAsync();

        using var response = await app.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
