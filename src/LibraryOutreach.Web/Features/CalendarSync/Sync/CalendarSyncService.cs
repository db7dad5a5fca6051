using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.CalendarSync.Google;
using LibraryOutreach.Web.Features.CalendarSync.Ics;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>The end of one pass over one connection.</summary>
public sealed record CalendarSyncResult(
    Guid ConnectionId,
    string Name,
    CalendarSyncOutcome Outcome,
    int Added,
    int Updated,
    int Removed,
    int Skipped,
    string? Error)
{
    public bool Failed => Outcome is CalendarSyncOutcome.Failed or CalendarSyncOutcome.PartlyFailed;
}

/// <summary>
/// One sync pass over a connection: take its lease (so two processes never sync it at once), record a run, read each
/// chosen calendar (Google incrementally from its sync token, an iCal feed as a whole snapshot), apply the items page by
/// page, store the new sync token only after the items are saved, and write down how it ended in plain words. A 410 (or
/// an invalid token) discards the token and lists the calendar in full, once more at most; a refused refresh token marks
/// the connection "reconnect needed"; a calendar that is gone stops it. Failures of one connection never reach another.
/// </summary>
public sealed class CalendarSyncService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    GoogleClients google,
    IcsFeedClient feeds,
    CalendarSecrets secrets,
    CalendarSyncInstance instance,
    IOptions<CalendarSyncOptions> options,
    TimeProvider timeProvider,
    ILogger<CalendarSyncService> logger)
{
    /// <summary>How the service waits between attempts; tests record the waits instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (wait, ct) => Task.Delay(wait, timeProvider, ct);

    public Func<double> Random { get; set; } = System.Random.Shared.NextDouble;

    private CalendarSyncOptions Options => options.Value;

    private TimeSpan LeaseLength => TimeSpan.FromSeconds(Options.LeaseSeconds);

    /// <summary>Connections whose next run is due (and that are not stopped or waiting for their owner).</summary>
    public async Task<IReadOnlyList<Guid>> DueConnectionsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalendarConnections
            .Where(c => c.State == CalendarConnectionState.Active && (c.NextRunAt == null || c.NextRunAt <= now))
            .OrderBy(c => c.NextRunAt)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalendarConnections.AnyAsync(c => c.Id == connectionId, cancellationToken);
    }

    /// <summary>Syncs every due connection, one after another; one failing never stops the others.</summary>
    public async Task<IReadOnlyList<CalendarSyncResult>> SyncDueAsync(string trigger, CancellationToken cancellationToken)
    {
        var results = new List<CalendarSyncResult>();
        foreach (var id in await DueConnectionsAsync(cancellationToken))
        {
            results.Add(await SyncAsync(id, trigger, cancellationToken));
        }

        return results;
    }

    /// <summary>One pass over one connection; never throws for a failure of the calendar (it is in the result and the run).</summary>
    public async Task<CalendarSyncResult> SyncAsync(Guid connectionId, string trigger, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!await TryTakeLeaseAsync(connectionId, now, cancellationToken))
        {
            return new CalendarSyncResult(connectionId, "", CalendarSyncOutcome.Running, 0, 0, 0, 0, "Another sync of this connection is running.");
        }

        await CloseAbandonedRunsAsync(connectionId, now, cancellationToken);
        var counts = new CalendarSyncCounts();
        var run = new CalendarSyncRun { ConnectionId = connectionId, StartedAt = now, Trigger = trigger, Outcome = CalendarSyncOutcome.Running };
        CalendarConnection? connection = null;
        var failures = new List<CalendarSyncException>();
        var calendarsSynced = 0;
        try
        {
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                db.CalendarSyncRuns.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                connection = await db.CalendarConnections.AsNoTracking().Include(c => c.Calendars).SingleAsync(c => c.Id == connectionId, cancellationToken);
            }

            var selected = connection.Calendars.Where(c => c.IsSelected).OrderBy(c => c.Name).ToList();
            foreach (var calendar in selected)
            {
                try
                {
                    await SyncCalendarAsync(connection, calendar, run.Id, counts, cancellationToken);
                    calendarsSynced++;
                }
                catch (CalendarSyncException ex)
                {
                    failures.Add(ex);
                    logger.LogWarning("Calendar {CalendarId} of connection {ConnectionId} failed: {Kind}", calendar.Id, connectionId, ex.Kind);
                    if (ex.Kind is CalendarFailureKind.ReconnectNeeded or CalendarFailureKind.QuotaExceeded)
                    {
                        break; // the same credential and quota serve every calendar of the connection
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(connectionId, run, counts, [new CalendarSyncException(CalendarFailureKind.Unavailable, "The sync was stopped (the app is shutting down); the next run carries on.")], 0, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Sync of connection {ConnectionId} failed unexpectedly", connectionId);
            failures.Add(new CalendarSyncException(CalendarFailureKind.Unavailable, "Something went wrong while syncing; the next run tries again. The log has the details.", ex));
        }

        return await FinishAsync(connectionId, run, counts, failures, calendarsSynced, cancellationToken, connection?.Name);
    }

    private async Task SyncCalendarAsync(CalendarConnection connection, ConnectedCalendar calendar, Guid runId, CalendarSyncCounts counts, CancellationToken cancellationToken)
    {
        var zone = timeProvider.LocalTimeZone;
        var today = LibraryTime.Today(timeProvider);
        var window = (First: today.AddDays(-Options.WindowDaysBack), Last: today.AddDays(Options.WindowDaysAhead));

        if (connection.Kind == CalendarConnectionKind.IcsFeed)
        {
            var url = Unprotect(connection);
            var snapshot = await feeds.ReadAsync(url, (LibraryTime.StartOfDay(window.First, zone), LibraryTime.StartOfDay(window.Last.AddDays(1), zone)), zone, connection.AccountEmail, cancellationToken);
            foreach (var chunk in snapshot.Items.Chunk(500))
            {
                await ApplyAsync(connection, calendar, chunk, runId, window, counts, cancellationToken);
            }

            counts.Skipped += snapshot.Problems.Count;
            counts.Problems.AddRange(snapshot.Problems.Select(p => p.Message));
            counts.Removed += await SweepAsync(calendar.Id, runId, window, cancellationToken);
            await SaveTokenAsync(calendar.Id, null, cancellationToken);
            return;
        }

        using var service = CreateGoogleService(connection);
        var reader = new GoogleCalendarReader(Options, Delay, Random);
        var instants = (LibraryTime.StartOfDay(window.First, zone), LibraryTime.StartOfDay(window.Last.AddDays(1), zone));

        async Task<string> ListAsync(string? token) => await reader.ReadAsync(
            service, calendar.ExternalId, token, instants, zone,
            async (page, ct) =>
            {
                counts.Skipped += page.Problems.Count;
                counts.Problems.AddRange(page.Problems.Select(p => p.Message));
                await ApplyAsync(connection, calendar, page.Items, runId, window, counts, ct);
            },
            cancellationToken);

        string newToken;
        var full = calendar.SyncToken is null;
        try
        {
            newToken = await ListAsync(calendar.SyncToken);
        }
        catch (CalendarSyncException ex) when (ex.Kind == CalendarFailureKind.FullSyncRequired && !full)
        {
            // The token is dead: forget it (so a failure now still leads to a full sync next time) and list everything, once.
            await SaveTokenAsync(calendar.Id, null, cancellationToken);
            full = true;
            try
            {
                newToken = await ListAsync(null);
            }
            catch (CalendarSyncException again) when (again.Kind == CalendarFailureKind.FullSyncRequired)
            {
                throw new CalendarSyncException(CalendarFailureKind.Unavailable, "Google asked for a full sync again during the full sync; the next run tries again.", again);
            }
        }

        if (full)
        {
            counts.Removed += await SweepAsync(calendar.Id, runId, window, cancellationToken);
        }

        await SaveTokenAsync(calendar.Id, newToken, cancellationToken);
    }

    private async Task ApplyAsync(CalendarConnection connection, ConnectedCalendar calendar, IReadOnlyList<CalendarItem> items, Guid runId, (DateOnly, DateOnly) window, CalendarSyncCounts counts, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        CalendarMatcher? matcher = null; // read once for the page, and only when the rule confirms something
        await CalendarCopyWriter.ApplyAsync(db, calendar, connection, items, runId, window, now, counts,
            async (context, copy, ct) =>
            {
                matcher ??= await CalendarMatcher.LoadAsync(context, ct);
                await CalendarOutreach.ConfirmAsync(context, copy, matcher, connection.OwnerId, null, now, ct);
            },
            cancellationToken);
        await RenewLeaseAsync(db, connection.Id, cancellationToken);
    }

    private async Task<int> SweepAsync(Guid calendarId, Guid runId, (DateOnly, DateOnly) window, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CalendarCopyWriter.SweepAsync(db, calendarId, runId, window, timeProvider.GetUtcNow(), cancellationToken);
    }

    private async Task SaveTokenAsync(Guid calendarId, string? token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.ConnectedCalendars.Where(c => c.Id == calendarId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SyncToken, token).SetProperty(c => c.LastSyncedAt, now), cancellationToken);
    }

    private string Unprotect(CalendarConnection connection) =>
        secrets.TryUnprotect(connection.ProtectedSecret)
        ?? throw new CalendarSyncException(CalendarFailureKind.ReconnectNeeded,
            connection.Kind == CalendarConnectionKind.IcsFeed
                ? "The feed address could not be read (the app's keys changed). Add the feed again."
                : "The stored sign-in could not be read (the app's keys changed). Connect the calendar again.");

    /// <summary>
    /// One statement that succeeds for one caller: the lease is free, or its holder let it run out (it died mid-sync).
    /// Not even this instance may take a lease it holds: a "Sync now" during the worker's run of the same connection is told a sync is running.
    /// </summary>
    private async Task<bool> TryTakeLeaseAsync(Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + LeaseLength;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.CalendarConnections
            .Where(c => c.Id == connectionId && (c.LeaseExpiresAt == null || c.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, instance.Id).SetProperty(c => c.LeaseExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>After each page: the lease runs on while the sync makes progress.</summary>
    private async Task RenewLeaseAsync(OutreachDbContext db, Guid connectionId, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + LeaseLength;
        await db.CalendarConnections
            .Where(c => c.Id == connectionId && c.LeaseOwner == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseExpiresAt, until), cancellationToken);
    }

    /// <summary>
    /// Runs still "running" when the lease was free were left by a process that stopped mid-sync (killed, or the machine
    /// lost power). Their pages up to then were saved; the sync token was not, so this run reads those items again.
    /// </summary>
    private async Task CloseAbandonedRunsAsync(Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var closed = await db.CalendarSyncRuns
            .Where(r => r.ConnectionId == connectionId && r.Outcome == CalendarSyncOutcome.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Outcome, CalendarSyncOutcome.Failed)
                .SetProperty(r => r.EndedAt, now)
                .SetProperty(r => r.Error, "Interrupted: the app stopped during this sync. The next sync carried on from the last saved point."), cancellationToken);
        if (closed > 0)
        {
            logger.LogWarning("Connection {ConnectionId}: {Count} interrupted sync run(s) closed; this sync carries on", connectionId, closed);
        }
    }

    private async Task<CalendarSyncResult> FinishAsync(
        Guid connectionId,
        CalendarSyncRun run,
        CalendarSyncCounts counts,
        List<CalendarSyncException> failures,
        int calendarsSynced,
        CancellationToken cancellationToken,
        string? name = null)
    {
        var now = timeProvider.GetUtcNow();
        var outcome = failures.Count == 0 ? CalendarSyncOutcome.Succeeded
            : calendarsSynced > 0 ? CalendarSyncOutcome.PartlyFailed
            : CalendarSyncOutcome.Failed;
        var error = failures.Count == 0 ? null : string.Join(" ", failures.Select(f => f.Message).Distinct(StringComparer.Ordinal));
        var next = failures.Any(f => f.Kind == CalendarFailureKind.QuotaExceeded)
            ? now.AddMinutes(Options.QuotaDelayMinutes)
            : SyncBackoff.NextRun(now, TimeSpan.FromMinutes(Options.PollMinutes), Options.JitterPercent, Random());
        var state = failures.Any(f => f.Kind == CalendarFailureKind.ReconnectNeeded) ? CalendarConnectionState.ReconnectNeeded
            : failures.Count > 0 && calendarsSynced == 0 && failures.All(f => f.Kind == CalendarFailureKind.Gone) ? CalendarConnectionState.Stopped
            : CalendarConnectionState.Active;

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.CalendarSyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.EndedAt, now)
            .SetProperty(r => r.Outcome, outcome)
            .SetProperty(r => r.Added, counts.Added)
            .SetProperty(r => r.Updated, counts.Updated)
            .SetProperty(r => r.Removed, counts.Removed)
            .SetProperty(r => r.Skipped, counts.Skipped)
            .SetProperty(r => r.Error, error), cancellationToken);

        // Bookkeeping with ExecuteUpdate: it must not change the connection's version (someone may be editing its rule).
        if (failures.Count == 0)
        {
            await db.CalendarConnections.Where(c => c.Id == connectionId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastRunAt, now)
                .SetProperty(c => c.LastSuccessAt, now)
                .SetProperty(c => c.LastError, (string?)null)
                .SetProperty(c => c.NextRunAt, next)
                .SetProperty(c => c.LeaseOwner, (string?)null)
                .SetProperty(c => c.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        }
        else
        {
            var shortError = error!.Length > 1000 ? error[..1000] : error;
            await db.CalendarConnections.Where(c => c.Id == connectionId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastRunAt, now)
                .SetProperty(c => c.LastErrorAt, now)
                .SetProperty(c => c.LastError, shortError)
                .SetProperty(c => c.State, state)
                .SetProperty(c => c.NextRunAt, next)
                .SetProperty(c => c.LeaseOwner, (string?)null)
                .SetProperty(c => c.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        }

        logger.LogInformation(
            "Calendar sync of connection {ConnectionId}: {Outcome}, {Added} added, {Updated} updated, {Removed} removed, {Skipped} skipped",
            connectionId, outcome, counts.Added, counts.Updated, counts.Removed, counts.Skipped);
        return new CalendarSyncResult(connectionId, name ?? "", outcome, counts.Added, counts.Updated, counts.Removed, counts.Skipped, error);
    }


    private GoogleCalendarService CreateGoogleService(CalendarConnection connection)
    {
        try
        {
            return connection.Kind == CalendarConnectionKind.GoogleServiceAccount
                ? google.ForServiceAccount(connection.AccountEmail ?? throw new CalendarSyncConfigurationException("The connection names no staff address to act as."))
                : google.ForRefreshToken(Unprotect(connection));
        }
        catch (CalendarSyncConfigurationException ex)
        {
            throw new CalendarSyncException(CalendarFailureKind.Permanent, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new CalendarSyncException(CalendarFailureKind.Permanent, ex.Message, ex);
        }
    }
}
