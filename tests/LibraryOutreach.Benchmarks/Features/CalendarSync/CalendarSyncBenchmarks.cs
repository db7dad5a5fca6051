using System.Globalization;
using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using LibraryOutreach.Web.Features.CalendarSync;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.CalendarSync;

/// <summary>
/// The calendar sync against the fake Google server over loopback HTTP, through the real client: a full sync of 10,000
/// events (40 pages of 250; a quarter carry the keyword and become suggestions), and an incremental pass with no changes
/// and with 20. The database is the empty one (staff only) on SQLite.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*CalendarSyncBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class CalendarSyncBenchmarks
{
    public const int EventCount = 10_000;
    private string _directory = "";
    private FakeGoogleServer _google = null!;
    private BenchmarkApp _app = null!;
    private Guid _connectionId;
    private int _round;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        await new OutreachDataGenerator(OutreachDataSize.Empty).CopyToAsync(_directory);
        _google = await FakeGoogleServer.StartAsync();
        _google.AddCalendar("work", "Work");
        var today = DateTime.UtcNow.Date;
        for (var i = 0; i < EventCount; i++)
        {
            var start = new DateTimeOffset(today.AddDays(-60 + (i % 400)).AddHours(9 + (i % 9)), TimeSpan.Zero);
            _google.PutEvent("work", FakeEvents.Timed(
                string.Create(CultureInfo.InvariantCulture, $"ev{i:D5}"),
                i % 4 == 0 ? $"Partner meeting {i} #outreach" : $"Staff meeting {i}",
                start,
                TimeSpan.FromHours(1))
                .WithAttendees(("staff1@library.example", null, "accepted", true), (string.Create(CultureInfo.InvariantCulture, $"person{i % 500}@partner{i % 50}.example"), null, "accepted", false)));
        }

        _app = BenchmarkApp.Create(_directory, new Dictionary<string, string?>
        {
            ["CalendarSync:Google:ClientId"] = "bench-client",
            ["CalendarSync:Google:ClientSecret"] = "bench-secret",
            ["CalendarSync:Google:ApiBaseUri"] = _google.ApiBase,
            ["CalendarSync:Google:TokenEndpoint"] = _google.TokenEndpoint,
        });
        var connection = new CalendarConnection
        {
            OwnerId = OutreachDataGenerator.AdminUserId,
            Kind = CalendarConnectionKind.GoogleOAuth,
            Name = "Benchmark calendar",
            ProtectedSecret = _app.Services.GetRequiredService<CalendarSecrets>().Protect(_google.IssueRefreshToken("staff1@library.example")),
            Calendars = [new ConnectedCalendar { ExternalId = "work", Name = "Work", IsSelected = true }],
        };
        await WithDbAsync(async db =>
        {
            db.CalendarConnections.Add(connection);
            await db.SaveChangesAsync();
        });
        _connectionId = connection.Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.Dispose();
        _google.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Before each full sync: no copies, no token.</summary>
    [IterationSetup(Target = nameof(FullSync10000Events))]
    public void ForgetEverything() => WithDbAsync(async db =>
    {
        await db.CalendarEventCopies.ExecuteDeleteAsync();
        await db.ConnectedCalendars.ExecuteUpdateAsync(s => s.SetProperty(c => c.SyncToken, (string?)null));
    }).GetAwaiter().GetResult();

    /// <summary>Before each incremental pass: a completed full sync, then no events (or 20) changed in the calendar.</summary>
    [IterationSetup(Target = nameof(IncrementalNoChanges))]
    public void SyncedNothingChanged() => EnsureSynced(0);

    [IterationSetup(Target = nameof(Incremental20Changes))]
    public void Synced20Changed() => EnsureSynced(20);

    [Benchmark]
    public Task<CalendarSyncResult> FullSync10000Events() => SyncOnceAsync(expectAdded: EventCount);

    [Benchmark]
    public Task<CalendarSyncResult> IncrementalNoChanges() => SyncOnceAsync(expectAdded: 0);

    [Benchmark]
    public Task<CalendarSyncResult> Incremental20Changes() => SyncOnceAsync(expectAdded: 0, expectUpdated: 20);

    private void EnsureSynced(int changes)
    {
        var token = WithDbAsync(db => db.ConnectedCalendars.Select(c => c.SyncToken).SingleAsync()).GetAwaiter().GetResult();
        if (token is null)
        {
            SyncOnceAsync(null).GetAwaiter().GetResult();
        }

        _round++;
        for (var i = 0; i < changes; i++)
        {
            _google.PutEvent("work", FakeEvents.Timed(
                string.Create(CultureInfo.InvariantCulture, $"ev{i * 97:D5}"),
                string.Create(CultureInfo.InvariantCulture, $"Partner meeting {i} moved ({_round}) #outreach"),
                new DateTimeOffset(DateTime.UtcNow.Date.AddDays(5), TimeSpan.Zero),
                TimeSpan.FromHours(1)));
        }
    }

    private async Task<CalendarSyncResult> SyncOnceAsync(int? expectAdded, int expectUpdated = 0)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CalendarSyncService>().SyncAsync(_connectionId, "benchmark", CancellationToken.None);
        if (result.Failed || (expectAdded is { } added && (result.Added != added || result.Updated != expectUpdated)))
        {
            throw new InvalidOperationException($"Unexpected sync: {result}");
        }

        return result;
    }

    private async Task<T> WithDbAsync<T>(Func<OutreachDbContext, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    private Task<bool> WithDbAsync(Func<OutreachDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return true;
    });
}
