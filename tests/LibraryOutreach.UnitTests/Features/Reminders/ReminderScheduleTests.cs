using LibraryOutreach.Web.Features.Reminders;

namespace LibraryOutreach.UnitTests.Features.Reminders;

public class ReminderScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Honolulu = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");

    [Fact]
    public void DueDay_BeforeTheHourNothing_FromTheHourTheLibrarysLocalDay()
    {
        // 11:59 and 12:00 UTC on 15 March are 07:59 and 08:00 in New York (daylight time).
        Assert.Null(ReminderSchedule.DueDay(new DateTimeOffset(2026, 3, 15, 11, 59, 0, TimeSpan.Zero), NewYork, 8));
        Assert.Equal(new DateOnly(2026, 3, 15), ReminderSchedule.DueDay(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero), NewYork, 8));
    }

    [Fact]
    public void DueDay_UsesTheLibrarysCalendarNotUtc()
    {
        // 02:00 UTC on 16 March is still the evening of 15 March in New York and 16:00 on the 15th in Honolulu.
        var instant = new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 15), ReminderSchedule.DueDay(instant, NewYork, 7));
        Assert.Equal(new DateOnly(2026, 3, 15), ReminderSchedule.DueDay(instant, Honolulu, 7));
        Assert.Null(ReminderSchedule.DueDay(instant, Honolulu, 17));
    }

    [Fact]
    public void DueDay_OnTheSpringForwardDay_TheHourIsLocalWallClockTime()
    {
        // 8 March 2026: New York jumps from 02:00 EST to 03:00 EDT. 07:00 EDT is 11:00 UTC (not 12:00 as the day before).
        Assert.Null(ReminderSchedule.DueDay(new DateTimeOffset(2026, 3, 8, 10, 59, 0, TimeSpan.Zero), NewYork, 7));
        Assert.Equal(new DateOnly(2026, 3, 8), ReminderSchedule.DueDay(new DateTimeOffset(2026, 3, 8, 11, 0, 0, TimeSpan.Zero), NewYork, 7));
        Assert.Null(ReminderSchedule.DueDay(new DateTimeOffset(2026, 3, 7, 11, 30, 0, TimeSpan.Zero), NewYork, 7));
    }
}
