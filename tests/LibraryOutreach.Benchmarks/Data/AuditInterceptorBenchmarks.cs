using BenchmarkDotNet.Attributes;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Benchmarks.Data;

/// <summary>
/// What auditing costs a save: inserting and then updating a batch of invitations on a real SQLite file (WAL),
/// with and without the audit interceptor. Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*AuditInterceptor*'
/// </summary>
[MemoryDiagnoser]
public class AuditInterceptorBenchmarks
{
    private string _directory = "";
    private DbContextOptions<OutreachDbContext> _plain = null!;
    private DbContextOptions<OutreachDbContext> _audited = null!;

    [Params(1, 50)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var connection = DataServiceCollectionExtensions.SqliteConnectionString(Path.Combine(_directory, "bench.db"));
        _plain = Build(connection, audited: false);
        _audited = Build(connection, audited: true);
        using var db = new OutreachDbContext(_plain);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task InsertAndUpdate_WithoutAudit() => InsertAndUpdateAsync(_plain);

    [Benchmark]
    public Task InsertAndUpdate_WithAudit() => InsertAndUpdateAsync(_audited);

    private async Task InsertAndUpdateAsync(DbContextOptions<OutreachDbContext> options)
    {
        await using var db = new OutreachDbContext(options);
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, BatchSize).Select(i => new Invitation
        {
            Id = Guid.NewGuid(),
            Email = $"person{i}@example.org",
            DisplayName = $"Person {i}",
            Role = Roles.Staff,
            TokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            CreatedAt = now,
            ExpiresAt = now.AddDays(7),
        }).ToList();
        db.Invitations.AddRange(batch);
        await db.SaveChangesAsync();
        foreach (var invitation in batch)
        {
            invitation.RevokedAt = now;
        }

        await db.SaveChangesAsync();
    }

    private static DbContextOptions<OutreachDbContext> Build(string connection, bool audited)
    {
        var builder = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, connection);
        if (audited)
        {
            builder.AddInterceptors(new AuditInterceptor(new SystemUser(), TimeProvider.System));
        }

        return builder.Options;
    }

    private sealed class SystemUser : IAuditUserProvider
    {
        public ValueTask<AuditUser> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(AuditUser.System);
    }
}
