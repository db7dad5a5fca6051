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
/// (<see cref="OutreachDataSize.Outreach"/>), as an Admin (who sees everyone's relationships: the largest case) and as a
/// Staff user (<see cref="StaffUserId"/>: their own relationships), each in one scope like one circuit. Requirement: under
/// 300 ms for both.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*DashboardBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
// In process: the shared machine builds a separate benchmark executable too slowly for BenchmarkDotNet\'s 2-minute build timeout.
[InProcess]
[WarmupCount(1)]
[IterationCount(8)]
public class DashboardBenchmarks
{
    /// <summary>The generator's second staff account (a Staff user who owns some of the records).</summary>
    public const string StaffUserId = "b0000000-0000-7000-8000-000000000002";

    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private AsyncServiceScope _staffScope;
    private IDashboardService _dashboard = null!;
    private IDashboardService _staffDashboard = null!;

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

        _staffScope = _app.ScopeAs(StaffUserId, "Staff 2", Roles.Staff);
        _staffDashboard = _staffScope.ServiceProvider.GetRequiredService<IDashboardService>();
        var mine = _staffDashboard.GetAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// as Staff: {mine.FollowUps.Count} follow-ups due, {mine.Upcoming.Total} upcoming, {mine.Attention.Total} need attention, {mine.Warnings.Total} flagged");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _staffScope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<Dashboard> Dashboard() => _dashboard.GetAsync();

    [Benchmark]
    public Task<Dashboard> DashboardAsStaff() => _staffDashboard.GetAsync();
}
