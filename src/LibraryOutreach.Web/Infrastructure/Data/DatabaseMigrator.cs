using LibraryOutreach.Data;
using LibraryOutreach.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Infrastructure.Data;

/// <summary>
/// Applies pending migrations (and, on SQLite, turns on WAL), then rebuilds the search index if it does not match the
/// records (the first start after an upgrade, a restore). Used at start-up and by the <c>migrate</c> verb.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<OutreachDbContext> contextFactory, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the backup run while a write is in progress; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            logger.LogInformation("Database schema is up to date");
        }

        if (await SearchIndexer.IsStaleAsync(db, cancellationToken))
        {
            var count = await SearchIndexer.RebuildAsync(db, cancellationToken);
            logger.LogInformation("Rebuilt the search index: {Count} record(s)", count);
        }

        return pending;
    }
}

/// <summary>Runs <see cref="DatabaseMigrator"/> before the server starts listening, when <c>Database:MigrateOnStartup</c> is true.</summary>
public sealed class StartupMigrationService(IServiceScopeFactory scopeFactory, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
