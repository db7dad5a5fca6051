using LibraryOutreach.Web.Features.Events;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Events;

public class EventsPageTests : MudBunitTestBase
{
    private readonly FakeEventListService _events = new();

    public EventsPageTests()
    {
        Services.AddSingleton<IEventListService>(_events);
        AuthorizeAsAdmin();
    }

    [Fact]
    public void ListView_ShowsRowsLinkingToTheEvent_AndLogAMeeting()
    {
        var fair = new EventListRow(Guid.NewGuid(), "County fair", "Community fair or festival", "Main library", "Fairgrounds", new(2026, 3, 3), new(2026, 3, 5), null, null);
        _events.Rows.Add(fair);

        var cut = RenderWithProviders<EventsPage>();

        cut.WaitForAssertion(() => Assert.Equal($"events/{fair.Id}", cut.Find("[data-testid=event-link]").GetAttribute("href")));
        Assert.Contains("Fairgrounds", cut.Find("[data-testid=events-table] tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal("events/new", cut.Find("[data-testid=events-log-meeting]").GetAttribute("href"));
    }

    [Fact]
    public void ListView_NoEvents_ShowsTheEmptyState()
    {
        var cut = RenderWithProviders<EventsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No events yet.", cut.Find("[data-testid=events-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void RememberedMonthViewAndFilters_AreAppliedOnTheNextVisit()
    {
        var typeId = Guid.NewGuid();
        _ = Preferences.SetAsync(EventsPage.PrefsKey, new EventsPage.ListPrefs { View = EventsPage.MonthView, TypeId = typeId.ToString(), StaffUserId = "kim" });
        _events.Rows.Add(new EventListRow(Guid.NewGuid(), "Pop-up library", "Pop-up library", null, null, new(2026, 3, 10), new(2026, 3, 10), null, null));

        var cut = RenderWithProviders<EventsPage>();

        // The clock says 15 March 2026: the month view opens on March, its grid from Sunday 1 March to Saturday 4 April.
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=month-grid]")));
        var (query, first, last) = _events.Ranges[^1];
        Assert.Equal((typeId, "kim"), (query.TypeId!.Value, query.StaffUserId));
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 4)), (first, last));
        Assert.Equal(["Pop-up library"], cut.FindAll("td[data-date='2026-03-10'] [data-testid=month-event]").Select(a => a.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=events-table]"));

        cut.Find("[data-testid=month-next]").Click();

        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 3, 29), _events.Ranges[^1].First));
    }
}

internal sealed class FakeEventListService : IEventListService
{
    public List<EventListRow> Rows { get; } = [];

    public List<EventListQuery> Queries { get; } = [];

    public List<(EventListQuery Query, DateOnly First, DateOnly Last)> Ranges { get; } = [];

    public Task<EventListResults> ListAsync(EventListQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        return Task.FromResult(new EventListResults(Rows.Count, Rows.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList()));
    }

    public Task<IReadOnlyList<EventListRow>> ListRangeAsync(EventListQuery query, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        Ranges.Add((query, first, last));
        return Task.FromResult<IReadOnlyList<EventListRow>>([.. Rows.Where(r => r.StartDate <= last && r.EndDate >= first)]);
    }

    public Task<EventListChoices> GetChoicesAsync(CancellationToken ct = default) => Task.FromResult(new EventListChoices([], [], [], []));

    public Task<IReadOnlyList<EventFilterChoice>> FindOrganizationsAsync(string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<EventFilterChoice>>([]);
}
