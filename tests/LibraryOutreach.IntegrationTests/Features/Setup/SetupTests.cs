using System.Net;
using System.Text.RegularExpressions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Account;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Setup;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Setup;

public partial class SetupTests
{
    private const string SetupLine = "No staff account exists yet. Open ";
    private const string Password = "the first admin of the library";

    [Fact]
    public async Task Startup_NoAccount_LogsOneSetupLineWithTheToken()
    {
        await using var app = await AccountTestApp.StartAsync();

        var line = await app.Log.WaitForAsync(SetupLine);

        Assert.StartsWith("WRN ", line, StringComparison.Ordinal);
        Assert.Matches(@"Open https?://[^\s/]+(:\d+)?/setup\?token=[A-Za-z0-9_-]{43} to create the first administrator\.$", line);
        Assert.Single(app.Log.Lines, l => l.Contains("/setup?token=", StringComparison.Ordinal));
        using var client = new AccountClient(app);
        Assert.Contains("Create the first administrator", await client.GetPageAsync(SetupPath(line)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_AccountExists_LogsNoSetupLine()
    {
        await using var first = await AccountTestApp.StartAsync();
        await first.Log.WaitForAsync(SetupLine);
        Assert.True(first.Services.GetRequiredService<SetupTokenStore>().HasToken);
        await first.CreateUserAsync("ada@library.test", Roles.Admin);

        await using (var restarted = AccountTestApp.StartSecondHost(first.Database))
        {
            await restarted.Services.GetRequiredService<SetupNotice>().Announced.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(restarted.Log.Lines, l => l.Contains("/setup?token=", StringComparison.Ordinal));
            Assert.False(restarted.Services.GetRequiredService<SetupTokenStore>().HasToken);
        }
    }

    [Fact]
    public async Task SetupPage_WrongToken_IsRefused()
    {
        await using var app = await AccountTestApp.StartAsync();
        var path = SetupPath(await app.Log.WaitForAsync(SetupLine));
        using var client = new AccountClient(app);

        using var wrong = await client.GetAsync("/setup?token=not-the-token");
        using var missing = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("This setup link is not valid. Restart the app", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Posting the form with a wrong token (and a valid antiforgery token from the right page) creates nothing.
        var token = AccountClient.AntiforgeryToken(await client.GetPageAsync(path))!;
        using var posted = await client.PostFormAsync("/setup?token=not-the-token", "setup", token, Fields("ada@library.test", Password));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetupPage_RightToken_CreatesFirstAdminAndSignsIn_ThenRefusesSecondUse(DatabaseProvider provider)
    {
        await using var app = await AccountTestApp.StartAsync(provider);
        var path = SetupPath(await app.Log.WaitForAsync(SetupLine));
        using var client = new AccountClient(app);

        using var response = await client.SubmitFormAsync(path, "setup", Fields("ada@library.test", Password, "Ada Lovelace"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", AccountClient.RedirectTarget(response));
        Assert.True(client.HasAuthCookie);
        using (var home = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = await users.FindByEmailAsync("ada@library.test");
            Assert.NotNull(admin);
            Assert.Equal("Ada Lovelace", admin.DisplayName);
            Assert.True(admin.IsActive);
            Assert.NotNull(admin.LastSignInAt);
            Assert.Equal([Roles.Admin], await users.GetRolesAsync(admin));
        }

        using var again = new AccountClient(app);
        using var second = await again.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Contains("Setup has already been completed", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task SetupPage_AccountCreatedAnotherWay_RefusesTheToken()
    {
        await using var app = await AccountTestApp.StartAsync();
        var path = SetupPath(await app.Log.WaitForAsync(SetupLine));
        using var client = new AccountClient(app);
        var token = AccountClient.AntiforgeryToken(await client.GetPageAsync(path))!;

        await app.CreateUserAsync("admin@library.test", Roles.Admin); // e.g. the create-admin verb

        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("data-testid=\"setup-completed\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var posted = await client.PostFormAsync(path, "setup", token, Fields("ada@library.test", Password));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task SetupPage_ConcurrentPostsWithTheToken_CreateOneAdmin()
    {
        await using var app = await AccountTestApp.StartAsync();
        var path = SetupPath(await app.Log.WaitForAsync(SetupLine));
        var clients = Enumerable.Range(0, 4).Select(_ => new AccountClient(app)).ToList();
        try
        {
            var tokens = new List<string>();
            foreach (var c in clients)
            {
                tokens.Add(AccountClient.AntiforgeryToken(await c.GetPageAsync(path))!);
            }

            var responses = await Task.WhenAll(clients.Select((c, i) => c.PostFormAsync(path, "setup", tokens[i], Fields($"admin{i}@library.test", Password))));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task SetupPage_WeakPassword_ShowsMessageAndKeepsTheLinkUsable()
    {
        await using var app = await AccountTestApp.StartAsync();
        var path = SetupPath(await app.Log.WaitForAsync(SetupLine));
        using var client = new AccountClient(app);

        using var weak = await client.SubmitFormAsync(path, "setup", Fields("ada@library.test", "password1234"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains(AccountClient.ValidationMessages(await weak.Content.ReadAsStringAsync()), m => m.Contains("commonly used passwords", StringComparison.Ordinal));

        using var invalid = await client.SubmitFormAsync(path, "setup", Fields("not-an-email", Password, name: ""));
        var messages = AccountClient.ValidationMessages(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("Enter your name.", messages);
        Assert.Contains("Enter an email address like name@library.org.", messages);

        using var good = await client.SubmitFormAsync(path, "setup", Fields("ada@library.test", Password));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
    }

    private static string SetupPath(string line) => SetupUrl().Match(line).Groups[1].Value;

    private static List<KeyValuePair<string, string>> Fields(string email, string password, string name = "First Admin") =>
    [
        new("Input.DisplayName", name),
        new("Input.Email", email),
        new("Input.Password", password),
        new("Input.ConfirmPassword", password),
    ];

    [GeneratedRegex(@"https?://[^\s/]+(/setup\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex SetupUrl();
}
