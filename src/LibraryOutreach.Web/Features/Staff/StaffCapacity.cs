using LibraryOutreach.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>
/// Keeps active accounts plus pending invitations within <see cref="StaffOptions.MaxAccounts"/>, also under
/// concurrent invitations and acceptances: callers take <see cref="LockAsync"/>, check with
/// <see cref="EnsureRoomAsync"/>, write, then release. The lock is process-wide, and on PostgreSQL also a
/// session advisory lock so that several app instances sharing one database serialize too.
/// </summary>
public sealed class StaffCapacity(IDbContextFactory<OutreachDbContext> contextFactory, IOptions<StaffOptions> options, TimeProvider timeProvider)
{
    private const long AdvisoryLockKey = 0x4C4F_5354_4146; // "LOSTAF"
    private static readonly SemaphoreSlim ProcessLock = new(1, 1);

    public int MaxAccounts => options.Value.MaxAccounts;

    /// <summary>Serializes capacity-changing work until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await ProcessLock.WaitAsync(cancellationToken);
        OutreachDbContext? db = null;
        try
        {
            db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
                return new Handle(db);
            }

            await db.DisposeAsync();
            return new Handle(null);
        }
        catch
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }

            ProcessLock.Release();
            throw;
        }
    }

    /// <summary>Active accounts plus pending (unexpired, unaccepted, unrevoked) invitations.</summary>
    public async Task<int> CountUsedAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.Users.CountAsync(u => u.IsActive, cancellationToken);
        var pending = await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
        return active + pending;
    }

    /// <summary>
    /// Throws <see cref="StaffLimitReachedException"/> unless one more account or invitation fits. Accepting a pending
    /// invitation turns a counted invitation into a counted account, so it needs no extra room.
    /// Call while holding <see cref="LockAsync"/>.
    /// </summary>
    public async Task EnsureRoomAsync(bool acceptingPendingInvitation, CancellationToken cancellationToken)
    {
        var used = await CountUsedAsync(cancellationToken);
        var needed = acceptingPendingInvitation ? 0 : 1;
        if (used + needed > MaxAccounts)
        {
            throw StaffLimitReachedException.For(MaxAccounts);
        }
    }

    private sealed class Handle(OutreachDbContext? db) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            try
            {
                if (db is not null)
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})");
                    await db.DisposeAsync();
                }
            }
            finally
            {
                ProcessLock.Release();
            }
        }
    }
}
