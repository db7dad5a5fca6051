using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Search;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Search;

public class SearchComponentTests : MudBunitTestBase
{
    private static readonly Guid EdnaId = Guid.NewGuid();
    private static readonly Guid SchoolId = Guid.NewGuid();
    private readonly FakeSearchService _search = new();

    public SearchComponentTests()
    {
        Services.AddSingleton<ISearchService>(_search);
        AuthorizeAsAdmin();
        _search.Results = new SearchResults("spring",
        [
            new SearchGroup(SearchKinds.Contact, "Contacts", [new SearchHit(SearchKinds.Contact, EdnaId, "Edna Krabappel", "Teacher, Springfield Elementary", $"/contacts/{EdnaId}")], HasMore: false),
            new SearchGroup(SearchKinds.Organization, "Organizations", [new SearchHit(SearchKinds.Organization, SchoolId, "Springfield <b>Elementary</b>", "School", $"/organizations/{SchoolId}")], HasMore: true),
        ]);
    }

    [Fact]
    public void GlobalSearch_Typing_ShowsHitsUnderTheirGroupHeadingsAndChoosingOneOpensIt()
    {
        var cut = RenderWithProviders<GlobalSearch>();

        cut.Find("#global-search-input").Input("spring");

        // The field waits for a pause in typing (debounce) before it searches.
        cut.WaitForAssertion(() => Assert.Equal(["Contacts", "Organizations"], cut.FindAll("[data-testid=global-search-group]").Select(g => g.TextContent.Trim())), TimeSpan.FromSeconds(10));
        Assert.Equal("spring", _search.LastQuery);
        var items = cut.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Contains(items, i => i.Contains("Edna Krabappel", StringComparison.Ordinal) && i.Contains("Teacher, Springfield Elementary", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("See all results for “spring”", StringComparison.Ordinal));
        Assert.Contains("Springfield &lt;b&gt;Elementary&lt;/b&gt;", cut.Markup, StringComparison.Ordinal);

        cut.FindAll(".mud-list-item").First(i => i.TextContent.Contains("Edna Krabappel", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.EndsWith($"/contacts/{EdnaId}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void GlobalSearch_NothingMatches_SaysSo()
    {
        _search.Results = SearchResults.Empty("zzz");
        var cut = RenderWithProviders<GlobalSearch>();

        cut.Find("#global-search-input").Input("zzz");

        cut.WaitForAssertion(() => Assert.Contains("No contacts or organizations match.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SearchPage_WithAQuery_ListsEachGroupWithLinksAndSaysWhenThereAreMore()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=spring");

        var cut = RenderWithProviders<SearchPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=search-page-group]").Count));
        var headings = cut.FindAll("[data-testid=search-page-group] h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Contacts (1)", "Organizations (first 1)"], headings);
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == $"/organizations/{SchoolId}");
        Assert.Contains("add a word to narrow the search", cut.Markup, StringComparison.Ordinal);
        Assert.Equal((SearchPage.LimitPerKind, "spring"), (_search.LastLimit, _search.LastQuery));
    }

    [Fact]
    public void SearchPage_NoMatches_ShowsTheEmptyState()
    {
        _search.Results = SearchResults.Empty("zzz");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=zzz");

        var cut = RenderWithProviders<SearchPage>();

        cut.WaitForAssertion(() => Assert.Contains("No contacts or organizations match “zzz”", cut.Find("[data-testid=search-page-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void SearchPage_WithoutAQuery_ExplainsWhatToTypeAndSearchesNothing()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/search");

        var cut = RenderWithProviders<SearchPage>();

        Assert.Contains("Type the start of a name, email, phone number, organization or tag.", cut.Markup, StringComparison.Ordinal);
        Assert.Null(_search.LastQuery);
    }

    private sealed class FakeSearchService : ISearchService
    {
        public SearchResults Results { get; set; } = SearchResults.Empty("");

        public string? LastQuery { get; private set; }

        public int LastLimit { get; private set; }

        public Task<SearchResults> SearchAsync(string? query, int limitPerKind = SearchService.DefaultLimitPerKind, CancellationToken ct = default)
        {
            LastQuery = query;
            LastLimit = limitPerKind;
            return Task.FromResult(Results);
        }
    }
}
