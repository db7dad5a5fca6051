using System.Net;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Staff;

/// <summary>The server-rendered accept page over HTTP: form, antiforgery, account creation and the sign-in cookie.</summary>
public class AcceptInvitationPageTests
{
    [Fact]
    public async Task AcceptInvitationPage_ValidPost_CreatesAccountSignsInAndRedirectsHome()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var created = await app.InviteAsync(admin, "sam@library.test", Roles.Supervisor, "Sam Supervisor");
        var path = new Uri(created.Link).PathAndQuery;
        var client = app.CreateClient();

        var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("You're invited to join Our Public Library as Supervisor", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("sam@library.test", html, StringComparison.Ordinal);

        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invitation",
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a long enough passphrase",
        }));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal("/", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("LibraryOutreach.Auth=", StringComparison.Ordinal));
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "sam@library.test"));
        Assert.True(user.IsActive);
        Assert.NotNull((await app.WithDbAsync(db => db.Invitations.SingleAsync())).AcceptedAt);

        // The cookie signs the person in: the home page renders instead of redirecting to sign-in.
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task AcceptInvitationPage_PasswordsDiffer_ShowsMessageAndCreatesNothing()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var path = new Uri((await app.InviteAsync(admin, "sam@library.test")).Link).PathAndQuery;
        var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invitation",
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a different passphrase",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The two passwords don't match.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("LibraryOutreach.Auth=", StringComparison.Ordinal)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("/account/accept-invitation?token=not-a-real-token")]
    [InlineData("/account/accept-invitation")]
    public async Task AcceptInvitationPage_UnknownToken_ExplainsTheLinkIsNotValid(string path)
    {
        await using var app = await OutreachAppFactory.CreateAsync();

        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("This invitation link has expired or was already used. Ask your administrator for a new one.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", html, StringComparison.Ordinal);
    }

    private static string AntiforgeryToken(string html) =>
        AccountClient.AntiforgeryToken(html) ?? throw new Xunit.Sdk.XunitException("the form carries no antiforgery token");
}
