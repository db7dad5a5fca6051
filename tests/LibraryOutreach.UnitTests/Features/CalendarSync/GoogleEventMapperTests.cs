using LibraryOutreach.Web.Features.CalendarSync;
using LibraryOutreach.Web.Features.CalendarSync.Google;

namespace LibraryOutreach.UnitTests.Features.CalendarSync;

public class GoogleEventMapperTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void Map_CancelledItemWithOnlyAnId_IsACancellation()
    {
        var (item, problem) = GoogleEventMapper.Map(new GoogleEvent { Id = "x", Status = "cancelled" }, NewYork);

        Assert.Null(problem);
        Assert.Equal(CalendarItemKind.Cancelled, item!.Kind);
        Assert.Equal("x", item.EventId);
    }

    [Fact]
    public void Map_CancelledOccurrence_NamesItsSeries()
    {
        var (item, _) = GoogleEventMapper.Map(
            new GoogleEvent { Id = "abc_20260310T230000Z", Status = "cancelled", RecurringEventId = "abc", OriginalStartTime = new GoogleEventDateTime { DateTime = "2026-03-10T19:00:00-04:00" } },
            NewYork);

        Assert.Equal(CalendarItemKind.Cancelled, item!.Kind);
        Assert.Equal("abc", item.SeriesId);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("confidential")]
    public void Map_PrivateEvent_KeepsNothingButItsId(string visibility)
    {
        var (item, _) = GoogleEventMapper.Map(Timed("p1", "Doctor's appointment"), NewYork);
        var (withheld, _) = GoogleEventMapper.Map(WithVisibility(Timed("p1", "Doctor's appointment"), visibility), NewYork);

        Assert.Equal(CalendarItemKind.Event, item!.Kind);
        Assert.Equal(CalendarItemKind.Withheld, withheld!.Kind);
        Assert.Null(withheld.Title);
        Assert.Null(withheld.Description);
        Assert.Null(withheld.StartsAt);
        Assert.Empty(withheld.Attendees);
    }

    [Fact]
    public void Map_InvitationTheStaffMemberDeclined_IsDropped()
    {
        var source = Timed("d1", "Chamber breakfast");
        source.Attendees = [new GoogleAttendee { Email = "me@library.org", Self = true, ResponseStatus = "declined" }];

        var (item, _) = GoogleEventMapper.Map(source, NewYork);

        Assert.Equal(CalendarItemKind.Declined, item!.Kind);
    }

    [Fact]
    public void Map_InvitationTheStaffMemberHasNotAnswered_IsIncluded()
    {
        var source = Timed("i1", "School board");
        source.Attendees =
        [
            new GoogleAttendee { Email = "me@library.org", Self = true, ResponseStatus = "needsAction" },
            new GoogleAttendee { Email = "chair@schools.k12.us", ResponseStatus = "accepted" },
            new GoogleAttendee { Email = "room-12@library.org", Resource = true, ResponseStatus = "accepted" },
        ];

        var (item, _) = GoogleEventMapper.Map(source, NewYork);

        Assert.Equal(CalendarItemKind.Event, item!.Kind);
        Assert.Equal(["me@library.org", "chair@schools.k12.us"], item.Attendees.Select(a => a.Email));
        Assert.Null(item.Attendees[1].Name);
    }

    [Fact]
    public void Map_AllDayEvent_EndDateBecomesInclusive_AndDoesNotShiftInAnyZone()
    {
        var source = new GoogleEvent
        {
            Id = "fair",
            Summary = "Farmers market",
            Start = new GoogleEventDateTime { Date = "2026-07-04" },
            End = new GoogleEventDateTime { Date = "2026-07-05" },
        };

        foreach (var zone in new[] { NewYork, Tokyo, TimeZoneInfo.Utc })
        {
            var (item, _) = GoogleEventMapper.Map(source, zone);
            Assert.True(item!.IsAllDay);
            Assert.Equal(new DateOnly(2026, 7, 4), item.StartDate);
            Assert.Equal(new DateOnly(2026, 7, 4), item.EndDate);
        }
    }

    [Fact]
    public void Map_TimedEvent_KeepsTheInstant_AndDatesAreTheLibrarysDays()
    {
        // 21:30 in New York on 3 March is 02:30 UTC on 4 March.
        var (item, _) = GoogleEventMapper.Map(
            new GoogleEvent
            {
                Id = "council",
                Summary = "Town council",
                Start = new GoogleEventDateTime { DateTime = "2026-03-03T21:30:00-05:00", TimeZone = "America/New_York" },
                End = new GoogleEventDateTime { DateTime = "2026-03-04T00:00:00-05:00" },
            },
            NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 2, 30, 0, TimeSpan.Zero), item!.StartsAt);
        Assert.Equal(new DateOnly(2026, 3, 3), item.StartDate);
        Assert.Equal(new DateOnly(2026, 3, 3), item.EndDate);
    }

    [Fact]
    public void Map_WeeklyInstancesAcrossFallBack_KeepTheirWallClockTime()
    {
        // Google expands the series (singleEvents=true): the instances carry their own offsets, -04:00 then -05:00.
        var before = GoogleEventMapper.Map(new GoogleEvent
        {
            Id = "story_20261027T230000Z", RecurringEventId = "story", Summary = "Story time",
            Start = new GoogleEventDateTime { DateTime = "2026-10-27T19:00:00-04:00", TimeZone = "America/New_York" },
            End = new GoogleEventDateTime { DateTime = "2026-10-27T20:00:00-04:00", TimeZone = "America/New_York" },
        }, NewYork).Item!;
        var after = GoogleEventMapper.Map(new GoogleEvent
        {
            Id = "story_20261104T000000Z", RecurringEventId = "story", Summary = "Story time",
            Start = new GoogleEventDateTime { DateTime = "2026-11-03T19:00:00-05:00", TimeZone = "America/New_York" },
            End = new GoogleEventDateTime { DateTime = "2026-11-03T20:00:00-05:00", TimeZone = "America/New_York" },
        }, NewYork).Item!;

        Assert.Equal(new DateTimeOffset(2026, 10, 27, 23, 0, 0, TimeSpan.Zero), before.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero), after.StartsAt);
        Assert.Equal(TimeZoneInfo.ConvertTime(before.StartsAt!.Value, NewYork).TimeOfDay, TimeZoneInfo.ConvertTime(after.StartsAt!.Value, NewYork).TimeOfDay);
        Assert.Equal((new DateOnly(2026, 10, 27), new DateOnly(2026, 11, 3)), (before.StartDate, after.StartDate));
        Assert.Equal(("story", "story"), (before.SeriesId, after.SeriesId));
    }

    [Fact]
    public void Map_HtmlDescriptionAndNoLocation_BecomePlainTextAndNull()
    {
        var source = Timed("h1", "  Pop-up   library ");
        source.Description = "<p>Bring <b>cards</b> &amp; flyers</p><p>Table 4<br>by the gazebo</p><script>alert(1)</script>";

        var (item, _) = GoogleEventMapper.Map(source, NewYork);

        Assert.Equal("Pop-up library", item!.Title);
        Assert.Equal("Bring cards & flyers\nTable 4\nby the gazebo", item.Description);
        Assert.Null(item.Location);
    }

    [Theory]
    [InlineData(null, "no start")]
    [InlineData("next tuesday", "not a date and time")]
    public void Map_BrokenStart_IsAProblemNamingTheEvent(string? start, string message)
    {
        var (item, problem) = GoogleEventMapper.Map(
            new GoogleEvent { Id = "b1", Summary = "Book club", Start = new GoogleEventDateTime { DateTime = start } },
            NewYork);

        Assert.Null(item);
        Assert.Equal("b1", problem!.EventId);
        Assert.Contains("Book club", problem.Message, StringComparison.Ordinal);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_EndBeforeStart_IsAProblem()
    {
        var source = Timed("e1", "Backwards");
        source.End = new GoogleEventDateTime { DateTime = "2026-03-03T17:00:00-05:00" };

        var (item, problem) = GoogleEventMapper.Map(source, NewYork);

        Assert.Null(item);
        Assert.Contains("ends before it starts", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_ChangesWithTheTitle_NotWithTheLink()
    {
        var (item, _) = GoogleEventMapper.Map(Timed("f1", "Library board"), NewYork);

        Assert.Equal(item!.Fingerprint(), (item with { Link = "https://calendar.example/other" }).Fingerprint());
        Assert.NotEqual(item.Fingerprint(), (item with { Title = "Library board (moved)" }).Fingerprint());
    }

    private static GoogleEvent Timed(string id, string summary) => new()
    {
        Id = id,
        Summary = summary,
        Status = "confirmed",
        Start = new GoogleEventDateTime { DateTime = "2026-03-03T18:00:00-05:00" },
        End = new GoogleEventDateTime { DateTime = "2026-03-03T19:30:00-05:00" },
        HtmlLink = "https://calendar.example/e/" + id,
    };

    private static GoogleEvent WithVisibility(GoogleEvent source, string visibility)
    {
        source.Visibility = visibility;
        source.Description = "Private notes";
        source.Attendees = [new GoogleAttendee { Email = "someone@example.org" }];
        return source;
    }
}
