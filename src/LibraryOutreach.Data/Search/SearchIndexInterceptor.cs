using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace LibraryOutreach.Data.Search;

/// <summary>
/// Keeps the search documents in step with every write: before a save it notes which documents the changes affect
/// (and opens a transaction if the caller has none), after it rebuilds those documents in the same transaction, so a
/// record and its search entry commit or roll back together. Register after the other interceptors.
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingReindex> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Synchronous saves are rare here (the app saves asynchronously); SQLite's async is synchronous anyway.
        return SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not OutreachDbContext db || _pending.TryGetValue(db, out _))
        {
            // Not ours, or the save of the documents themselves.
            return result;
        }

        // Entries() detects changes itself unless the caller turned that off (bulk work that sets states directly).
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
        {
            return result;
        }

        var affected = new Dictionary<ISearchDocumentSource, HashSet<Guid>>();
        foreach (var source in SearchIndexer.Sources)
        {
            var ids = new HashSet<Guid>();
            foreach (var entry in changed)
            {
                await source.CollectAsync(db, entry, ids, cancellationToken);
            }

            if (ids.Count > 0)
            {
                affected[source] = ids;
            }
        }

        if (affected.Count == 0)
        {
            return result;
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        _pending.AddOrUpdate(db, new PendingReindex(affected, transaction));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not OutreachDbContext db || !_pending.TryGetValue(db, out var pending) || pending.Running)
        {
            return result;
        }

        pending.Running = true;
        try
        {
            foreach (var (source, ids) in pending.Affected)
            {
                await SearchIndexer.ReindexAsync(db, source, ids, cancellationToken);
            }

            if (pending.Transaction is not null)
            {
                await pending.Transaction.CommitAsync(cancellationToken);
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

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AbandonAsync(eventData.Context);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AbandonAsync(eventData.Context);
    }

    private async Task AbandonAsync(DbContext? context)
    {
        // A failed save of the documents themselves is handled by the outer SavedChanges (it rethrows and disposes).
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Running)
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Transaction is not null)
        {
            // Disposing an uncommitted transaction rolls it back; the caller's failed save is rethrown by EF.
            await pending.Transaction.DisposeAsync();
        }
    }

    private sealed class PendingReindex(Dictionary<ISearchDocumentSource, HashSet<Guid>> affected, IDbContextTransaction? transaction)
    {
        public Dictionary<ISearchDocumentSource, HashSet<Guid>> Affected { get; } = affected;

        public IDbContextTransaction? Transaction { get; } = transaction;

        public bool Running { get; set; }
    }
}
