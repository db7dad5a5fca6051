using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Reports;

/// <summary>
/// A one-year report (<see cref="IReportService.RunAsync"/>, the twelve months before the data's "now") on the outreach
/// database (<see cref="OutreachDataSize.Outreach"/>: 50,000 contacts, 5,000 organizations, 100,000 events, 1,000,000
/// interactions), as an Admin in one scope like one circuit: the whole library, broken down by branch and by staff, and the
/// CSV (which runs the same report). Requirement: under 1 s.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*ReportBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ReportBenchmarks
{
    private static readonly DateOnly Last = DateOnly.FromDateTime(OutreachDataGenerator.Now.UtcDateTime).AddDays(-1);
    private static readonly DateOnly First = Last.AddYears(-1).AddDays(1);

    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private IReportService _reports = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
        _reports = _scope.ServiceProvider.GetRequiredService<IReportService>();
        var report = _reports.RunAsync(new ReportQuery(First, Last)).GetAwaiter().GetResult();
        Console.WriteLine($"// {First}–{Last}: {report.Totals.Events} events, {report.Reach.Touches} touches, {report.Reach.ContactsReached} contacts and {report.Reach.OrganizationsReached} organizations reached, {report.Reach.NewContacts} new contacts");
        if (report.Totals.Events == 0 || report.Reach.Touches == 0)
        {
            throw new InvalidOperationException("The year has no events or touches: the benchmark would measure an empty report.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<ReportResult> OneYear() => _reports.RunAsync(new ReportQuery(First, Last));

    [Benchmark]
    public Task<ReportResult> OneYearByBranch() => _reports.RunAsync(new ReportQuery(First, Last, Breakdown: ReportBreakdown.Branch));

    [Benchmark]
    public Task<ReportResult> OneYearByStaff() => _reports.RunAsync(new ReportQuery(First, Last, Breakdown: ReportBreakdown.Staff));

    [Benchmark]
    public Task<string> OneYearCsv() => _reports.ExportCsvAsync(new ReportQuery(First, Last, Breakdown: ReportBreakdown.Branch));
}
