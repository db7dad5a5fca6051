using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Timeline;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Timeline;

/// <summary>
/// The relationship timeline on the outreach database (<see cref="OutreachDataSize.Outreach"/>: 50,000 contacts, 5,000
/// organizations, 100,000 events, 1,000,000 interactions), for the contact with about 10,000 entries
/// (<see cref="OutreachDataGenerator.BusiestContactId"/>) and its organization, as a Staff member in one scope like one
/// circuit. In one run: the service's first page (<see cref="ContactFirstPage"/>) and the same SQL with the same
/// parameters run straight through ADO.NET on its own pooled connection, reading every column of the same rows and
/// nothing else (<see cref="ContactFirstPageRawSql"/>, the baseline); the organization's first page (its people's
/// entries while affiliated included); and a page deep in the contact's history (after about 7,500 entries, from the
/// cursor the service gave for it) with its raw SQL too.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*TimelineBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class TimelineBenchmarks
{
    /// <summary>Pages skipped before the deep page (50 entries each).</summary>
    public const int DeepPages = 150;

    private static readonly TimelineSubject Contact = TimelineSubject.Contact(OutreachDataGenerator.BusiestContactId);
    private static readonly TimelineSubject Organization = TimelineSubject.Organization(OutreachDataGenerator.BusiestOrganizationId);
    private static readonly TimelineFilter All = new();

    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private ITimelineService _timeline = null!;
    private TimelineCursor _deep = null!;
    private TimelineCommand _firstSql = null!;
    private TimelineCommand _deepSql = null!;
    private string _connectionString = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Staff);
        _timeline = _scope.ServiceProvider.GetRequiredService<ITimelineService>();
        // The connection string the app itself uses.
        _connectionString = LibraryOutreach.Web.Infrastructure.Data.DataServiceCollectionExtensions.SqliteConnectionString(_app.DatabasePath);

        var first = _timeline.PageAsync(Contact, All).GetAwaiter().GetResult();
        var cursor = first.Next ?? throw new InvalidOperationException("The busiest contact's timeline has one page: the database is not the outreach one.");
        var total = first.Entries.Count;
        for (var i = 1; i < DeepPages; i++)
        {
            var page = _timeline.PageAsync(Contact, All, cursor).GetAwaiter().GetResult();
            total += page.Entries.Count;
            cursor = page.Next ?? throw new InvalidOperationException($"The busiest contact's timeline ends after {total} entries, before page {DeepPages}.");
        }

        _deep = cursor;
        var zone = TimeProvider.System.LocalTimeZone;
        _firstSql = TimelineSql.Build(false, Contact, All, null, cursor.OffsetMinutes, zone, ITimelineService.DefaultPageSize + 1)!;
        _deepSql = TimelineSql.Build(false, Contact, All, _deep, cursor.OffsetMinutes, zone, ITimelineService.DefaultPageSize + 1)!;
        var org = _timeline.PageAsync(Organization, All).GetAwaiter().GetResult();
        Console.WriteLine($"// busiest contact: {total} entries in the first {DeepPages} pages, deep page starts at {_deep.At:yyyy-MM-dd}; organization first page: {org.Entries.Count} entries, {org.Entries.Count(e => e.Via is not null)} via its people");
        if (RawSql(_firstSql) != first.Entries.Count + 1)
        {
            throw new InvalidOperationException("The raw SQL returns other rows than the service's first page.");
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
    public Task<TimelinePage> ContactFirstPage() => _timeline.PageAsync(Contact, All);

    [Benchmark(Baseline = true)]
    public int ContactFirstPageRawSql() => RawSql(_firstSql);

    [Benchmark]
    public Task<TimelinePage> OrganizationFirstPage() => _timeline.PageAsync(Organization, All);

    [Benchmark]
    public Task<TimelinePage> ContactDeepPage() => _timeline.PageAsync(Contact, All, _deep);

    [Benchmark]
    public int ContactDeepPageRawSql() => RawSql(_deepSql);

    /// <summary>The command as it is, through ADO.NET: every column of every row read, nothing built from them.</summary>
    private int RawSql(TimelineCommand command)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var sql = connection.CreateCommand();
        sql.CommandText = command.Sql;
        foreach (var p in command.Parameters)
        {
            sql.Parameters.AddWithValue(p.Name, p.Value);
        }

        using var reader = sql.ExecuteReader();
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }
}
