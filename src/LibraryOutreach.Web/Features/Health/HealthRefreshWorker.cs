using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// A thin loop: on start and then every <see cref="HealthOptions.RefreshCheckMinutes"/>, asks
/// <see cref="HealthRefreshCoordinator"/> to recompute stale health rows (all of them once the day has turned and the
/// window rolled; any a cadence setting marked stale). A failure is logged and the next tick tries again.
/// </summary>
public sealed class HealthRefreshWorker(HealthRefreshCoordinator coordinator, TimeProvider timeProvider, IOptions<HealthOptions> options, ILogger<HealthRefreshWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RefreshWorkerEnabled)
        {
            logger.LogInformation("The two-way health refresh worker is off (Health:RefreshWorkerEnabled); stale rows are refreshed when read");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RefreshCheckMinutes), timeProvider);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One check; exceptions are logged, never thrown (the loop must keep going).</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        try
        {
            await coordinator.RefreshIfStaleAsync(full: true, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The two-way health refresh failed; it runs again on the next tick");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
