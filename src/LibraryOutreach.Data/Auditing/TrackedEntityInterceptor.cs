using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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

        // Like SaveChanges itself: a caller that turned automatic detection off has detected the changes already.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var now = timeProvider.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<ITrackedEntity>())
        {
            // Through the entry, not the entity, so the change tracker knows at once (no detection pass needed after).
            switch (entry.State)
            {
                case EntityState.Added:
                    Set(entry, nameof(ITrackedEntity.CreatedAt), now);
                    Set(entry, nameof(ITrackedEntity.CreatedById), user.UserId);
                    Set(entry, nameof(ITrackedEntity.UpdatedAt), now);
                    Set(entry, nameof(ITrackedEntity.UpdatedById), user.UserId);
                    Set(entry, nameof(ITrackedEntity.Version), Guid.NewGuid());
                    break;
                case EntityState.Modified:
                    Set(entry, nameof(ITrackedEntity.UpdatedAt), now);
                    Set(entry, nameof(ITrackedEntity.UpdatedById), user.UserId);
                    Set(entry, nameof(ITrackedEntity.Version), Guid.NewGuid());
                    break;
            }
        }
    }

    private static void Set(EntityEntry<ITrackedEntity> entry, string property, object? value) => entry.Property(property).CurrentValue = value;
}
