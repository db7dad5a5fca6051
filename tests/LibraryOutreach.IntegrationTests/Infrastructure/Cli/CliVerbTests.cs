using System.Text.Json;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Cli;

public sealed class CliVerbTests : IDisposable
{
    private const string Password = "a-long-enough-password";
    private readonly CliSandbox _cli = new();

    /// <summary>Every migration in the SQLite migrations assembly: a new database gets them all.</summary>
    private static readonly int SqliteMigrationCount = typeof(LibraryOutreach.Data.Sqlite.SqliteDesignTimeFactory).Assembly.GetTypes()
        .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);

    [Fact]
    public async Task Migrate_EmptyDirectory_CreatesDatabaseThenReportsUpToDate()
    {
        var first = await _cli.RunAsync("migrate");
        var second = await _cli.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.True(File.Exists(_cli.DatabasePath));
        Assert.Contains($"Applied {SqliteMigrationCount} migration(s):", first.Output, StringComparison.Ordinal);
        Assert.Contains("CreateFoundationSchema", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Database is up to date.", second.Output, StringComparison.Ordinal);
        Assert.Empty(first.Error + second.Error);

        using var db = _cli.Open();
        Assert.Equal("wal", CliSandbox.Scalar(db, "PRAGMA journal_mode;"));
        Assert.Equal(3L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM AspNetRoles;"));
    }

    [Fact]
    public async Task Migrate_DevelopmentEnvironment_Works()
    {
        // Development turns on DI scope validation: the verb host must still build.
        var result = await _cli.RunAsync("migrate", "--environment", "Development");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task CreateAdmin_PasswordOnStandardInput_CreatesActiveAdminAuditedAsCommandLine()
    {
        var result = await _cli.RunWithInputAsync(Password + "\nignored second line\n", "create-admin", "--email", "ann@library.example", "--name", "Ann Admin");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Created the Admin account for Ann Admin <ann@library.example>", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Applied {SqliteMigrationCount} migration(s)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);

        using var db = _cli.Open();
        Assert.Equal(
            "Admin",
            CliSandbox.Scalar(
                db,
                """
                SELECT r.Name FROM AspNetUsers u
                JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
                WHERE u.Email = 'ann@library.example' AND u.IsActive = 1 AND u.DisplayName = 'Ann Admin'
                """));

        var changes = (string)CliSandbox.Scalar(db, "SELECT Changes FROM AuditEntries WHERE EntityType = 'StaffUser' AND Action = 'Created' AND UserName = @name AND UserId IS NULL", ("@name", CliSession.AuditName))!;
        var fields = JsonSerializer.Deserialize<List<AuditChange>>(changes, JsonSerializerOptions.Web)!.ToDictionary(c => c.Field);
        Assert.Equal("(hidden)", fields["PasswordHash"].New);
        Assert.Equal("ann@library.example", fields["Email"].New);
    }

    [Fact]
    public async Task CreateAdmin_ShortPassword_ExitsOneWithTheRule()
    {
        var result = await _cli.RunWithInputAsync("too-short\n", "create-admin", "--email", "ann@library.example", "--name", "Ann");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The Admin account was not created", result.Error, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", result.Error, StringComparison.Ordinal);
        using var db = _cli.Open();
        Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM AspNetUsers;"));
    }

    [Fact]
    public async Task CreateAdmin_NoPasswordOnStandardInput_ExitsOne()
    {
        var result = await _cli.RunWithInputAsync("", "create-admin", "--email", "ann@library.example", "--name", "Ann");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No password on standard input", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_EmailTaken_ExitsOne()
    {
        Assert.Equal(0, (await _cli.RunWithInputAsync(Password + "\n", "create-admin", "--email", "ann@library.example", "--name", "Ann")).ExitCode);

        var again = await _cli.RunWithInputAsync(Password + "\n", "create-admin", "--email", "ann@library.example", "--name", "Ann Again");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("ann@library.example", again.Error, StringComparison.Ordinal);
        using var db = _cli.Open();
        Assert.Equal(1L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM AspNetUsers;"));
    }

    [Fact]
    public async Task Invite_RealInvitationService_StoresOnlyTheHashAndPrintsAWorkingLink()
    {
        var result = await _cli.RunAsync("invite", "--email", "li@library.example", "--name", "Li Wei", "--role", "Staff", "--Library:PublicUrl=https://outreach.example.org/");

        Assert.Equal(0, result.ExitCode);
        var match = System.Text.RegularExpressions.Regex.Match(result.Output, @"https://outreach\.example\.org/account/accept-invitation\?token=([A-Za-z0-9_-]+)");
        Assert.True(match.Success, result.Output);
        var token = match.Groups[1].Value;
        using var db = _cli.Open();
        Assert.Equal(1L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Invitations WHERE Email = 'li@library.example' AND Role = 'Staff' AND AcceptedAt IS NULL;"));
        Assert.Equal(InvitationTokens.Hash(token), CliSandbox.Scalar(db, "SELECT TokenHash FROM Invitations;"));
        Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM AuditEntries WHERE Changes LIKE @t;", ("@t", "%" + token + "%")));

        var again = await _cli.RunAsync("invite", "--email", "li@library.example", "--name", "Li Wei", "--role", "Staff");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("The invitation was not created", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_WithInviter_ActsAsAdminAndPrintsLinkFromPublicUrl()
    {
        var inviter = new RecordingInviter();
        var cli = new CliSandbox { ConfigureServices = s => s.AddScoped<IStaffInviter>(sp => inviter.For(sp.GetRequiredService<AccessGuard>())) };
        try
        {
            var result = await cli.RunAsync("invite", "--email", "li@library.example", "--name", "Li Wei", "--role", "supervisor", "--Library:PublicUrl=https://outreach.example.org");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(("li@library.example", "Li Wei", Roles.Supervisor, "https://outreach.example.org"), inviter.Call);
            Assert.True(inviter.CallerWasAdmin);
            Assert.Contains("Invited Li Wei <li@library.example> as Supervisor.", result.Output, StringComparison.Ordinal);
            Assert.Contains("https://outreach.example.org/invitations/accept?token=secret-token", result.Output, StringComparison.Ordinal);
            Assert.Contains("valid for 7 days", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-token", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            cli.Dispose();
        }
    }

    [Fact]
    public async Task Invite_LimitReached_ExitsOneWithTheMessage()
    {
        var cli = new CliSandbox { ConfigureServices = s => s.AddScoped<IStaffInviter>(_ => new RecordingInviter { Throw = StaffLimitReachedException.For(12) }) };
        try
        {
            var result = await cli.RunAsync("invite", "--email", "li@library.example", "--name", "Li Wei", "--role", "Staff");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("already has 12 active staff accounts", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("token", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            cli.Dispose();
        }
    }

    [Fact]
    public async Task InvalidSetting_ExitsOneNamingTheProblem()
    {
        var result = await _cli.RunAsync("migrate", "--Staff:MaxAccounts=0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MaxAccounts", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private sealed class RecordingInviter : IStaffInviter
    {
        private AccessGuard? _guard;

        public (string Email, string Name, string Role, string BaseUri)? Call { get; private set; }

        public bool CallerWasAdmin { get; private set; }

        public Exception? Throw { get; init; }

        public RecordingInviter For(AccessGuard guard)
        {
            _guard = guard;
            return this;
        }

        public async Task<string> InviteAndGetLinkAsync(string email, string name, string role, string baseUri, CancellationToken cancellationToken)
        {
            if (Throw is not null)
            {
                throw Throw;
            }

            CallerWasAdmin = _guard is not null && await _guard.IsAllowedAsync(Policies.Admin);
            Call = (email, name, role, baseUri);
            return $"{baseUri.TrimEnd('/')}/invitations/accept?token=secret-token";
        }
    }
}
