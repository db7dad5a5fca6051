using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Search;

/// <summary>The icon shown beside a search hit of each kind.</summary>
public static class SearchIcons
{
    public static string For(string kind) => kind switch
    {
        SearchKinds.Organization => MudBlazor.Icons.Material.Filled.Business,
        SearchKinds.Event => MudBlazor.Icons.Material.Filled.Event,
        SearchKinds.Interaction => MudBlazor.Icons.Material.Filled.Forum,
        _ => MudBlazor.Icons.Material.Filled.Person,
    };
}

/// <summary>One record found by the global search.</summary>
public sealed record SearchHit(string Kind, Guid Id, string Title, string? Subtitle, string Url);

/// <summary>The hits of one kind, best first; <see cref="HasMore"/> when the limit cut some off.</summary>
public sealed record SearchGroup(string Kind, string Label, IReadOnlyList<SearchHit> Hits, bool HasMore);

/// <summary>What a search found, grouped by kind (contacts, then organizations); empty groups left out.</summary>
public sealed record SearchResults(string Query, IReadOnlyList<SearchGroup> Groups)
{
    public static SearchResults Empty(string query) => new(query, []);

    public bool IsEmpty => Groups.Count == 0;
}

public interface ISearchService
{
    /// <summary>
    /// Finds contacts and organizations whose name, email, phone, organization or tag has words starting with every
    /// word of <paramref name="query"/>. Archived and merged records are left out.
    /// </summary>
    Task<SearchResults> SearchAsync(string? query, int limitPerKind = SearchService.DefaultLimitPerKind, CancellationToken ct = default);
}
