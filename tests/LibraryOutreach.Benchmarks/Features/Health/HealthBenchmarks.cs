using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Benchmarks.Features.Health;

/// <summary>
/// Two-way health on <see cref="OutreachDataSize.Outreach"/> (50,000 contacts, 5,000 organizations, 1,000,000
/// interactions, 100,000 events), as an Admin in one scope like one circuit. The setup fills the precomputed table
/// with the app's own daily refresh (<see cref="HealthRefreshCoordinator.RefreshIfStaleAsync"/>, the generator writes
/// around the interceptors). Measured: a Relationships page (the first 25 rows, filtered by a flag, sorted by a health
/// column, with their owners), and the per-write work: the recompute of the busiest contact and organization after a
/// write, and logging one touch with that contact through <see cref="InteractionService"/> (the save, the search
/// index and the health rows in one transaction).
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*HealthBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class HealthBenchmarks
{
    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private IRelationshipHealthService _health = null!;
    private IInteractionService _interactions = null!;
    private IDbContextFactory<OutreachDbContext> _factory = null!;
    private HealthOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        var watch = Stopwatch.StartNew();
        var written = _app.Services.GetRequiredService<HealthRefreshCoordinator>().RefreshIfStaleAsync(full: true, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// Setup: the daily refresh wrote {written} health rows in {watch.Elapsed.TotalSeconds:0.0} s");
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
        _health = _scope.ServiceProvider.GetRequiredService<IRelationshipHealthService>();
        _interactions = _scope.ServiceProvider.GetRequiredService<IInteractionService>();
        _factory = _scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>();
        _options = _scope.ServiceProvider.GetRequiredService<IOptions<HealthOptions>>().Value;
        foreach (var (name, query) in Pages)
        {
            var page = _health.ListAsync(query).GetAwaiter().GetResult();
            Console.WriteLine($"// {name}: {page.Total} rows match, {page.Rows.Count} on the page");
            if (page.Rows.Count == 0)
            {
                throw new InvalidOperationException($"{name} is empty: the benchmark would measure nothing.");
            }
        }
    }

    private static readonly (string Name, HealthQuery Query)[] Pages =
    [
        ("Neglected by days since", new HealthQuery(Flag: HealthFlagFilter.Neglected, Sort: HealthSort.DaysSinceLastTouch, Descending: true)),
        ("One-sided by partner share", new HealthQuery(Flag: HealthFlagFilter.LibraryAlwaysReachesOut, Sort: HealthSort.PartnerShare)),
        ("Slow to answer by responsiveness", new HealthQuery(Flag: HealthFlagFilter.LibrarySlowToAnswer, Sort: HealthSort.Responsiveness)),
        ("All by touches", new HealthQuery(Sort: HealthSort.TouchesInWindow, Descending: true)),
    ];

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<HealthResults> PageNeglectedByDaysSince() => _health.ListAsync(Pages[0].Query);

    [Benchmark]
    public Task<HealthResults> PageOneSidedByPartnerShare() => _health.ListAsync(Pages[1].Query);

    [Benchmark]
    public Task<HealthResults> PageSlowToAnswerByResponsiveness() => _health.ListAsync(Pages[2].Query);

    [Benchmark]
    public Task<HealthResults> PageAllByTouches() => _health.ListAsync(Pages[3].Query);

    /// <summary>What the interceptor does after a write that touches the busiest contact: its row and its organization's.</summary>
    [Benchmark]
    public async Task RecomputeBusiestContactAndOrganization()
    {
        await using var db = await _factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await HealthRefresher.RecomputeAsync(db, [OutreachDataGenerator.BusiestContactId], [OutreachDataGenerator.BusiestOrganizationId], _options, TimeProvider.System, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>A whole write as the log-a-touch dialog makes it: the interaction, its search document and the health rows.</summary>
    [Benchmark]
    public Task<Guid> LogTouchWithTheBusiestContact() => _interactions.CreateAsync(new InteractionInput
    {
        ContactId = OutreachDataGenerator.BusiestContactId,
        Channel = ContactChannel.Phone,
        InitiatedBy = InitiatedBy.Partner,
        Summary = "Benchmark call",
    });
}

/// <summary>
/// The daily refresh of every row (what the worker does once the day turns): all rows marked stale first, then
/// <see cref="HealthRefreshCoordinator.RefreshIfStaleAsync"/>. A few long iterations.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*HealthRefreshBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class HealthRefreshBenchmarks
{
    private string _directory = "";
    private BenchmarkApp _app = null!;
    private HealthRefreshCoordinator _coordinator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _coordinator = _app.Services.GetRequiredService<HealthRefreshCoordinator>();
    }

    [IterationSetup]
    public void MarkStale()
    {
        using var scope = _app.Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>().CreateDbContext();
        HealthRefresher.MarkAllStaleAsync(db, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<int> FullRefresh() => _coordinator.RefreshIfStaleAsync(full: true, CancellationToken.None);
}
