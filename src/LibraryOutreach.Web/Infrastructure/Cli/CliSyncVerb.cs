using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Infrastructure.Data;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary><c>sync [--connection ID]</c>: one calendar sync pass, for cron and for diagnosis.</summary>
internal static class CliSyncVerb
{
    public static async Task<int> SyncAsync(CliContext context, CancellationToken cancellationToken)
    {
        Guid? only = null;
        if (context.Command.Options.TryGetValue("connection", out var text))
        {
            if (!Guid.TryParse(text, out var id))
            {
                context.Error.WriteLine($"--connection needs a connection id (a GUID), not \"{text}\".");
                return CliUsage.UsageError;
            }

            only = id;
        }

        await using var session = context.StartSession();
        await session.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var sync = session.Get<CalendarSyncService>();
        IReadOnlyList<CalendarSyncResult> results;
        if (only is { } connectionId)
        {
            if (!await sync.ExistsAsync(connectionId, cancellationToken))
            {
                context.Error.WriteLine($"No calendar connection has the id {connectionId}.");
                return CliUsage.Failed;
            }

            results = [await sync.SyncAsync(connectionId, "cli", cancellationToken)];
        }
        else
        {
            results = await sync.SyncDueAsync("cli", cancellationToken);
        }

        if (results.Count == 0)
        {
            context.Output.WriteLine("No calendar connection is due for a sync.");
            return CliUsage.Success;
        }

        foreach (var r in results)
        {
            var name = r.Name.Length > 0 ? r.Name : r.ConnectionId.ToString();
            context.Output.WriteLine(r.Outcome switch
            {
                CalendarSyncOutcome.Succeeded => $"{name}: synced; {N(r.Added)} added, {N(r.Updated)} changed, {N(r.Removed)} removed, {N(r.Skipped)} left out",
                CalendarSyncOutcome.Running => $"{name}: skipped; {r.Error}",
                _ => $"{name}: FAILED; {r.Error} ({N(r.Added)} added, {N(r.Updated)} changed, {N(r.Removed)} removed before the failure)",
            });
        }

        var failed = results.Count(r => r.Failed);
        context.Output.WriteLine($"{N(results.Count)} connection(s), {N(failed)} failed");
        return failed > 0 ? CliUsage.Failed : CliUsage.Success;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
