using System.Net;
using System.Text.RegularExpressions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Components.Account;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Account;

public partial class PasswordTests
{
    private const string NewPassword = "a quiet reading room at dawn";

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownEmail_GiveTheSameAnswer_AndOnlyTheKnownGetsMail()
    {
        await using var app = await AccountTestApp.StartAsync(emailConfigured: true);
        await app.CreateUserAsync("ada@library.test", displayName: "Ada Lovelace");
        using var client = new AccountClient(app);

        using var known = await ForgotAsync(client, "ada@library.test");
        using var unknown = await ForgotAsync(client, "nobody@library.test");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var knownHtml = await known.Content.ReadAsStringAsync();
        Assert.Contains("If an account exists for that email, a reset link has been sent.", knownHtml, StringComparison.Ordinal);
        Assert.Equal(AccountClient.MainContent(knownHtml), AccountClient.MainContent(await unknown.Content.ReadAsStringAsync()));

        var mail = Assert.Single(app.Email.Sent);
        Assert.Equal("ada@library.test", mail.To);
        Assert.Contains("/account/reset-password?userId=", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_NoEmailConfigured_GivesTheSameAnswer()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        using var response = await ForgotAsync(client, "ada@library.test");

        Assert.Contains(ForgotPasswordMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_EmailedLink_ChangesPasswordAndLiftsLockout()
    {
        await using var app = await AccountTestApp.StartAsync(emailConfigured: true);
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.TrySignInAsync("ada@library.test", "wrong-password-again");
        }

        using (await ForgotAsync(client, "ada@library.test"))
        {
        }

        var link = LinkIn(Assert.Single(app.Email.Sent).Body);
        using var reset = await ResetAsync(client, link, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/login?status=password-reset", AccountClient.RedirectTarget(reset));
        var login = await client.GetPageAsync("/account/login?status=password-reset");
        Assert.Contains("Your password has been changed. Sign in with the new one.", login, StringComparison.Ordinal);

        using var old = await client.TrySignInAsync("ada@library.test", OutreachAppFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await client.SignInAsync("ada@library.test", NewPassword);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ResetPassword_LinkFromPasswordResetLinks_ChangesPasswordOnce(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var user = await app.CreateUserAsync("ada@library.test");
        var link = await CreateLinkAsync(app, user.Id);
        using var client = new AccountClient(app);

        Assert.Contains("ada@library.test", await client.GetPageAsync(link), StringComparison.Ordinal);
        using var reset = await ResetAsync(client, link, NewPassword, NewPassword);
        Assert.Equal("/account/login?status=password-reset", AccountClient.RedirectTarget(reset));
        await client.SignInAsync("ada@library.test", NewPassword);

        // The same link a second time: the password (and security stamp) changed, so it no longer works.
        using var again = new AccountClient(app);
        Assert.Contains("data-testid=\"reset-link-invalid\"", await again.GetPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_CommonOrMismatchedPassword_ShowsMessagesBesideFields()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var user = await app.CreateUserAsync("ada@library.test");
        var link = await CreateLinkAsync(app, user.Id);
        using var client = new AccountClient(app);

        using var common = await ResetAsync(client, link, "password1234", "password1234");
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.Contains(AccountClient.ValidationMessages(await common.Content.ReadAsStringAsync()), m => m.Contains("commonly used passwords", StringComparison.Ordinal));

        using var mismatch = await ResetAsync(client, link, NewPassword, NewPassword + "!");
        Assert.Contains(PasswordRules.MismatchMessage, AccountClient.ValidationMessages(await mismatch.Content.ReadAsStringAsync()));

        await client.SignInAsync("ada@library.test");
    }

    [Fact]
    public async Task ResetPassword_TamperedCode_SaysTheLinkIsNotValid()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var user = await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        var page = await client.GetPageAsync($"/account/reset-password?userId={user.Id}&code=bm90LWEtdG9rZW4");
        Assert.Contains("data-testid=\"reset-link-invalid\"", page, StringComparison.Ordinal);
        Assert.Contains("account/forgot-password", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reset-link-invalid\"", await client.GetPageAsync("/account/reset-password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_Valid_ChangesPasswordAndKeepsThisBrowserSignedIn()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);
        await client.SignInAsync("ada@library.test");

        using var response = await ChangeAsync(client, OutreachAppFactory.DefaultPassword, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/change-password?status=changed", AccountClient.RedirectTarget(response));
        Assert.Contains("Your password has been changed.", await client.GetPageAsync("/account/change-password?status=changed"), StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        using var fresh = new AccountClient(app);
        await fresh.SignInAsync("ada@library.test", NewPassword);
    }

    [Theory]
    [InlineData("password1234", "commonly used passwords")]
    [InlineData("too short", "at least 12 characters")]
    public async Task ChangePassword_WeakNewPassword_IsRefusedBesideTheField(string weak, string expected)
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);
        await client.SignInAsync("ada@library.test");

        using var response = await ChangeAsync(client, OutreachAppFactory.DefaultPassword, weak, weak);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccountClient.ValidationMessages(await response.Content.ReadAsStringAsync()), m => m.Contains(expected, StringComparison.Ordinal));
        using var fresh = new AccountClient(app);
        await fresh.SignInAsync("ada@library.test", OutreachAppFactory.DefaultPassword);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);
        await client.SignInAsync("ada@library.test");

        using var response = await ChangeAsync(client, "not-my-password-at-all", NewPassword, NewPassword);

        Assert.Contains("The current password is incorrect.", AccountClient.ValidationMessages(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ChangePassword_Anonymous_RedirectsToSignIn()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        using var client = new AccountClient(app);

        using var response = await client.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AccountClient.RedirectTarget(response), StringComparison.Ordinal);
    }

    private const string ForgotPasswordMessage = "If an account exists for that email, a reset link has been sent. If the library has no email set up, ask an administrator for a reset link.";

    private static Task<HttpResponseMessage> ForgotAsync(AccountClient client, string email) =>
        client.SubmitFormAsync("/account/forgot-password", "forgot-password", [new("Input.Email", email)]);

    private static Task<HttpResponseMessage> ResetAsync(AccountClient client, string link, string password, string confirm) =>
        client.SubmitFormAsync(link, "reset-password", [new("Input.Password", password), new("Input.ConfirmPassword", confirm)]);

    private static Task<HttpResponseMessage> ChangeAsync(AccountClient client, string current, string password, string confirm) =>
        client.SubmitFormAsync("/account/change-password", "change-password",
            [new("Input.CurrentPassword", current), new("Input.NewPassword", password), new("Input.ConfirmPassword", confirm)]);

    /// <summary>A reset link made the way an Admin's "reset link" button makes it, as a local path.</summary>
    private static async Task<string> CreateLinkAsync(OutreachAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var link = await scope.ServiceProvider.GetRequiredService<PasswordResetLinks>().CreateLinkAsync((await users.FindByIdAsync(userId))!, "http://localhost");
        return new Uri(link).PathAndQuery;
    }

    private static string LinkIn(string body) => new Uri(ResetLink().Match(body).Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
