using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.Extensions.Time.Testing;

namespace LibraryOutreach.UnitTests.Infrastructure.Records;

public class LibraryTimeTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void StartOfDay_ConvertsLocalMidnightToAnInstant()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");

        var start = LibraryTime.StartOfDay(new DateOnly(2025, 1, 10), zone);

        Assert.Equal(new DateTimeOffset(2025, 1, 9, 22, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }

    [Fact]
    public void Today_IsTheLibraryZonesDate_NotUtcs()
    {
        // 02:30 UTC on 4 March is still the evening of 3 March in New York.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 2, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(NewYork);

        Assert.Equal(new DateOnly(2026, 3, 3), LibraryTime.Today(time));
    }

    [Fact]
    public void At_TimeSkippedBySpringForward_MovesForwardAnHour()
    {
        // 8 March 2026, 02:30 does not exist in New York (clocks jump from 02:00 to 03:00).
        var at = LibraryTime.At(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void At_AmbiguousAutumnTime_TakesTheEarlierInstant()
    {
        // 1 November 2026, 01:30 happens twice in New York; the first is daylight time (UTC−4).
        var at = LibraryTime.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void LocalDate_AcrossMidnightInTheZone()
    {
        var instant = new DateTimeOffset(2026, 7, 5, 3, 59, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 7, 4), LibraryTime.LocalDate(instant, NewYork));
        Assert.Equal(new DateOnly(2026, 7, 5), LibraryTime.LocalDate(instant, TimeZoneInfo.Utc));
    }
}
