using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using LibraryOutreach.Web.Infrastructure.Cli;

namespace LibraryOutreach.IntegrationTests.Features.CalendarSync;

/// <summary>The <c>sync</c> verb on the same data directory (database and keys) as a running app.</summary>
public class SyncVerbTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(CalendarSyncHarness h, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = h.App.Database.Settings().Select(s => $"--{s.Key}={s.Value}")
            .Concat(
            [
                $"--CalendarSync:Google:ClientId=test-client", "--CalendarSync:Google:ClientSecret=test-secret",
                $"--CalendarSync:Google:ApiBaseUri={h.Google.ApiBase}", $"--CalendarSync:Google:TokenEndpoint={h.Google.TokenEndpoint}",
            ]);
        var code = await CliApp.RunAsync([.. args, .. settings], new StringReader(""), output, error, null, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Sync_RunsEveryDueConnection_PrintsASummary_AndExitsOneWhenOneFailed()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.Google.PutEvent("work", FakeEvents.Timed("e1", "Town council #outreach", CalendarSyncHarness.Soon(2), TimeSpan.FromHours(2)));
        var good = await h.ConnectGoogleAsync();
        var revoked = h.Google.IssueRefreshToken("jo@library.example");
        h.Google.RevokedTokens.Add(revoked);
        await h.ConnectGoogleAsync(refreshToken: revoked);

        var (code, output, _) = await RunAsync(h, "sync");

        Assert.Equal(1, code);
        Assert.Contains("synced; 1 added, 0 changed, 0 removed, 0 left out", output, StringComparison.Ordinal);
        Assert.Contains("FAILED; Google no longer accepts this connection", output, StringComparison.Ordinal);
        Assert.Contains("2 connection(s), 1 failed", output, StringComparison.Ordinal);

        var (again, onlyGood, _) = await RunAsync(h, "sync", "--connection", good.ToString());
        Assert.Equal(0, again);
        Assert.Contains("synced; 0 added", onlyGood, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WithAnUnknownOrMalformedConnection_SaysSo()
    {
        await using var h = await CalendarSyncHarness.StartAsync();

        var (unknown, _, unknownError) = await RunAsync(h, "sync", "--connection", Guid.NewGuid().ToString());
        var (malformed, _, malformedError) = await RunAsync(h, "sync", "--connection", "42");

        Assert.Equal((1, 2), (unknown, malformed));
        Assert.Contains("No calendar connection has the id", unknownError, StringComparison.Ordinal);
        Assert.Contains("needs a connection id", malformedError, StringComparison.Ordinal);
    }
}
