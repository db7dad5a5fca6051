using System.Runtime.CompilerServices;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// Keeps the precomputed health in step with every write (docs/adr/0008-relationship-health-precomputed.md). It is two
/// interceptors that share their state: <see cref="Collector"/>, registered <em>before</em> the search index's, notes
/// before a save which contacts and organizations the changes affect and opens a transaction if the caller has none;
/// <see cref="Writer"/>, registered <em>last</em>, recomputes their rows after the save (and after the search index has
/// written its documents) in that transaction, then commits it. A failed or cancelled save rolls everything back.
/// A change to a cadence setting marks every row stale instead (one UPDATE), for the next read or the worker.
/// </summary>
public sealed class RelationshipHealthInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    private readonly IOptionsMonitor<HealthOptions> _options;
    private readonly TimeProvider _time;

    public RelationshipHealthInterceptor(IOptionsMonitor<HealthOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        Collector = new CollectorInterceptor(this);
        Writer = new WriterInterceptor(this);
    }

    /// <summary>Register before the search index's interceptor.</summary>
    public SaveChangesInterceptor Collector { get; }

    /// <summary>Register after every other interceptor.</summary>
    public SaveChangesInterceptor Writer { get; }

    /// <summary>The contacts and organizations whose health the pending changes affect (before they are saved).</summary>
    internal static async Task<(HashSet<Guid> Contacts, HashSet<Guid> Organizations, bool AllStale)> AffectedAsync(
        OutreachDbContext db,
        IReadOnlyList<EntityEntry> changed,
        CancellationToken ct)
    {
        var contacts = new HashSet<Guid>();
        var organizations = new HashSet<Guid>();
        // Contacts whose touches changed: their organizations (while affiliated) change too.
        var touchedContacts = new HashSet<Guid>();
        // Organizations whose own settings changed: their current people's cadence may change.
        var changedOrganizations = new HashSet<Guid>();
        var events = new HashSet<Guid>();
        var allStale = false;

        static IEnumerable<T> Values<T>(EntityEntry entry, string property)
        {
            var p = entry.Property(property);
            if (entry.State != EntityState.Added && p.OriginalValue is T original)
            {
                yield return original;
            }

            if (entry.State != EntityState.Deleted && p.CurrentValue is T current)
            {
                yield return current;
            }
        }

        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Interaction:
                    foreach (var id in Values<Guid>(entry, nameof(Interaction.ContactId)))
                    {
                        contacts.Add(id);
                        touchedContacts.Add(id);
                    }

                    organizations.UnionWith(Values<Guid>(entry, nameof(Interaction.OrganizationId)));
                    break;
                case OutreachEventContact:
                    foreach (var id in Values<Guid>(entry, nameof(OutreachEventContact.ContactId)))
                    {
                        contacts.Add(id);
                        touchedContacts.Add(id);
                    }

                    break;
                case OutreachEventOrganization:
                    organizations.UnionWith(Values<Guid>(entry, nameof(OutreachEventOrganization.OrganizationId)));
                    break;
                case OutreachEvent e when entry.State != EntityState.Added:
                    events.Add(e.Id);
                    break;
                case Affiliation:
                    contacts.UnionWith(Values<Guid>(entry, nameof(Affiliation.ContactId)));
                    organizations.UnionWith(Values<Guid>(entry, nameof(Affiliation.OrganizationId)));
                    break;
                case Contact c:
                    contacts.Add(c.Id);
                    touchedContacts.Add(c.Id);
                    break;
                case Organization o:
                    organizations.Add(o.Id);
                    changedOrganizations.Add(o.Id);
                    break;
                case CadenceRule:
                    allStale = true;
                    break;
                default:
                    break;
            }
        }

        if (events.Count > 0)
        {
            // An edited or deleted event: everyone it was with (read before a delete removes the links).
            var ids = events.ToArray();
            var eventContacts = await db.OutreachEventContacts.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.EventId)).Select(l => l.ContactId).ToListAsync(ct);
            contacts.UnionWith(eventContacts);
            touchedContacts.UnionWith(eventContacts);
            organizations.UnionWith(await db.OutreachEventOrganizations.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.EventId)).Select(l => l.OrganizationId).ToListAsync(ct));
        }

        if (touchedContacts.Count > 0)
        {
            var ids = touchedContacts.ToArray();
            organizations.UnionWith(await db.Affiliations.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.ContactId)).Select(a => a.OrganizationId).ToListAsync(ct));
        }

        if (changedOrganizations.Count > 0)
        {
            var ids = changedOrganizations.ToArray();
            contacts.UnionWith(await db.Affiliations.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.OrganizationId) && a.EndDate == null).Select(a => a.ContactId).ToListAsync(ct));
        }

        return (contacts, organizations, allStale);
    }

    private async ValueTask CollectAsync(DbContextEventData eventData, CancellationToken ct)
    {
        if (eventData.Context is not OutreachDbContext db)
        {
            return;
        }

        if (_pending.TryGetValue(db, out var outer))
        {
            // A save inside this one (the search documents', or the health rows' own): the outer save's writer acts.
            outer.NestedSaves++;
            return;
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not RelationshipHealthRow)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var (contacts, organizations, allStale) = await AffectedAsync(db, changed, ct);
        if (contacts.Count == 0 && organizations.Count == 0 && !allStale)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        _pending.AddOrUpdate(db, new Pending(contacts, organizations, allStale, transaction));
    }

    private async ValueTask WriteAsync(DbContextEventData eventData, CancellationToken ct)
    {
        if (eventData.Context is not OutreachDbContext db || !_pending.TryGetValue(db, out var pending))
        {
            return;
        }

        if (pending.NestedSaves > 0)
        {
            pending.NestedSaves--;
            return;
        }

        pending.Running = true;
        try
        {
            if (pending.AllStale)
            {
                await HealthRefresher.MarkAllStaleAsync(db, ct);
            }

            await HealthRefresher.RecomputeAsync(db, pending.Contacts, pending.Organizations, _options.CurrentValue, _time, ct);
            if (pending.Transaction is not null)
            {
                await pending.Transaction.CommitAsync(ct);
            }
        }
        finally
        {
            _pending.Remove(db);
            if (pending.Transaction is not null)
            {
                await pending.Transaction.DisposeAsync();
            }
        }
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        if (pending.NestedSaves > 0)
        {
            // A nested save failed: the outer save's code sees the exception and abandons (or rethrows) itself.
            pending.NestedSaves--;
            return;
        }

        if (pending.Running)
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Transaction is not null)
        {
            // Disposing an uncommitted transaction rolls it back; EF rethrows the caller's failed save.
            await pending.Transaction.DisposeAsync();
        }
    }

    private sealed class Pending(HashSet<Guid> contacts, HashSet<Guid> organizations, bool allStale, IDbContextTransaction? transaction)
    {
        public HashSet<Guid> Contacts { get; } = contacts;

        public HashSet<Guid> Organizations { get; } = organizations;

        public bool AllStale { get; } = allStale;

        public IDbContextTransaction? Transaction { get; } = transaction;

        public bool Running { get; set; }

        /// <summary>Saves started inside the outer one and not yet finished.</summary>
        public int NestedSaves { get; set; }
    }

    private sealed class CollectorInterceptor(RelationshipHealthInterceptor owner) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            owner.CollectAsync(eventData, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            await owner.CollectAsync(eventData, cancellationToken);
            return result;
        }
    }

    private sealed class WriterInterceptor(RelationshipHealthInterceptor owner) : SaveChangesInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            owner.WriteAsync(eventData, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            await owner.WriteAsync(eventData, cancellationToken);
            return result;
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            owner.AbandonAsync(eventData.Context).GetAwaiter().GetResult();
        }

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            return owner.AbandonAsync(eventData.Context);
        }

        public override void SaveChangesCanceled(DbContextEventData eventData)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            owner.AbandonAsync(eventData.Context).GetAwaiter().GetResult();
        }

        public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            return owner.AbandonAsync(eventData.Context);
        }
    }
}
