using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LibraryOutreach.Data.Search;

/// <summary>
/// One kind of search document (contacts, organizations; events and notes later): which pending changes affect which
/// of its documents, and how to build them. Add a new kind by writing a source and listing it in
/// <see cref="SearchIndexer.Sources"/>.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>One of <see cref="SearchKinds"/>.</summary>
    string Kind { get; }

    /// <summary>
    /// Adds to <paramref name="ids"/> the documents of this kind that the pending change in <paramref name="entry"/>
    /// affects. Runs before the save, so it can still read the relationships a delete is about to remove.
    /// </summary>
    Task CollectAsync(OutreachDbContext db, EntityEntry entry, ISet<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The current documents for <paramref name="ids"/>; records that are gone or merged get none.</summary>
    Task<List<SearchDocument>> BuildAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Every record that should have a document, for a full rebuild.</summary>
    IQueryable<Guid> AllIds(OutreachDbContext db);
}
