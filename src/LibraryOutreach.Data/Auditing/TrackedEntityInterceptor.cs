using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibraryOutreach.Data.Auditing;

/// <summary>
/// Stamps <see cref="ITrackedEntity"/> records before they are saved: created/updated time (from
/// <see cref="TimeProvider"/>) and person, and a new <see cref="ITrackedEntity.Version"/> on every change, so a
/// save made from a stale copy fails its concurrency check instead of overwriting someone else's edit.
/// Register it before <see cref="AuditInterceptor"/>.
/// </summary>
public sealed class TrackedEntityInterceptor(IAuditUserProvider userProvider, TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context, AuditUser.System);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context
            && context.ChangeTracker.Entries<ITrackedEntity>().Any(e => e.State is EntityState.Added or EntityState.Modified))
        {
            Stamp(context, await userProvider.GetCurrentAsync(cancellationToken));
        }

        return result;
    }

    private void Stamp(DbContext? context, AuditUser user)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = timeProvider.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<ITrackedEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.CreatedById = user.UserId;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedById = user.UserId;
                    entry.Entity.Version = Guid.NewGuid();
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedById = user.UserId;
                    entry.Entity.Version = Guid.NewGuid();
                    break;
            }
        }
    }
}
