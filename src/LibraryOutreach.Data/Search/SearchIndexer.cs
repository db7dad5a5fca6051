using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Data.Search;

/// <summary>Writes search documents: for a set of changed records, or all of them (a rebuild).</summary>
public static class SearchIndexer
{
    private const int ChunkSize = 2000;

    /// <summary>Every kind of search document. A new kind adds its source here.</summary>
    public static IReadOnlyList<ISearchDocumentSource> Sources { get; } =
        [new ContactSearchSource(), new OrganizationSearchSource(), new OutreachEventSearchSource(), new InteractionSearchSource()];

    /// <summary>
    /// Replaces the documents of <paramref name="ids"/> of one kind with fresh ones (none for records that are gone),
    /// in <paramref name="db"/>'s current transaction. Saves only search documents; the caller's other tracked
    /// entities must already be saved.
    /// </summary>
    public static async Task ReindexAsync(OutreachDbContext db, ISearchDocumentSource source, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var kind = source.Kind;
            await db.SearchDocuments.Where(d => d.Kind == kind && EF.Parameter(chunk).Contains(d.EntityId)).ExecuteDeleteAsync(cancellationToken);
            await InsertAsync(db, await source.BuildAsync(db, chunk, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Deletes and rebuilds every search document, in one transaction.</summary>
    public static async Task<int> RebuildAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SearchDocuments.ExecuteDeleteAsync(cancellationToken);
        var count = 0;
        foreach (var source in Sources)
        {
            var ids = await source.AllIds(db).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                var documents = await source.BuildAsync(db, chunk, cancellationToken);
                await InsertAsync(db, documents, cancellationToken);
                count += documents.Count;
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return count;
    }

    /// <summary>True when the documents do not match the records (after an upgrade, a restore, or a write made outside the app).</summary>
    public static async Task<bool> IsStaleAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var source in Sources)
        {
            var kind = source.Kind;
            var expected = await source.AllIds(db).CountAsync(cancellationToken);
            var actual = await db.SearchDocuments.CountAsync(d => d.Kind == kind, cancellationToken);
            if (expected != actual)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task InsertAsync(OutreachDbContext db, List<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        // The documents are added explicitly, so no change detection is needed: on a context that tracks a whole
        // import (tens of thousands of entities) each detection pass would cost more than the insert.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SearchDocuments.AddRange(documents);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var document in documents)
            {
                db.Entry(document).State = EntityState.Detached;
            }

            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
