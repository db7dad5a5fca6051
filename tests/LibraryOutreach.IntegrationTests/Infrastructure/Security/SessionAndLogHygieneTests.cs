using System.Net;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Account;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Data;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Security;

public class SessionAndLogHygieneTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SignIn_AppRestartedOnTheSameData_CookieStillSignsIn(DatabaseProvider provider)
    {
        await using var first = await AccountTestApp.StartAsync(provider);
        await first.CreateUserAsync("ada@library.test", Roles.Admin);
        using var before = new AccountClient(first);
        await before.SignInAsync("ada@library.test");

        // A second host on the same data directory and database: a restart. Keys come from disk (SQLite) or the database (PostgreSQL).
        await using var restarted = AccountTestApp.StartSecondHost(first.Database);
        using var after = new AccountClient(restarted);
        after.Cookies.Add(before.Cookies.GetCookies(new Uri("http://localhost/")));
        using var home = await after.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Logs_InvitationAcceptanceAndPasswordReset_NeverContainTokensLinksOrPasswords()
    {
        const string password = "a quiet afternoon in the stacks";
        await using var app = await AccountTestApp.StartAsync(emailConfigured: true);
        var admin = await app.CreateAdminAsync();
        await app.CreateUserAsync("staff@library.test", Roles.Staff);

        var invitation = await app.InviteAsync(admin, "new@library.test", Roles.Staff, "New Person");
        var invitationToken = new Uri(invitation.Link).Query.Split("token=")[1];
        Assert.True((await app.AcceptAsync(invitationToken, password)).Succeeded);
        var staffId = (await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "staff@library.test")))).Id;
        var adminResetLink = await app.AsAsync<StaffService, string>(admin, Roles.Admin, s => s.CreatePasswordResetLinkAsync(staffId, StaffTestExtensions.BaseUri, CancellationToken.None));
        using var client = new AccountClient(app);
        using var forgot = await client.SubmitFormAsync("/account/forgot-password", "forgot-password", [new("Input.Email", "staff@library.test")]);
        var emailedBody = Assert.Single(app.Email.Sent, m => m.To == "staff@library.test").Body;
        await client.TrySignInAsync("new@library.test", password);

        string[] secrets =
        [
            invitationToken,
            invitation.Link,
            new Uri(adminResetLink).Query.Split("code=")[1],
            emailedBody[emailedBody.IndexOf("code=", StringComparison.Ordinal)..].Split('\n')[0].Trim(),
            password,
        ];
        Assert.NotEmpty(app.Log.Lines);
        foreach (var secret in secrets)
        {
            Assert.True(secret.Length > 10, "the secret was extracted");
            Assert.DoesNotContain(app.Log.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
