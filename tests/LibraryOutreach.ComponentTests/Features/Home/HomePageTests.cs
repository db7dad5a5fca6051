using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Home;
using LibraryOutreach.Web.Features.Reports;
using LibraryOutreach.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.ComponentTests.Features.Home;

public class HomePageTests : MudBunitTestBase
{
    private sealed class FakeDashboardService(Dashboard dashboard) : IDashboardService
    {
        public Task<Dashboard> GetAsync(CancellationToken ct = default) => Task.FromResult(dashboard);
    }

    private static Dashboard Empty(bool everyone = false) => new(
        new DateOnly(2026, 3, 15),
        [],
        new EventListResults(0, []),
        new ReachOutResults(0, []),
        new HealthResults(0, []),
        everyone,
        Enumerable.Range(0, 12).Select(m => new MonthFigures(2025 + ((3 + m) / 12), ((3 + m) % 12) + 1, 0, default, 0, 0)).ToList(),
        new InitiatorFigures(0, 0, 0),
        []);

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderHome(Dashboard dashboard)
    {
        AuthorizeAsAdmin();
        Services.AddSingleton<IDashboardService>(new FakeDashboardService(dashboard));
        Services.AddSingleton(Options.Create(new LibraryOptions { Name = "Springfield Public Library" }));
        return RenderWithProviders<HomePage>();
    }

    [Fact]
    public void Dashboard_WithNothingYet_ShowsAnEmptyStateInEveryCard()
    {
        var page = RenderHome(Empty());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=dashboard-followups-empty]")));
        Assert.Contains("Nothing due", page.Find("[data-testid=dashboard-followups-empty]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=dashboard-upcoming-empty]"));
        Assert.Contains("All the relationships you own are on track", page.Find("[data-testid=dashboard-attention-empty]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=dashboard-warnings-empty]"));
        Assert.Equal(3, page.FindAll("[data-testid=dashboard-chart-empty]").Count);
        Assert.Empty(page.FindAll(".mud-chart"));
        Assert.Contains("same as last month (0)", page.Find("[data-testid=dashboard-figure-events]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_WithFigures_SaysTheChangeInWords_AndGivesEachChartATable()
    {
        var months = Empty().Months.ToList();
        months[^2] = months[^2] with { Events = 5, Attendance = new ReportCount(80, 5, 0), Touches = 10 };
        months[^1] = months[^1] with { Events = 7, Attendance = new ReportCount(60, 4, 3), Touches = 10, NewContacts = 2 };
        var dashboard = Empty(everyone: true) with
        {
            Months = months,
            Initiators = new InitiatorFigures(6, 3, 1),
            ReachByType = [new TypeReach("School", 4), new TypeReach("Nonprofit", 2)],
            Attention = new ReachOutResults(1, [new RelationshipCadence(RelationshipKind.Contact, Guid.NewGuid(), "Edna Krabappel", null, "Sam Staff", new CadenceDays(30, 60, CadenceSource.PartnershipLevel), new DateOnly(2026, 1, 1), 73, CadenceStatus.Overdue)]),
        };

        var page = RenderHome(dashboard);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=dashboard-figure-events]")));
        Assert.Contains("up 2 from 5 last month", page.Find("[data-testid=dashboard-figure-events]").TextContent, StringComparison.Ordinal);
        Assert.Contains("down 20 from 80 last month", page.Find("[data-testid=dashboard-figure-attendance]").TextContent, StringComparison.Ordinal);
        Assert.Contains("3 events this month did not record it", page.Find("[data-testid=dashboard-figure-attendance]").TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.FindAll("[data-testid=dashboard-months-table] tbody tr").Count);
        Assert.Contains("60%", page.Find("[data-testid=dashboard-initiators-table]").TextContent, StringComparison.Ordinal);
        Assert.Contains("School", page.Find("[data-testid=dashboard-reach-table]").TextContent, StringComparison.Ordinal);
        Assert.All(page.FindAll("[role=img]"), chart => Assert.False(string.IsNullOrWhiteSpace(chart.GetAttribute("aria-label"))));
        Assert.Contains("Edna Krabappel", page.Find("[data-testid=dashboard-relationship]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Staff", page.Find("[data-testid=dashboard-relationship]").TextContent, StringComparison.Ordinal);
    }
}
