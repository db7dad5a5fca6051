using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Health;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Health;

public class RelationshipHealthCardTests : MudBunitTestBase
{
    private static readonly Guid Edna = Guid.NewGuid();
    private readonly FakeRelationshipHealthService _health = new();

    public RelationshipHealthCardTests()
    {
        Services.AddSingleton<IRelationshipHealthService>(_health);
    }

    private static RelationshipHealth Busy() => FakeRelationshipHealthService.Empty(RelationshipKind.Contact, Edna) with
    {
        TouchesInWindow = 9,
        LibraryTouches = 1,
        PartnerTouches = 6,
        MutualTouches = 1,
        EventTouches = 1,
        LibraryShare = 0.125,
        PartnerShare = 0.75,
        MutualShare = 0.125,
        LastTouch = FakeRelationshipHealthService.Today.AddDays(-200),
        DaysSince = 200,
        Status = CadenceStatus.Overdue,
        PartnerTouchesJudged = 6,
        PartnerTouchesAnswered = 1,
        Responsiveness = 1.0 / 6,
        Quarters = [.. HealthCalculator.Quarters([], FakeRelationshipHealthService.Today, 12).Select((q, k) => q with { Partner = k + 1, Library = k == 0 ? 1 : 0 })],
        Trend = HealthTrend.Rising,
        Flags = [HealthWarning.LibrarySlowToAnswer, HealthWarning.Neglected],
    };

    private IRenderedComponent<RelationshipHealthCard> RenderCard() =>
        Render<RelationshipHealthCard>(p => p.Add(c => c.Kind, RelationshipKind.Contact).Add(c => c.Id, Edna));

    [Fact]
    public void Card_WithFlags_ShowsEachAsIconAndText_WithTheFigures()
    {
        _health.Health[(RelationshipKind.Contact, Edna)] = Busy();

        var card = RenderCard();

        var flags = card.FindAll("[data-testid=health-flag]");
        Assert.Equal(["One-sided: the partner reaches out and the library is slow to answer", "Neglected"], flags.Select(f => f.TextContent.Trim()));
        // Not colour alone: every flag has its (decorative) icon next to its words.
        Assert.All(flags, f => Assert.NotNull(f.QuerySelector("svg[aria-hidden=true]")));
        Assert.Empty(card.FindAll("[data-testid=health-no-flags]"));
        Assert.Contains("Partner 75%, library 13%, mutual 13% of 8 interactions.", card.Find("[data-testid=health-shares]").TextContent);
        Assert.Contains("answered 1 of 6 partner-initiated touches within 7 days (17%)", card.Find("[data-testid=health-responsiveness]").TextContent);
        Assert.Contains("Last touch 27 Aug 2025 (200 days ago)", card.Find("[data-testid=health-last-touch]").TextContent);
        Assert.Equal("Overdue", card.Find("[data-testid=cadence-status]").TextContent.Trim());
        Assert.Contains("9 touches", card.Find("[data-testid=health-touches]").TextContent);
        Assert.Contains("trend rising", card.Find("[data-testid=health-touches]").TextContent);
    }

    [Fact]
    public void Card_Chart_HasATableAlternative_WithEveryPeriodAndASummary()
    {
        _health.Health[(RelationshipKind.Contact, Edna)] = Busy();

        var card = RenderCard();

        var table = card.Find("[data-testid=health-chart-table]");
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(4, rows.Length);
        Assert.Equal("16 Mar 2025 – 15 Jun 2025", rows[0].QuerySelector("th")!.TextContent);
        Assert.Equal(["1", "1", "0", "0"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["4", "0", "0", "0"], rows[3].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("16 Dec 2025 – 15 Mar 2026: 4", table.QuerySelector("caption")!.TextContent);
        Assert.Contains("Trend: rising", table.QuerySelector("caption")!.TextContent);
        // The drawing itself is hidden from screen readers, which read the table instead.
        Assert.Equal("true", card.Find("[data-testid=health-chart] > div").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void Card_NoTouches_SaysSo_WithoutAChart()
    {
        var card = RenderCard();

        Assert.Contains("No touches in the last 12 months yet", card.Find("[data-testid=health-empty]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=health-chart]"));
        Assert.Equal("No warning signs", card.Find("[data-testid=health-no-flags]").TextContent.Trim());
        Assert.Contains("No interactions with a known starter", card.Find("[data-testid=health-shares]").TextContent);
        Assert.Contains("No partner-initiated touch to answer yet", card.Find("[data-testid=health-responsiveness]").TextContent);
        Assert.Contains("No touch yet", card.Find("[data-testid=health-last-touch]").TextContent);
    }

    [Fact]
    public void Card_RecordGone_ShowsTheMessage()
    {
        _health.Missing = true;

        var card = RenderCard();

        Assert.Equal("That contact no longer exists.", card.Find("[data-testid=health-error]").TextContent.Trim());
    }
}
