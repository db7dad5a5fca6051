using LibraryOutreach.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// Runs the refresh of stale health rows once at a time for the whole app: the worker after the day turns, the
/// Relationships page when it finds stale rows first (it waits for the same refresh rather than starting another).
/// </summary>
public sealed class HealthRefreshCoordinator(
    IServiceScopeFactory scopeFactory,
    IOptionsMonitor<HealthOptions> options,
    TimeProvider time,
    ILogger<HealthRefreshCoordinator> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateOnly _checkedDay;

    /// <summary>
    /// Recomputes the rows that are missing or older than today. With <paramref name="full"/> (the worker) it also
    /// compares the counts of records and rows, which finds rows missing after writes made outside the app; otherwise
    /// that comparison runs once a day. Returns the rows written.
    /// </summary>
    public async Task<int> RefreshIfStaleAsync(bool full, CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>();
        var today = LibraryTime.Today(time);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var stale = full || _checkedDay != today
                ? await HealthRefresher.IsStaleAsync(db, time, ct)
                : await db.RelationshipHealth.AnyAsync(h => h.ComputedFor < today, ct);
            if (!stale)
            {
                _checkedDay = today;
                return 0;
            }
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var started = time.GetTimestamp();
            var count = await HealthRefresher.RefreshAllAsync(db, options.CurrentValue, time, onlyStale: true, ct);
            _checkedDay = today;
            if (count > 0)
            {
                logger.LogInformation("Two-way health: {Count} relationships recomputed in {Elapsed}", count, time.GetElapsedTime(started));
            }

            return count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
