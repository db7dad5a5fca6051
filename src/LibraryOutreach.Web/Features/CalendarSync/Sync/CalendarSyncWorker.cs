using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>
/// Polls for due connections once a minute and syncs them (a new scope per tick; <see cref="CalendarSyncService"/>
/// holds the logic). Each connection's own schedule (15 minutes ± 25% by default) decides when it is due.
/// </summary>
public sealed class CalendarSyncWorker(
    IServiceScopeFactory scopeFactory,
    IOptions<CalendarSyncOptions> options,
    TimeProvider timeProvider,
    ILogger<CalendarSyncWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Calendar sync worker is off (CalendarSync:Enabled is false)");
            return;
        }

        using var timer = new PeriodicTimer(Tick, timeProvider);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CalendarSyncService>().SyncDueAsync("schedule", stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database may be briefly unavailable; the next tick tries again.
                logger.LogError(ex, "Calendar sync tick failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
