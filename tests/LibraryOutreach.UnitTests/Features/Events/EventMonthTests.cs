using LibraryOutreach.Web.Features.Events;

namespace LibraryOutreach.UnitTests.Features.Events;

public class EventMonthTests
{
    private static EventListRow Event(string title, DateOnly start, DateOnly? end = null, DateTimeOffset? startsAt = null) =>
        new(Guid.NewGuid(), title, "Farmers-market table", null, null, start, end ?? start, startsAt, null);

    [Fact]
    public void GridStartAndEnd_JulyTwentyTwentySix_CoverWholeWeeksFromSunday()
    {
        // 1 July 2026 is a Wednesday; 31 July a Friday.
        Assert.Equal(new DateOnly(2026, 6, 28), EventMonth.GridStart(2026, 7, DayOfWeek.Sunday));
        Assert.Equal(new DateOnly(2026, 8, 1), EventMonth.GridEnd(2026, 7, DayOfWeek.Sunday));
        Assert.Equal(new DateOnly(2026, 6, 29), EventMonth.GridStart(2026, 7, DayOfWeek.Monday));
        Assert.Equal(new DateOnly(2026, 8, 2), EventMonth.GridEnd(2026, 7, DayOfWeek.Monday));
    }

    [Fact]
    public void Build_February2026StartingSunday_IsExactlyFourWeeks()
    {
        // 1 February 2026 is a Sunday and the month has 28 days.
        var weeks = EventMonth.Build(2026, 2, [], DayOfWeek.Sunday);

        Assert.Equal(4, weeks.Count);
        Assert.All(weeks.SelectMany(w => w.Days), d => Assert.True(d.InMonth));
    }

    [Fact]
    public void Build_MultiDayEvent_IsOnEachOfItsDays_WithContinuationMarks()
    {
        var fair = Event("County fair", new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 5));

        var days = EventMonth.Build(2026, 7, [fair], DayOfWeek.Sunday).SelectMany(w => w.Days).ToDictionary(d => d.Date);

        Assert.Empty(days[new DateOnly(2026, 7, 2)].Entries);
        var first = Assert.Single(days[new DateOnly(2026, 7, 3)].Entries);
        var middle = Assert.Single(days[new DateOnly(2026, 7, 4)].Entries);
        var last = Assert.Single(days[new DateOnly(2026, 7, 5)].Entries);
        Assert.Empty(days[new DateOnly(2026, 7, 6)].Entries);
        Assert.Equal((false, true), (first.ContinuesFromBefore, first.ContinuesAfter));
        Assert.Equal((true, true), (middle.ContinuesFromBefore, middle.ContinuesAfter));
        Assert.Equal((true, false), (last.ContinuesFromBefore, last.ContinuesAfter));
    }

    [Fact]
    public void Build_EventStartingInThePreviousMonth_ShowsOnTheGridsDaysOnly()
    {
        var camp = Event("Reading camp", new DateOnly(2026, 6, 20), new DateOnly(2026, 7, 2));

        var weeks = EventMonth.Build(2026, 7, [camp], DayOfWeek.Sunday);
        var withCamp = weeks.SelectMany(w => w.Days).Where(d => d.Entries.Count > 0).Select(d => d.Date).ToList();

        // The grid starts on Sunday 28 June.
        Assert.Equal(new DateOnly(2026, 6, 28), withCamp[0]);
        Assert.Equal(new DateOnly(2026, 7, 2), withCamp[^1]);
        Assert.True(weeks[0].Days[0].Entries[0].ContinuesFromBefore);
        Assert.False(weeks[0].Days[0].InMonth);
    }

    [Fact]
    public void Build_OneDay_AllDayFirstThenTimedByStartTime()
    {
        var day = new DateOnly(2026, 7, 7);
        var offset = TimeSpan.FromHours(-4);
        var evening = Event("Council meeting", day, startsAt: new DateTimeOffset(2026, 7, 7, 19, 0, 0, offset));
        var morning = Event("School visit", day, startsAt: new DateTimeOffset(2026, 7, 7, 9, 30, 0, offset));
        var allDay = Event("Pop-up library", day);

        var entries = EventMonth.Build(2026, 7, [evening, morning, allDay], DayOfWeek.Sunday)
            .SelectMany(w => w.Days).Single(d => d.Date == day).Entries;

        Assert.Equal(["Pop-up library", "School visit", "Council meeting"], entries.Select(e => e.Event.Title));
    }

    [Theory]
    [InlineData("ArrowRight", 2026, 7, 15)]
    [InlineData("ArrowLeft", 2026, 7, 13)]
    [InlineData("ArrowDown", 2026, 7, 21)]
    [InlineData("ArrowUp", 2026, 7, 7)]
    [InlineData("Home", 2026, 7, 12)]
    [InlineData("End", 2026, 7, 18)]
    [InlineData("PageDown", 2026, 8, 14)]
    [InlineData("PageUp", 2026, 6, 14)]
    public void Move_Keys_GoToTheExpectedDay(string key, int year, int month, int day)
    {
        // Tuesday 14 July 2026, weeks from Sunday.
        Assert.Equal(new DateOnly(year, month, day), EventMonth.Move(new DateOnly(2026, 7, 14), key, DayOfWeek.Sunday));
    }

    [Fact]
    public void Move_OtherKey_IsNull() => Assert.Null(EventMonth.Move(new DateOnly(2026, 7, 14), "a", DayOfWeek.Sunday));
}
