using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.Extensions.Time.Testing;

namespace LibraryOutreach.UnitTests.Features.Interactions;

public class InteractionValidationTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // 14 July 2026, 16:00 UTC = 12:00 in New York (EDT, UTC−4).
    private static FakeTimeProvider Clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 14, 16, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(NewYork);
        return time;
    }

    private static InteractionInput Valid() => new()
    {
        ContactId = Guid.NewGuid(),
        Channel = ContactChannel.Phone,
        InitiatedBy = InitiatedBy.Partner,
        Summary = "  Asked about the summer reading table  ",
    };

    [Fact]
    public void Check_ValidTouchWithoutDate_IsNowAndTrimmed()
    {
        var time = Clock();

        var valid = InteractionValidation.Check(Valid(), time);

        Assert.Equal(time.GetUtcNow(), valid.OccurredAt);
        Assert.Equal("Asked about the summer reading table", valid.Summary);
        Assert.Equal(InitiatedBy.Partner, valid.InitiatedBy);
        Assert.Null(valid.Notes);
    }

    [Fact]
    public void Check_EmptyForm_ReportsEveryRequiredFieldIncludingInitiatedBy()
    {
        var error = Assert.Throws<RecordValidationException>(() => InteractionValidation.Check(new InteractionInput(), Clock()));

        Assert.Equal(InteractionValidation.PartyRequired, error.Errors[InteractionValidation.PartyKey]);
        Assert.Equal(InteractionValidation.ChannelRequired, error.Errors[nameof(InteractionInput.Channel)]);
        Assert.Equal(InteractionValidation.InitiatedByRequired, error.Errors[nameof(InteractionInput.InitiatedBy)]);
        Assert.Equal(InteractionValidation.SummaryRequired, error.Errors[nameof(InteractionInput.Summary)]);
        Assert.Equal(4, error.Errors.Count);
    }

    [Fact]
    public void Check_InitiatedByMissing_HasNoDefault()
    {
        var input = Valid();
        input.InitiatedBy = null;

        var error = Assert.Throws<RecordValidationException>(() => InteractionValidation.Check(input, Clock()));

        Assert.Equal(InteractionValidation.InitiatedByRequired, Assert.Single(error.Errors).Value);
    }

    [Fact]
    public void Check_OrganizationOnly_IsEnough()
    {
        var input = Valid();
        input.ContactId = null;
        input.OrganizationId = Guid.NewGuid();

        Assert.Equal(input.OrganizationId, InteractionValidation.Check(input, Clock()).OrganizationId);
    }

    [Fact]
    public void Check_SummaryAndNotesTooLong_SayTheLimits()
    {
        var input = Valid();
        input.Summary = new string('s', FieldLimits.Summary + 1);
        input.Notes = new string('n', FieldLimits.Notes + 1);

        var error = Assert.Throws<RecordValidationException>(() => InteractionValidation.Check(input, Clock()));

        Assert.Equal("The summary can be at most 500 characters.", error.Errors[nameof(InteractionInput.Summary)]);
        Assert.Equal("Notes can be at most 8000 characters.", error.Errors[nameof(InteractionInput.Notes)]);
    }

    [Fact]
    public void Check_UnknownEnumValues_AreRefused()
    {
        var input = Valid();
        input.Channel = (ContactChannel)42;
        input.InitiatedBy = (InitiatedBy)42;

        var error = Assert.Throws<RecordValidationException>(() => InteractionValidation.Check(input, Clock()));

        Assert.True(error.Errors.ContainsKey(nameof(InteractionInput.Channel)));
        Assert.True(error.Errors.ContainsKey(nameof(InteractionInput.InitiatedBy)));
    }

    [Theory]
    [InlineData(15, 11, 59, true)] // tomorrow, 23h59 ahead: allowed
    [InlineData(15, 12, 1, false)] // a day and a minute ahead: refused
    [InlineData(20, 9, 0, false)]
    public void Check_FutureDates_AllowAtMostOneDay(int day, int hour, int minute, bool allowed)
    {
        var input = Valid();
        input.Date = new DateTime(2026, 7, day);
        input.Time = new TimeSpan(hour, minute, 0);

        if (allowed)
        {
            InteractionValidation.Check(input, Clock());
        }
        else
        {
            var error = Assert.Throws<RecordValidationException>(() => InteractionValidation.Check(input, Clock()));
            Assert.Equal(InteractionValidation.TooFarAhead, error.Errors[nameof(InteractionInput.Date)]);
        }
    }

    [Fact]
    public void OccurredAt_LocalWallClock_IsTheLibraryZonesInstant()
    {
        var input = Valid();
        input.Date = new DateTime(2026, 7, 10);
        input.Time = new TimeSpan(19, 30, 0);

        // 19:30 EDT is 23:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 23, 30, 0, TimeSpan.Zero), InteractionValidation.OccurredAt(input, Clock()));
    }

    [Fact]
    public void OccurredAt_WinterDate_UsesStandardTime()
    {
        var input = Valid();
        input.Date = new DateTime(2026, 1, 10);
        input.Time = new TimeSpan(19, 30, 0);

        // 19:30 EST is 00:30 UTC the next day.
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 0, 30, 0, TimeSpan.Zero), InteractionValidation.OccurredAt(input, Clock()));
    }

    [Fact]
    public void OccurredAt_PastDayWithoutTime_IsNoonThatDay_AndTodayWithoutTime_IsNow()
    {
        var time = Clock();
        var past = Valid();
        past.Date = new DateTime(2026, 7, 1);
        var today = Valid();
        today.Date = new DateTime(2026, 7, 14);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero), InteractionValidation.OccurredAt(past, time));
        Assert.Equal(time.GetUtcNow(), InteractionValidation.OccurredAt(today, time));
    }
}
