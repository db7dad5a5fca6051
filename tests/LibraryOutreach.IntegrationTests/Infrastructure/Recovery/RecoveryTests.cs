using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.CalendarSync;
using LibraryOutreach.IntegrationTests.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Recovery;

/// <summary>
/// Recovery on the embedded SQLite default: a backup taken while writes continue restores into a fresh data directory
/// and the app starts on it with every record (the full JSON export before and after); a process killed with SIGKILL in
/// the middle of an import or of a calendar sync leaves nothing half-written, and the work then completes cleanly.
/// </summary>
public sealed class RecoveryTests
{
    private static Task<CliResult> CliAsync(string dataDirectory, params string[] args) => CliWithInputAsync(dataDirectory, "", args);

    private static async Task<CliResult> CliWithInputAsync(string dataDirectory, string input, params string[] args)
    {
        using var cli = new CliSandbox(dataDirectory);
        return await cli.RunWithInputAsync(input, args);
    }

    private static async Task<JsonObject> ExportAsync(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, $"export-{Guid.NewGuid():N}.json");
        var result = await CliAsync(dataDirectory, "export", "--out", file);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
    }

    /// <summary>Every list of the export, each record as its JSON text keyed by id (or by the text itself).</summary>
    private static Dictionary<string, Dictionary<string, string>> Records(JsonObject export) =>
        export.Where(p => p.Value is JsonArray).ToDictionary(
            p => p.Key,
            p => p.Value!.AsArray().Select(r => (Key: r!["id"]?.ToString() ?? r!.ToJsonString(), Json: r!.ToJsonString()))
                .ToDictionary(r => r.Key, r => r.Json, StringComparer.Ordinal),
            StringComparer.Ordinal);

    [Fact]
    public async Task Backup_WhileTouchesAreBeingLogged_RestoresIntoAFreshDirectory_TheAppStarts_AndTheExportHasEveryRecord()
    {
        var original = await TestDatabase.CreateSqliteAsync();
        var admin = await CliWithInputAsync(original.DataDirectory, OutreachAppFactory.DefaultPassword + "\n", "create-admin", "--email", "ada@library.test", "--name", "Ada Admin");
        Assert.True(admin.ExitCode == 0, admin.Output + admin.Error);
        var seeded = await CliAsync(original.DataDirectory, "seed-demo", "--size", "small");
        Assert.True(seeded.ExitCode == 0, seeded.Output + seeded.Error);
        await using var app = new OutreachAppFactory(original);
        _ = app.Server;
        var (staffId, contactIds) = await app.WithDbAsync(async db =>
            (await db.Users.Select(u => u.Id).FirstAsync(), await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).Take(50).ToListAsync()));

        // A librarian keeps logging touches, one save each, through the app's own context (audit, health, search).
        var committed = new List<(Guid Id, DateTime At)>();
        using var stop = new CancellationTokenSource();
        using var enough = new SemaphoreSlim(0);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var touch = new Interaction
                {
                    OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-i),
                    Channel = ContactChannel.Phone,
                    InitiatedBy = InitiatedBy.Library,
                    StaffUserId = staffId,
                    ContactId = contactIds[i % contactIds.Count],
                    Summary = $"Call {i}",
                };
                await app.WithDbAsync(async db =>
                {
                    db.Interactions.Add(touch);
                    await db.SaveChangesAsync();
                });
                lock (committed)
                {
                    committed.Add((touch.Id, DateTime.UtcNow));
                }

                if (i == 20)
                {
                    enough.Release();
                }
            }
        });
        await enough.WaitAsync(TimeSpan.FromSeconds(60));

        HashSet<Guid> before;
        lock (committed)
        {
            before = committed.Select(c => c.Id).ToHashSet();
        }

        var backupFile = Path.Combine(Path.GetTempPath(), "lo-tests", $"backup-{Guid.NewGuid():N}.db");
        var backup = await CliAsync(original.DataDirectory, "backup", "--out", backupFile);
        int writtenDuring;
        lock (committed)
        {
            writtenDuring = committed.Count - before.Count;
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await writer;
        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.True(writtenDuring > 0 || committed.Count > before.Count, "The writes did not continue while the backup ran.");

        // Restore as docs/operations.md says: the backup as outreach.db, and the keys folder, into a new data directory.
        var restored = await TestDatabase.CreateSqliteAsync();
        File.Copy(backupFile, Path.Combine(restored.DataDirectory, "outreach.db"));
        CopyDirectory(Path.Combine(original.DataDirectory, "keys"), Path.Combine(restored.DataDirectory, "keys"));
        File.Delete(backupFile);
        await using var restoredApp = new OutreachAppFactory(restored);
        using var client = restoredApp.CreateClient();
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var signIn = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var now = Records(await ExportAsync(original.DataDirectory));
        var then = Records(await ExportAsync(restored.DataDirectory));

        // Every record in the restored copy is exactly as in the original; nothing half-written, nothing invented.
        Assert.Equal(now.Keys.Order(StringComparer.Ordinal), then.Keys.Order(StringComparer.Ordinal));
        foreach (var (list, records) in then)
        {
            foreach (var (key, json) in records)
            {
                Assert.True(now[list].TryGetValue(key, out var current), $"{list} {key} is in the restored copy but not in the original.");
                Assert.Equal(current, json);
            }
        }

        // What is missing is only touches logged after the backup began; every touch committed before it is there.
        var restoredTouches = then["interactions"].Keys.Select(Guid.Parse).ToHashSet();
        Assert.Subset(restoredTouches, before);
        foreach (var (list, records) in now.Where(l => l.Key != "interactions"))
        {
            Assert.Equal(records.Count, then[list].Count);
        }

        var missing = now["interactions"].Keys.Select(Guid.Parse).Where(id => !restoredTouches.Contains(id)).ToList();
        Assert.All(missing, id => Assert.DoesNotContain(id, before));
        Assert.True(then["interactions"].Count > 1000, "The demo town's outreach log should be in the restored copy.");
    }

    [Fact]
    public async Task Import_KilledMidWrite_LeavesNoContactNorBatch_AndTheSameImportThenCompletes()
    {
        using var cli = new CliSandbox();
        Assert.Equal(0, (await cli.RunAsync("migrate")).ExitCode);
        const int rows = 20_000;
        var csv = new StringBuilder("First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Person{i},Family{i % 997},person{i}@town.example,555-{i % 10_000:D4}\n");
        }

        var file = Path.Combine(cli.DataDirectory, "contacts.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        var wal = cli.DatabasePath + "-wal";

        using (var import = AppProcess.Start(cli.DataDirectory, ["import", "--file", file, "--kind", "contacts"]))
        {
            // The preview has been read ("Rows:"), and the import's transaction is spilling pages into the WAL.
            await import.WaitUntilAsync(() => import.Output.Contains("Rows: 20", StringComparison.Ordinal), "the import to read the file");
            var walBefore = File.Exists(wal) ? new FileInfo(wal).Length : 0;
            await import.WaitUntilAsync(() => File.Exists(wal) && new FileInfo(wal).Length > walBefore + (512 * 1024), "the import to start writing");
            Assert.DoesNotContain("Added:", import.Output, StringComparison.Ordinal);
            await import.KillAsync();
            Assert.DoesNotContain("Added:", import.Output, StringComparison.Ordinal);
        }

        using (var db = cli.Open())
        {
            Assert.Equal("ok", CliSandbox.Scalar(db, "PRAGMA integrity_check;"));
            Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Contacts;"));
            Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM ContactEmails;"));
            Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM ImportBatches;"));
            Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM ImportBatchItems;"));
        }

        var again = await cli.RunAsync("import", "--file", file, "--kind", "contacts");

        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Contains("Added: 20000", again.Output, StringComparison.Ordinal);
        using (var db = cli.Open())
        {
            Assert.Equal((long)rows, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Contacts;"));
            Assert.Equal((long)rows, CliSandbox.Scalar(db, "SELECT COUNT(DISTINCT NormalizedAddress) FROM ContactEmails;"));
            Assert.Equal(1L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM ImportBatches;"));
        }
    }

    [Fact]
    public async Task Sync_KilledMidCalendar_KeepsTheSavedPagesAndNoToken_ThenTheNextSyncTakesOverWhenTheLeaseRunsOut_AndNothingIsDoubled()
    {
        await using var h = await CalendarSyncHarness.StartAsync(pageSize: 100);
        h.AddEvents(350);

        var id = await h.ConnectGoogleAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CalendarSync:PageSize"] = "100",
            ["CalendarSync:LeaseSeconds"] = "10",
            ["CalendarSync:Google:ClientId"] = "test-client.apps.example",
            ["CalendarSync:Google:ClientSecret"] = "test-secret",
            ["CalendarSync:Google:ApiBaseUri"] = h.Google.ApiBase,
            ["CalendarSync:Google:TokenEndpoint"] = h.Google.TokenEndpoint,
        };
        var pageThree = h.Google.Hold(r => r.IsEventList && r.Page == 3);
        var directory = h.App.Database.DataDirectory;

        using (var sync = AppProcess.Start(directory, ["sync", "--connection", id.ToString()], settings))
        {
            await pageThree.Reached.WaitAsync(TimeSpan.FromSeconds(60));
            await sync.KillAsync();
            Assert.DoesNotContain("synced;", sync.Output, StringComparison.Ordinal);
        }

        pageThree.Release();
        Assert.Equal(200, (await h.CopiesAsync()).Count); // pages 1 and 2 were saved, each in its own transaction
        var connection = await h.ConnectionAsync(id);
        Assert.Null(connection.Calendars.Single().SyncToken); // the token is stored only after the last page
        Assert.NotNull(connection.LeaseOwner);
        var interrupted = await h.App.WithDbAsync(db => db.CalendarSyncRuns.AsNoTracking().SingleAsync());
        Assert.Equal(CalendarSyncOutcome.Running, interrupted.Outcome);

        // A restart at once: the dead process's lease still runs.
        using (var early = AppProcess.Start(directory, ["sync", "--connection", id.ToString()], settings))
        {
            Assert.Equal(0, await early.WaitForExitAsync());
            Assert.Contains("skipped; Another sync of this connection is running.", early.Output, StringComparison.Ordinal);
        }

        // After it runs out (10 s here), the sync takes over and lists the calendar again from the start.
        var expires = (await h.ConnectionAsync(id)).LeaseExpiresAt!.Value;
        var wait = expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        using (var later = AppProcess.Start(directory, ["sync", "--connection", id.ToString()], settings))
        {
            Assert.Equal(0, await later.WaitForExitAsync());
            Assert.Contains("synced; 150 added, 0 changed, 0 removed", later.Output, StringComparison.Ordinal);
        }

        var copies = await h.CopiesAsync();
        Assert.Equal(350, copies.Count);
        Assert.Equal(350, copies.Select(c => c.ExternalId).Distinct(StringComparer.Ordinal).Count());
        connection = await h.ConnectionAsync(id);
        Assert.NotNull(connection.Calendars.Single().SyncToken);
        Assert.Null(connection.LeaseOwner);
        var runs = await h.App.WithDbAsync(db => db.CalendarSyncRuns.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync());
        Assert.Equal([CalendarSyncOutcome.Failed, CalendarSyncOutcome.Succeeded], runs.Select(r => r.Outcome));
        Assert.StartsWith("Interrupted", runs[0].Error, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
