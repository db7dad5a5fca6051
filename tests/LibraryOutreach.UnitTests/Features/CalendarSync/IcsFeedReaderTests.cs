using LibraryOutreach.Web.Features.CalendarSync;
using LibraryOutreach.Web.Features.CalendarSync.Ics;

namespace LibraryOutreach.UnitTests.Features.CalendarSync;

public class IcsFeedReaderTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset WindowStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_WeeklySeriesAcrossSpringForward_KeepsItsWallClockTime()
    {
        // Tuesdays at 19:00 New York time: 00:00 UTC before 8 March 2026, 23:00 UTC after.
        var snapshot = Read(Event("council", "Town council", "DTSTART;TZID=America/New_York:20260224T190000", "DTEND;TZID=America/New_York:20260224T203000", "RRULE:FREQ=WEEKLY;COUNT=3"));

        Assert.Equal(
            [new DateTimeOffset(2026, 2, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero)],
            snapshot.Items.Select(i => i.StartsAt!.Value));
        Assert.All(snapshot.Items, i => Assert.Equal(TimeSpan.FromMinutes(90), i.EndsAt - i.StartsAt));
        Assert.Equal([new DateOnly(2026, 2, 24), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 10)], snapshot.Items.Select(i => i.StartDate));
        Assert.Equal("council_20260311T000000Z".Length, snapshot.Items[0].EventId.Length);
        Assert.All(snapshot.Items, i => Assert.Equal("council", i.SeriesId));
        Assert.Equal(3, snapshot.Items.Select(i => i.EventId).Distinct().Count());
    }

    [Fact]
    public void Read_AllDayEvent_ExclusiveEndDoesNotShiftADay()
    {
        var snapshot = Read(Event("fair", "Farmers market", "DTSTART;VALUE=DATE:20260704", "DTEND;VALUE=DATE:20260705"));

        var item = Assert.Single(snapshot.Items);
        Assert.True(item.IsAllDay);
        Assert.Equal(new DateOnly(2026, 7, 4), item.StartDate);
        Assert.Equal(new DateOnly(2026, 7, 4), item.EndDate);
        Assert.Equal("fair", item.EventId);
    }

    [Fact]
    public void Read_ExceptionReplacesItsOccurrence_AndExdateRemovesOne()
    {
        var snapshot = Read(
            Event("club", "Book club", "DTSTART;TZID=America/New_York:20260105T180000", "DTEND;TZID=America/New_York:20260105T190000", "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=America/New_York:20260119T180000"),
            Event("club", "Book club (moved to the annex)", "RECURRENCE-ID;TZID=America/New_York:20260112T180000", "DTSTART;TZID=America/New_York:20260113T180000", "DTEND;TZID=America/New_York:20260113T190000"));

        Assert.Equal(
            [new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 26)],
            snapshot.Items.Select(i => i.StartDate));
        var moved = snapshot.Items[1];
        Assert.Equal("Book club (moved to the annex)", moved.Title);
        Assert.Equal("club_20260112T230000Z", moved.EventId);
    }

    [Fact]
    public void Read_PrivateCancelledAndDeclined_AreLeftOut()
    {
        var snapshot = Read(
            Event("a", "Dentist", "DTSTART:20260301T150000Z", "CLASS:PRIVATE"),
            Event("b", "Cancelled fair", "DTSTART:20260302T150000Z", "STATUS:CANCELLED"),
            Event("c", "Chamber lunch", "DTSTART:20260303T150000Z", "ATTENDEE;PARTSTAT=DECLINED:mailto:me@library.org"),
            Event("d", "Rotary", "DTSTART:20260304T150000Z", "ATTENDEE;CN=Pat Lee;PARTSTAT=ACCEPTED:mailto:pat@rotary.org"));

        var item = Assert.Single(snapshot.Items);
        Assert.Equal("Rotary", item.Title);
        var attendee = Assert.Single(item.Attendees);
        Assert.Equal(("pat@rotary.org", "Pat Lee", CalendarResponse.Accepted), (attendee.Email, attendee.Name, attendee.Response));
    }

    [Fact]
    public void Read_OnlyTheWindow()
    {
        var snapshot = Read(
            Event("old", "Long ago", "DTSTART:20240301T150000Z"),
            Event("soon", "Soon", "DTSTART:20260301T150000Z"),
            Event("later", "Far ahead", "DTSTART:20280301T150000Z"));

        Assert.Equal(["Soon"], snapshot.Items.Select(i => i.Title));
    }

    [Fact]
    public void Read_NotACalendar_ThrowsAPlainMessage()
    {
        var error = Assert.Throws<IcsFeedException>(() => IcsFeedReader.Read("<html><body>Sign in</body></html>", WindowStart, WindowEnd, NewYork, null));

        Assert.Contains("iCal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EventWithoutUid_GetsTheSameIdOnEveryRead()
    {
        var first = Calendar("BEGIN:VEVENT\r\nSUMMARY:Nameless\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260301T150000Z\r\nEND:VEVENT\r\n");
        var second = first.Replace("DTSTAMP:20260101T000000Z", "DTSTAMP:20260202T000000Z", StringComparison.Ordinal);

        var a = Assert.Single(IcsFeedReader.Read(first, WindowStart, WindowEnd, NewYork, null).Items);
        var b = Assert.Single(IcsFeedReader.Read(second, WindowStart, WindowEnd, NewYork, null).Items);

        Assert.StartsWith("nouid-", a.EventId, StringComparison.Ordinal);
        Assert.Equal(a.EventId, b.EventId);
    }

    [Fact]
    public void Read_UnreadableRule_IsAProblemNamingTheEvent_OthersStillRead()
    {
        var snapshot = Read(
            Event("bad", "Broken series", "DTSTART:20260301T150000Z", "RRULE:FREQ=WEEKLY;COUNT=2;UNTIL=20260401T000000Z"),
            Event("ok", "Fine", "DTSTART:20260302T150000Z"));

        Assert.Equal(["Fine"], snapshot.Items.Select(i => i.Title));
        Assert.Contains("Broken series", Assert.Single(snapshot.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OutlookFeedWithAWindowsTimeZoneAndItsVTimezone_ReadsTheWallClockTime()
    {
        // Outlook publishes TZID "Eastern Standard Time" with its own VTIMEZONE block.
        const string timezone = "BEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"
            + "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"
            + "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nMETHOD:PUBLISH\r\n" + timezone
            + Event("040000008200E00074C5B7101A82E008", "Library board", "DTSTART;TZID=Eastern Standard Time:20260715T183000", "DTEND;TZID=Eastern Standard Time:20260715T200000", "CLASS:PUBLIC")
            + "END:VCALENDAR\r\n";

        var item = Assert.Single(IcsFeedReader.Read(text, WindowStart, WindowEnd, NewYork, null).Items);

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 22, 30, 0, TimeSpan.Zero), item.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 16, 0, 0, 0, TimeSpan.Zero), item.EndsAt);
        Assert.Equal(new DateOnly(2026, 7, 15), item.StartDate);
    }

    [Fact]
    public void Read_AppleFeedWithUtcTimesAndAnAllDayRange_ReadsBoth()
    {
        // Apple (iCloud) publishes X-WR-TIMEZONE, UTC times, and multi-day all-day events.
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS 15.0//EN\r\nX-WR-TIMEZONE:America/New_York\r\nCALSCALE:GREGORIAN\r\n"
            + Event("A1B2-C3", "Summer reading kickoff", "DTSTART:20260610T220000Z", "DTEND:20260610T233000Z")
            + Event("D4E5-F6", "County fair", "DTSTART;VALUE=DATE:20260801", "DTEND;VALUE=DATE:20260804")
            + "END:VCALENDAR\r\n";

        var items = IcsFeedReader.Read(text, WindowStart, WindowEnd, NewYork, null).Items.OrderBy(i => i.StartDate).ToList();

        Assert.Equal(new DateTimeOffset(2026, 6, 10, 22, 0, 0, TimeSpan.Zero), items[0].StartsAt);
        Assert.Equal(new DateOnly(2026, 6, 10), items[0].StartDate);
        Assert.True(items[1].IsAllDay);
        Assert.Equal((new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 3)), (items[1].StartDate, items[1].EndDate));
    }

    private static IcsSnapshot Read(params string[] events) =>
        IcsFeedReader.Read(Calendar(string.Concat(events)), WindowStart, WindowEnd, NewYork, "me@library.org");

    private static string Event(string uid, string summary, params string[] lines) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\n{string.Concat(lines.Select(l => l + "\r\n"))}END:VEVENT\r\n";

    private static string Calendar(string body) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + body + "END:VCALENDAR\r\n";
}
