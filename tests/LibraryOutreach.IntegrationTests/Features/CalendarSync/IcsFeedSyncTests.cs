using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.CalendarSync;

/// <summary>iCal feeds (a secret address served over HTTP) and the Workspace service account, against the fake.</summary>
public class IcsFeedSyncTests
{
    private static string Feed(params (string Uid, string Summary, DateTimeOffset Start)[] events)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Feed//EN" };
        foreach (var (uid, summary, start) in events)
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT", $"UID:{uid}", $"SUMMARY:{summary}",
                $"DTSTART:{start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
                $"DTEND:{start.UtcDateTime.AddHours(1).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
                "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        return string.Join("\r\n", lines) + "\r\n";
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Feed_SnapshotsAreDiffedByUid_AnEventMissingLaterIsRemoved_AndTheAddressIsNeverLogged(DatabaseProvider provider)
    {
        await using var h = await CalendarSyncHarness.StartAsync(provider);
        var url = h.Google.ServeFeed("private-0123abcd", Feed(("a@x", "Farmers market table", CalendarSyncHarness.Soon(2)), ("b@x", "Book sale", CalendarSyncHarness.Soon(3))));
        var id = await h.ConnectFeedAsync(url);

        var first = await h.SyncAsync(id);
        Assert.Equal((CalendarSyncOutcome.Succeeded, 2), (first.Outcome, first.Added));
        Assert.Equal(2, await h.OutreachEventCountAsync());

        h.Google.ServeFeed("private-0123abcd", Feed(("a@x", "Farmers market table", CalendarSyncHarness.Soon(2))));
        var second = await h.SyncAsync(id);

        Assert.Equal((0, 0, 1), (second.Added, second.Updated, second.Removed));
        var copies = await h.CopiesAsync();
        Assert.True(copies.Single(c => c.Title == "Book sale").IsRemoved);
        Assert.False(copies.Single(c => c.Title == "Farmers market table").IsRemoved);
        Assert.Equal(2, await h.OutreachEventCountAsync()); // a cancellation flags the library's event, never deletes it
        Assert.DoesNotContain(h.App.Log.Lines, line => line.Contains("private-0123abcd", StringComparison.Ordinal));
        var stored = await h.App.WithDbAsync(db => db.CalendarConnections.Select(c => c.ProtectedSecret).SingleAsync());
        Assert.DoesNotContain("private-0123abcd", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_ThatNoLongerExists_StopsTheConnectionWithAPlainMessage()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        var url = h.Google.ServeFeed("private-dead", "", status: 404);
        var id = await h.ConnectFeedAsync(url);

        var result = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Failed, result.Outcome);
        Assert.Contains("no longer exists", result.Error, StringComparison.Ordinal);
        Assert.Equal(CalendarConnectionState.Stopped, (await h.ConnectionAsync(id)).State);
    }

    [Fact]
    public async Task Feed_ThatIsNotACalendar_FailsWithoutTouchingEarlierCopies()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        var url = h.Google.ServeFeed("private-page", Feed(("a@x", "Story time", CalendarSyncHarness.Soon(2))));
        var id = await h.ConnectFeedAsync(url);
        await h.SyncAsync(id);

        h.Google.ServeFeed("private-page", "<html><body>Sign in to continue</body></html>");
        var result = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Failed, result.Outcome);
        Assert.Contains("iCal", result.Error, StringComparison.Ordinal);
        Assert.False(Assert.Single(await h.CopiesAsync()).IsRemoved);
    }

    [Fact]
    public async Task ServiceAccount_ImpersonatesTheStaffMember_ThroughTheJwtGrant()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        using var rsa = RSA.Create(2048);
        var keyFile = Path.Combine(Path.GetTempPath(), $"lo-sa-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(keyFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["client_email"] = "outreach-sync@library-project.iam.example",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["token_uri"] = h.Google.TokenEndpoint,
        }));
        try
        {
            h.Google.PutEvent("work", FakeEvents.Timed("w1", "Rotary lunch #outreach", CalendarSyncHarness.Soon(4), TimeSpan.FromHours(1)));
            var id = Guid.Empty;
            await h.App.WithDbAsync(async db =>
            {
                var connection = new CalendarConnection
                {
                    OwnerId = h.Owner.Id,
                    Kind = CalendarConnectionKind.GoogleServiceAccount,
                    Name = "Workspace",
                    AccountEmail = h.Owner.Email,
                    Calendars = [new ConnectedCalendar { ExternalId = "work", Name = "Work", IsSelected = true }],
                };
                db.CalendarConnections.Add(connection);
                await db.SaveChangesAsync();
                id = connection.Id;
            });
            using var app = h.App.WithWebHostBuilder(b => b.UseSetting("CalendarSync:Google:ServiceAccountKeyFile", keyFile));
            await using var scope = app.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<CalendarSyncService>();

            var result = await service.SyncAsync(id, "test", CancellationToken.None);

            Assert.Equal((CalendarSyncOutcome.Succeeded, 1), (result.Outcome, result.Added));
            Assert.Contains(h.Google.Requests, r => r.Path == "/token");
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
