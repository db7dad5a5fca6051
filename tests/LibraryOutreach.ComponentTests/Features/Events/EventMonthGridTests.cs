using System.Globalization;
using LibraryOutreach.Web.Features.Events;

namespace LibraryOutreach.ComponentTests.Features.Events;

public class EventMonthGridTests : MudBunitTestBase
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateOnly July = new(2026, 7, 1);
    private static readonly DateOnly Today = new(2026, 7, 14);

    private static EventListRow Event(string title, DateOnly start, DateOnly? end = null, DateTimeOffset? startsAt = null) =>
        new(Guid.NewGuid(), title, "Other", null, null, start, end ?? start, startsAt, null);

    private IRenderedComponent<EventMonthGrid> RenderGrid(IReadOnlyList<EventListRow> events, Action<DateOnly>? monthChanged = null) =>
        Render<EventMonthGrid>(p => p
            .Add(g => g.Month, July)
            .Add(g => g.Today, Today)
            .Add(g => g.Events, events)
            .Add(g => g.CultureOverride, English)
            .Add(g => g.MonthChanged, (DateOnly m) => monthChanged?.Invoke(m)));

    private static string[] TitlesOn(IRenderedComponent<EventMonthGrid> cut, string date) =>
        [.. cut.FindAll($"[data-testid=month-grid] td[data-date='{date}'] [data-testid=month-event]").Select(a => a.TextContent.Trim())];

    [Fact]
    public void Grid_PlacesEventsOnTheirDays_MultiDayOnEachDay()
    {
        var fair = Event("County fair", new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 5));
        var meeting = Event("Council meeting", new DateOnly(2026, 7, 7), startsAt: new DateTimeOffset(2026, 7, 7, 19, 0, 0, TimeSpan.FromHours(-4)));

        var cut = RenderGrid([fair, meeting]);

        Assert.Equal(5, cut.FindAll("[data-testid=month-grid] tbody tr").Count);
        Assert.Equal(35, cut.FindAll("[data-testid=month-day]").Count);
        Assert.Equal("2026-06-28", cut.FindAll("[data-testid=month-day]")[0].GetAttribute("data-date"));
        Assert.Empty(TitlesOn(cut, "2026-07-02"));
        Assert.Equal(["County fair"], TitlesOn(cut, "2026-07-03"));
        Assert.Equal(["continued: County fair"], TitlesOn(cut, "2026-07-04").Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\s+", " ")));
        Assert.Single(TitlesOn(cut, "2026-07-05"));
        Assert.Empty(TitlesOn(cut, "2026-07-06"));
        Assert.Equal(["7:00 PM Council meeting"], TitlesOn(cut, "2026-07-07").Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\s+", " ")));
        Assert.Equal(fair.Url, cut.Find("td[data-date='2026-07-03'] a").GetAttribute("href"));
        Assert.Equal("July 2026", cut.Find("[data-testid=month-title]").TextContent.Trim());
    }

    [Fact]
    public void Grid_MarksToday_AndMakesItTheFocusableDay()
    {
        var cut = RenderGrid([]);

        var today = cut.Find("td[aria-current=date]");
        Assert.Equal("2026-07-14", today.GetAttribute("data-date"));
        Assert.Equal("0", today.GetAttribute("tabindex"));
        Assert.Single(cut.FindAll("td[tabindex='0']"));
        Assert.Contains("today", today.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("event-month-outside", cut.Find("td[data-date='2026-06-28']").ClassList);
    }

    [Fact]
    public void Keys_MoveTheFocusableDay_AndPastTheMonthAskForTheNext()
    {
        var asked = new List<DateOnly>();
        var cut = RenderGrid([], asked.Add);

        cut.Find("td[data-date='2026-07-14']").KeyDown("ArrowRight");
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("td[data-date='2026-07-15']").GetAttribute("tabindex")));
        cut.Find("td[data-date='2026-07-15']").KeyDown("ArrowDown");
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("td[data-date='2026-07-22']").GetAttribute("tabindex")));
        Assert.Empty(asked);

        cut.Find("td[data-date='2026-07-22']").KeyDown("PageDown");

        Assert.Equal([new DateOnly(2026, 8, 1)], asked);
    }

    [Fact]
    public void Buttons_AskForThePreviousAndNextMonth()
    {
        var asked = new List<DateOnly>();
        var cut = RenderGrid([], asked.Add);

        cut.Find("[data-testid=month-prev]").Click();
        cut.Find("[data-testid=month-next]").Click();

        Assert.Equal([new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 1)], asked);
    }

    [Fact]
    public void DayList_ForPhones_ListsOnlyDaysWithEvents()
    {
        var cut = RenderGrid([Event("County fair", new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 4)), Event("June thing", new DateOnly(2026, 6, 29))]);

        var days = cut.FindAll("[data-testid=month-list] section");
        Assert.Equal(["Friday 3 July", "Saturday 4 July"], days.Select(d => d.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Equal(2, cut.FindAll("[data-testid=month-list-event]").Count);
    }

    [Fact]
    public void DayList_EmptyMonth_SaysSo()
    {
        var cut = RenderGrid([]);

        Assert.Equal("No events in July 2026.", cut.Find("[data-testid=month-list-empty]").TextContent.Trim());
    }
}
