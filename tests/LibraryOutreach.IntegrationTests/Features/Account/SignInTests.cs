using System.Net;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Account;

public class SignInTests
{
    private const string WrongCredentials = "Email or password is incorrect.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SignIn_CorrectPassword_SetsAuthCookieAndRecordsLastSignIn(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var user = await app.CreateUserAsync("ada@library.test", Roles.Staff, "Ada Lovelace");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("ADA@library.test", OutreachAppFactory.DefaultPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", AccountClient.RedirectTarget(response));
        Assert.True(client.HasAuthCookie);
        var lastSignIn = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastSignInAt).SingleAsync());
        Assert.NotNull(lastSignIn);
        Assert.InRange(lastSignIn.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsMessageAndSetsNoCookie()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("ada@library.test", "not-the-right-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WrongCredentials, html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-password", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ada@library.test\"", html, StringComparison.Ordinal);
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_ShowsSameMessageAsWrongPassword()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("nobody@library.test", OutreachAppFactory.DefaultPassword);

        Assert.Contains(WrongCredentials, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyFields_ShowsMessagesBesideFields()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("", "");

        var messages = AccountClient.ValidationMessages(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter your email address.", messages);
        Assert.Contains("Enter your password.", messages);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SignIn_FiveFailures_LocksOutEvenTheRightPassword(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.TrySignInAsync("ada@library.test", $"wrong-password-number-{attempt}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var fifth = await client.TrySignInAsync("ada@library.test", "wrong-password-number-5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/account/lockout", AccountClient.RedirectTarget(fifth));

        using var sixth = await client.TrySignInAsync("ada@library.test", OutreachAppFactory.DefaultPassword);
        Assert.Equal("/account/lockout", AccountClient.RedirectTarget(sixth));
        Assert.False(client.HasAuthCookie);

        var lockout = await client.GetPageAsync("/account/lockout");
        Assert.Contains("locked for 15 minutes", lockout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DeactivatedAccount_IsRefusedWithDeactivatedMessage()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        await DeactivateAsync(app, "ada@library.test");
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("ada@library.test", OutreachAppFactory.DefaultPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account has been deactivated. Ask an administrator.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task SignIn_DeactivatedAccountWrongPassword_DoesNotRevealTheAccount()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        await DeactivateAsync(app, "ada@library.test");
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("ada@library.test", "a-guess-at-the-password");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WrongCredentials, html, StringComparison.Ordinal);
        Assert.DoesNotContain("deactivated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_RedirectsHomeInstead()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        using var external = await client.TrySignInAsync("ada@library.test", OutreachAppFactory.DefaultPassword, returnUrl: "//evil.example/steal");

        Assert.Equal("/", AccountClient.RedirectTarget(external));
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_RedirectsThere()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);

        using var response = await client.TrySignInAsync("ada@library.test", OutreachAppFactory.DefaultPassword, returnUrl: "/account/change-password");

        Assert.Equal("/account/change-password", AccountClient.RedirectTarget(response));
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToSignIn()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        using var client = new AccountClient(app);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AccountClient.RedirectTarget(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_NoAccountYet_PointsToSetupLinkInLog_AndHasNoRegistration()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        using var client = new AccountClient(app);

        var empty = await client.GetPageAsync("/account/login");
        Assert.Contains("data-testid=\"setup-notice\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("register", empty, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Forgot your password?", empty, StringComparison.Ordinal);

        await app.CreateUserAsync("ada@library.test");
        var withAccount = await client.GetPageAsync("/account/login");
        Assert.DoesNotContain("data-testid=\"setup-notice\"", withAccount, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_PostFromUserMenu_ClearsCookie()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);
        await client.SignInAsync("ada@library.test");

        // GET /account/logout shows a confirmation page whose form posts to the sign-out endpoint.
        var page = await client.GetPageAsync("/account/logout");
        Assert.Contains("action=\"account/logout\"", page, StringComparison.Ordinal);
        using var response = await client.PostFormAsync("/account/logout", null, AccountClient.AntiforgeryToken(page)!, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?status=signed-out", AccountClient.RedirectTarget(response));
        Assert.False(client.HasAuthCookie);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRejected()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await app.CreateUserAsync("ada@library.test");
        using var client = new AccountClient(app);
        await client.SignInAsync("ada@library.test");

        using var content = new FormUrlEncodedContent([]);
        using var response = await client.Http.PostAsync(new Uri("/account/logout", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(client.HasAuthCookie);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    internal static async Task DeactivateAsync(OutreachAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No such user");
        user.IsActive = false;
        user.DeactivatedAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }
}
