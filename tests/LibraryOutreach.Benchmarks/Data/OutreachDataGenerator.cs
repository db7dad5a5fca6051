using System.Globalization;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Search;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Data;

/// <summary>
/// Makes a real SQLite database at library-system scale (<see cref="OutreachDataSize"/>): the schema from the app's
/// own migration path (<see cref="DatabaseMigrator"/>, as at start-up and in the <c>migrate</c> verb), then staff
/// accounts, tags, organizations (types, tags, email domains, phones) and contacts (emails, phones, tags,
/// affiliations, owners, a few archived) from a seeded random generator, so the same size always gives the same
/// names, values, counts and links (record ids are fresh GUIDs each time).
/// <para>
/// Seeding is bulk work, not app work: it writes through a plain <see cref="OutreachDbContext"/> <b>without the
/// stamping and audit interceptors</b> (stamps and versions are set here; no audit rows are written), with change
/// detection off, in batches inside one transaction, with <c>synchronous=OFF</c> on that connection only.
/// </para>
/// <para>
/// <see cref="GetOrCreateAsync"/> caches the file in <see cref="CacheDirectory"/> (<c>OUTREACH_BENCH_CACHE</c>, or
/// <c>libraryoutreach-bench</c> in the temp folder), named by the size, <see cref="Version"/> and the latest
/// migration, so a schema change or a change to what is generated makes a new file. Benchmarks that write take a copy
/// (<see cref="CopyToAsync"/>). Delete the folder to start over.
/// </para>
/// </summary>
public sealed partial class OutreachDataGenerator(OutreachDataSize size)
{
    /// <summary>Bump when the generated content changes, so cached files made by an older generator are not used.</summary>
    public const int Version = 3;

    public const string AdminUserId = "b0000000-0000-7000-8000-000000000001";
    public const string AdminDisplayName = "Avery Admin";

    /// <summary>The most used tag (on about one contact in five and one organization in six): the list benchmarks filter by it.</summary>
    public const string FilterTagName = "Partners";

    /// <summary>With an outreach log (<see cref="OutreachDataSize.HasOutreach"/>): the contact with the longest timeline (<see cref="OutreachDataSize.BusiestContactEntries"/> entries).</summary>
    public static readonly Guid BusiestContactId = new("0193b5e0-0000-7000-8000-00000000c001");

    /// <summary>With an outreach log: the organization with the most people (the busiest contact works there), and many events and touches of its own.</summary>
    public static readonly Guid BusiestOrganizationId = new("0193b5e0-0000-7000-8000-00000000a001");

    /// <summary>The generated data's "now": records were created over the three years before.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public OutreachDataSize Size { get; } = size ?? throw new ArgumentNullException(nameof(size));

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("OUTREACH_BENCH_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "libraryoutreach-bench");

    /// <summary>The path of the cached database for this size, generating it first when it is not there.</summary>
    public async Task<string> GetOrCreateAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(CacheDirectory);
        var path = Path.Combine(CacheDirectory, $"outreach-{Size.Key}-g{Version.ToString(CultureInfo.InvariantCulture)}-{LatestMigration()}.db");
        if (File.Exists(path))
        {
            return path;
        }

        var work = Path.Combine(CacheDirectory, "building-" + Guid.NewGuid().ToString("N"));
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (OlderCachedFile() is { } older)
            {
                // The same data made before a newer migration: brought up to date the way an upgrade is, by the app's
                // migrator, which is far quicker than generating a million rows again.
                Directory.CreateDirectory(work);
                File.Copy(older, Path.Combine(work, "outreach.db"));
                using var app = BenchmarkApp.Create(work);
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                SqliteConnection.ClearAllPools();
                Console.WriteLine($"// Migrated the cached {Path.GetFileName(older)}");
            }
            else
            {
                await GenerateAsync(work, ct);
            }

            // Moved into place only when complete: an interrupted generation is never taken for a cached file.
            File.Move(Path.Combine(work, "outreach.db"), path, overwrite: true);
            Console.WriteLine($"// Generated {Size} in {started.Elapsed.TotalSeconds:0.0} s: {path}");
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return path;
    }

    /// <summary>The newest cached file of this size and generator version made before the latest migration, if any.</summary>
    /// <remarks>Only files whose migration this build knows (another branch's newer schema is not taken).</remarks>
    private string? OlderCachedFile()
    {
        var prefix = $"outreach-{Size.Key}-g{Version.ToString(CultureInfo.InvariantCulture)}-";
        var known = Migrations().ToHashSet(StringComparer.Ordinal);
        return Directory
            .EnumerateFiles(CacheDirectory, prefix + "*.db")
            .Where(f => known.Contains(Path.GetFileNameWithoutExtension(f)[prefix.Length..]))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>Copies the cached database to <c>outreach.db</c> in <paramref name="directory"/> (the app's data directory).</summary>
    public async Task<string> CopyToAsync(string directory, CancellationToken ct = default)
    {
        // OUTREACH_BENCH_COPY_FROM: copy another file instead (e.g. a copy of the cached one with a trial index).
        var source = Environment.GetEnvironmentVariable("OUTREACH_BENCH_COPY_FROM") is { Length: > 0 } file ? file : await GetOrCreateAsync(ct);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, "outreach.db");
        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { target + "-wal", target + "-shm" })
        {
            File.Delete(leftover);
        }

        File.Copy(source, target, overwrite: true);
        return target;
    }

    /// <summary>Creates <c>outreach.db</c> in <paramref name="directory"/>: migrations, then the data.</summary>
    public async Task GenerateAsync(string directory, CancellationToken ct = default)
    {
        using (var app = BenchmarkApp.Create(directory))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        }

        var databasePath = Path.Combine(directory, "outreach.db");
        var options = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, DataServiceCollectionExtensions.SqliteConnectionString(databasePath));
        await using (var db = new OutreachDbContext(options.Options))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;", ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var staff = new DemoStaff(
                [],
                i => i == 0 ? AdminUserId : string.Create(CultureInfo.InvariantCulture, $"b0000000-0000-7000-8000-{i + 1:000000000000}"),
                i => string.Create(CultureInfo.InvariantCulture, $"staff{i + 1}@library.example"),
                AdminDisplayName);
            await new DemoDataSeeder(db, Size.ToDemo(), staff, Now, new DemoBusiest(BusiestContactId, BusiestOrganizationId)).RunAsync(ct);
            // The app keeps the global search index in step with every write; the seeder writes around the
            // interceptors, so it builds the index once at the end, as the rebuild after a restore does.
            await SearchIndexer.RebuildAsync(db, ct);
            await transaction.CommitAsync(ct);
            // One file, no WAL beside it, so the cached file can be copied alone.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The id of the newest SQLite migration: part of the cache key.</summary>
    public static string LatestMigration() => Migrations()[^1];

    private static List<string> Migrations()
    {
        var options = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new OutreachDbContext(options.Options);
        return [.. db.Database.GetMigrations()];
    }
}
