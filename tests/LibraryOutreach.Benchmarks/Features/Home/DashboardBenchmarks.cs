using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Home;

/// <summary>
/// The home page's data (<see cref="IDashboardService.GetAsync"/>: follow-ups, upcoming events, relationships needing
/// attention with the two-way flags, 12 months of figures and the three charts) on the outreach database
/// (<see cref="OutreachDataSize.Outreach"/>), as an Admin (who sees everyone's relationships: the largest case) in one
/// scope like one circuit. Requirement: under 300 ms.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*DashboardBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class DashboardBenchmarks
{
    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private IDashboardService _dashboard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
        _dashboard = _scope.ServiceProvider.GetRequiredService<IDashboardService>();
        var d = _dashboard.GetAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// {d.FollowUps.Count} follow-ups due, {d.Upcoming.Total} upcoming, {d.Attention.Total} need attention, {d.Warnings.Total} flagged, {d.Months.Sum(m => m.Events)} events and {d.Initiators.Total} touches in 12 months");
        if (d.Months.Sum(m => m.Events) == 0 || d.Initiators.Total == 0)
        {
            throw new InvalidOperationException("The last 12 months have no events or touches: the benchmark would measure an empty dashboard.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<Dashboard> Dashboard() => _dashboard.GetAsync();
}
