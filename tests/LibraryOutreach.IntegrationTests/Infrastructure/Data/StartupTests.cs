using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Data;

public class StartupTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Startup_NewDatabase_AppliesEveryMigrationAndReportsHealthy(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);

        var pending = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Empty(pending);
        Assert.NotEmpty(applied);

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Startup_Sqlite_CreatesDatabaseInDataDirectoryWithWalAndForeignKeys()
    {
        await using var app = await OutreachAppFactory.CreateAsync();

        Assert.True(File.Exists(Path.Combine(app.Database.DataDirectory, "outreach.db")));
        var (journal, foreignKeys) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode;";
            var j = (string?)await cmd.ExecuteScalarAsync();
            cmd.CommandText = "PRAGMA foreign_keys;";
            var fk = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (j, fk);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
        Assert.True(Directory.EnumerateFiles(Path.Combine(app.Database.DataDirectory, "keys")).Any(), "Data Protection keys are persisted in the data directory");
    }

    [Fact]
    public async Task Startup_Postgres_PersistsDataProtectionKeysInDatabase()
    {
        await using var app = await OutreachAppFactory.CreateAsync(DatabaseProvider.Postgres);
        // Protecting something makes the key ring create its first key.
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        _ = protector.Protect("hello");

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys > 0);
        Assert.False(Directory.Exists(Path.Combine(app.Database.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(app.Database.DataDirectory, "keys")).Any());
    }

    [Fact]
    public async Task Startup_MigrateOnStartupFalse_LeavesSchemaPending()
    {
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        var pending = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.NotEmpty(pending);
    }
}
