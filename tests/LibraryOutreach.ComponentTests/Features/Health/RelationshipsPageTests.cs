using LibraryOutreach.ComponentTests.Features.Contacts;
using LibraryOutreach.ComponentTests.Features.Organizations;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Health;

public class RelationshipsPageTests : MudBunitTestBase
{
    private readonly FakeRelationshipHealthService _health = new();

    public RelationshipsPageTests()
    {
        Services.AddSingleton<IRelationshipHealthService>(_health);
        Services.AddSingleton<IContactService>(new FakeContactService());
        Services.AddSingleton<IOrganizationService>(new FakeOrganizationService());
        AuthorizeAsAdmin();
    }

    [Fact]
    public void Page_ListsRowsWithFlagsAsText_AndTheirFigures()
    {
        _health.Rows.Add(FakeRelationshipHealthService.Empty(RelationshipKind.Organization, Guid.NewGuid(), "Friends of the Library") with
        {
            Flags = [HealthWarning.LibrarySlowToAnswer, HealthWarning.Neglected],
            PartnerShare = 0.5,
            Responsiveness = 1.0 / 3,
            TouchesInWindow = 7,
            DaysSince = 23,
            Status = CadenceStatus.OnTrack,
            OwnerName = "Ada Admin",
        });
        _health.Rows.Add(FakeRelationshipHealthService.Empty(RelationshipKind.Contact, Guid.NewGuid(), "Moe Szyslak"));

        var cut = RenderWithProviders<RelationshipsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=relationships-table] tbody tr").Count));
        var first = cut.FindAll("[data-testid=relationships-table] tbody tr")[0];
        Assert.Equal("Friends of the Library", first.QuerySelector("[data-testid=relationships-name]")!.TextContent);
        var flags = first.QuerySelector("[data-testid=relationships-flags]")!;
        Assert.Contains("Slow to answer", flags.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neglected", flags.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, flags.QuerySelectorAll("svg[aria-hidden=true]").Length);
        Assert.Contains("50%", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("33%", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("23 days", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("None", cut.FindAll("[data-testid=relationships-table] tbody tr")[1].QuerySelector("[data-testid=relationships-flags]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HealthQuery.MaxPageSize / 4, _health.Queries[^1].PageSize);
        Assert.Equal((HealthFlagFilter.All, HealthSort.Name, false), (_health.Queries[^1].Flag, _health.Queries[^1].Sort, _health.Queries[^1].Descending));
    }

    [Fact]
    public void Page_NothingMatches_ShowsTheEmptyState()
    {
        var cut = RenderWithProviders<RelationshipsPage>();

        cut.WaitForAssertion(() => Assert.Equal("No relationships match these filters.", cut.Find("[data-testid=relationships-empty]").TextContent));
    }
}
