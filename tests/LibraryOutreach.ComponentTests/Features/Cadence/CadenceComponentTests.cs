using System.Security.Claims;
using LibraryOutreach.ComponentTests.Features.Contacts;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Cadence;

public class CadenceComponentTests : MudBunitTestBase
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private readonly FakeCadenceService _cadence = new();
    private readonly FakeContactService _contacts = new();

    public CadenceComponentTests()
    {
        Services.AddSingleton<ICadenceService>(_cadence);
        Services.AddSingleton<IContactService>(_contacts);
        Services.AddScoped<CurrentUser>();
        _contacts.Staff.Add(new StaffOption("me", "Sam Staff"));
        _contacts.Staff.Add(new StaffOption("tia", "Tia Staff"));
        AuthorizeAsAdmin("Sam Staff").SetClaims(new Claim(ClaimTypes.NameIdentifier, "me"));
    }

    private static RelationshipCadence Relationship(string name, int? daysAgo, int ideal = 30, int max = 60, RelationshipKind kind = RelationshipKind.Contact)
    {
        var cadence = new CadenceDays(ideal, max, CadenceSource.PartnershipLevel);
        DateOnly? last = daysAgo is { } d ? Today.AddDays(-d) : null;
        return new RelationshipCadence(kind, Guid.NewGuid(), name, "me", "Sam Staff", cadence, last, CadenceRules.DaysSince(last, Today), CadenceRules.Status(last, Today, cadence));
    }

    [Fact]
    public void ReachOutPage_ShowsRelationshipsInUrgencyOrderWithTheirStatus_AndAsksForMineByDefault()
    {
        _cadence.All.AddRange([Relationship("On track", 3), Relationship("Never", null), Relationship("Due", 40), Relationship("Way overdue", 200), Relationship("Just overdue", 61, kind: RelationshipKind.Organization)]);

        var cut = RenderWithProviders<ReachOutPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=reachout-name]").Count));
        Assert.Equal(["Way overdue", "Just overdue", "Due", "Never"], cut.FindAll("[data-testid=reachout-name]").Select(n => n.TextContent.Trim()));
        Assert.Equal(["Overdue", "Overdue", "Due", "NeverTouched"], cut.FindAll("[data-testid=cadence-status]").Select(c => c.GetAttribute("data-status")));
        Assert.Equal(("me", ReachOutFilter.NeedsAttention), (_cadence.Queries[^1].OwnerId, _cadence.Queries[^1].Filter));
        Assert.Contains("organizations/", cut.FindAll("[data-testid=reachout-name]")[1].GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("200 days ago", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ReachOutPage_NobodyNeedsATouch_ShowsTheEmptyState()
    {
        _cadence.All.Add(Relationship("On track", 3));

        var cut = RenderWithProviders<ReachOutPage>();

        cut.WaitForAssertion(() => Assert.Contains("Nobody needs a touch right now.", cut.Find("[data-testid=reachout-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void StayInTouchPanel_ShowsStatusLastTouchAndWhereTheCadenceComesFrom()
    {
        var relationship = Relationship("Edna", 40) with { Cadence = new CadenceDays(20, 40, CadenceSource.OrganizationType) };
        _cadence.Detail = new CadenceDetail(relationship with { Status = CadenceStatus.Due }, null, null, CanEdit: true, Guid.NewGuid());

        var cut = RenderWithProviders<StayInTouchPanel>(new Dictionary<string, object?> { ["ContactId"] = relationship.Id });

        cut.WaitForAssertion(() => Assert.Contains("40 days ago", cut.Find("[data-testid=cadence-last-touch]").TextContent, StringComparison.Ordinal));
        Assert.Contains("every 20 days, at most 40 (from the organization type)", cut.Find("[data-testid=cadence-days]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Due", cut.Find("[data-testid=cadence-status]").GetAttribute("data-status"));
        Assert.NotNull(cut.Find("[data-testid=cadence-change]"));
    }
}
