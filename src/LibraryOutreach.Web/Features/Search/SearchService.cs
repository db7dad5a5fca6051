using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Data.Search;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Search;

/// <summary>
/// The global search: prefix matching over the search documents, with SQLite's FTS5 or PostgreSQL's full text,
/// ranked (names count more than the rest), grouped by kind. The documents are kept in step with every write by
/// <see cref="SearchIndexInterceptor"/>.
/// </summary>
public sealed class SearchService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard) : ISearchService
{
    public const int DefaultLimitPerKind = 8;
    public const int MaxLimitPerKind = 100;

    private static readonly (string Kind, string Label, string UrlPrefix)[] Kinds =
    [
        (SearchKinds.Contact, "Contacts", "/contacts/"),
        (SearchKinds.Organization, "Organizations", "/organizations/"),
        (SearchKinds.Event, "Events", "/events/"),
        (SearchKinds.Interaction, "Interactions", "/interactions/"),
    ];

    public async Task<SearchResults> SearchAsync(string? query, int limitPerKind = DefaultLimitPerKind, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        var words = SearchText.Words(query);
        var text = query?.Trim() ?? "";
        if (words.Count == 0)
        {
            return SearchResults.Empty(text);
        }

        var limit = Math.Clamp(limitPerKind, 1, MaxLimitPerKind);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // One query for every kind: the full-text match is the costly part and is done once, then the best
        // limit + 1 of each kind are kept (one more than asked, to know whether there are more).
        var rows = await Query(db, words, limit + 1).ToListAsync(ct);
        var groups = new List<SearchGroup>();
        foreach (var (kind, label, urlPrefix) in Kinds)
        {
            var ofKind = rows.Where(r => r.Kind == kind).OrderBy(r => r.Rank).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var hits = ofKind.Take(limit).Select(r => new SearchHit(kind, r.EntityId, r.Title, r.Subtitle, urlPrefix + r.EntityId)).ToList();
            groups.Add(new SearchGroup(kind, label, hits, ofKind.Count > limit));
        }

        return new SearchResults(text, groups);
    }

    private static IQueryable<SearchRow> Query(OutreachDbContext db, IReadOnlyList<string> words, int take)
    {
        if (db.Database.IsNpgsql())
        {
            // "jan:* & sch:*": every word, each as a prefix. Words hold only letters and digits (SearchText).
            var tsQuery = string.Join(" & ", words.Select(w => w + ":*"));
            return db.Database.SqlQuery<SearchRow>($"""
                SELECT r."Kind", r."EntityId", r."Title", r."Subtitle", r."Rank"
                FROM (
                    SELECT d."Kind", d."EntityId", d."Title", d."Subtitle",
                           ROW_NUMBER() OVER (PARTITION BY d."Kind" ORDER BY ts_rank(d."SearchVector", to_tsquery('simple', {tsQuery})) DESC, d."Title") AS "Rank"
                    FROM "SearchDocuments" d
                    WHERE NOT d."IsArchived" AND d."SearchVector" @@ to_tsquery('simple', {tsQuery})
                ) r
                WHERE r."Rank" <= {take}
                """);
        }

        // FTS5: '"jan"* "sch"*' — every word, each as a prefix; title words weigh ten times the rest.
        var match = string.Join(' ', words.Select(w => "\"" + w + "\"*"));
        return db.Database.SqlQuery<SearchRow>($"""
            SELECT r."Kind", r."EntityId", r."Title", r."Subtitle", r."Rank"
            FROM (
                SELECT d."Kind", d."EntityId", d."Title", d."Subtitle",
                       ROW_NUMBER() OVER (PARTITION BY d."Kind" ORDER BY bm25("SearchDocumentsFts", 10.0, 1.0), d."Title") AS "Rank"
                FROM "SearchDocumentsFts" f
                JOIN "SearchDocuments" d ON d."Id" = f.rowid
                WHERE "SearchDocumentsFts" MATCH {match} AND NOT d."IsArchived"
            ) r
            WHERE r."Rank" <= {take}
            """);
    }

    private sealed record SearchRow(string Kind, Guid EntityId, string Title, string? Subtitle, long Rank);
}
