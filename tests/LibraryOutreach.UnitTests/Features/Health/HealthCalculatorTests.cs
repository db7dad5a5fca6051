using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Health;

namespace LibraryOutreach.UnitTests.Features.Health;

public class HealthCalculatorTests
{
    // Noon UTC on 15 March 2026; the library's calendar is UTC in these tests.
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly DateOnly LongAgo = new(2020, 1, 1);
    private static readonly CadenceDays Cadence = new(30, 60, CadenceSource.PartnershipLevel);
    private static readonly HealthOptions Options = new();

    private static HealthTouch At(DateTimeOffset at, InitiatedBy by) => HealthTouch.Interaction(at, DateOnly.FromDateTime(at.UtcDateTime), by);

    private static HealthTouch DaysAgo(double days, InitiatedBy by) => At(Now.AddDays(-days), by);

    private static HealthFigures Compute(IReadOnlyCollection<HealthTouch> touches, DateOnly? earlier = null, DateOnly? createdOn = null, HealthOptions? options = null) =>
        HealthCalculator.Compute(touches, Today, Now, Cadence, earlier, createdOn ?? LongAgo, options ?? Options);

    [Fact]
    public void Compute_NoTouches_NothingToShare_NeverTouched_AndNeglectedOnlyOnceOlderThanTheCadenceMaximum()
    {
        var figures = Compute([]);

        Assert.Equal((0, null, null, null, null), (figures.TouchesInWindow, figures.LibraryShare, figures.PartnerShare, figures.MutualShare, figures.Responsiveness));
        Assert.Equal((null, null, CadenceStatus.NeverTouched), (figures.LastTouch, figures.DaysSince, figures.Status));
        Assert.Equal([HealthWarning.Neglected], figures.Flags);
        Assert.Equal(HealthTrend.Steady, figures.Trend);
        Assert.Equal(4, figures.Quarters.Count);
        Assert.All(figures.Quarters, q => Assert.Equal(0, q.Total));

        // Created 60 days ago (the maximum): not yet neglected; 61 days: neglected.
        Assert.Empty(Compute([], createdOn: Today.AddDays(-60)).Flags);
        Assert.Equal([HealthWarning.Neglected], Compute([], createdOn: Today.AddDays(-61)).Flags);
    }

    [Fact]
    public void Compute_OnlyPartnerInitiated_PartnerShareIsOne_AndUnansweredTouchesMakeTheLibrarySlow()
    {
        var figures = Compute([DaysAgo(10, InitiatedBy.Partner), DaysAgo(20, InitiatedBy.Partner), DaysAgo(30, InitiatedBy.Partner)]);

        Assert.Equal((3, 0, 3, 0), (figures.TouchesInWindow, figures.LibraryTouches, figures.PartnerTouches, figures.MutualTouches));
        Assert.Equal((0.0, 1.0, 0.0), (figures.LibraryShare!.Value, figures.PartnerShare!.Value, figures.MutualShare!.Value));
        Assert.Equal((3, 0, 0.0), (figures.PartnerTouchesJudged, figures.PartnerTouchesAnswered, figures.Responsiveness!.Value));
        Assert.Equal([HealthWarning.LibrarySlowToAnswer], figures.Flags);
        Assert.Equal((Today.AddDays(-10), 10, CadenceStatus.OnTrack), (figures.LastTouch, figures.DaysSince, figures.Status));
    }

    [Fact]
    public void Compute_Mutual_CountsInItsOwnShare_AndAnswersAPartnersTouch()
    {
        var figures = Compute([DaysAgo(20, InitiatedBy.Partner), DaysAgo(19, InitiatedBy.Mutual), DaysAgo(5, InitiatedBy.Library), DaysAgo(4, InitiatedBy.Mutual)]);

        Assert.Equal((0.25, 0.25, 0.5), (figures.LibraryShare!.Value, figures.PartnerShare!.Value, figures.MutualShare!.Value));
        Assert.Equal((1, 1, 1.0), (figures.PartnerTouchesJudged, figures.PartnerTouchesAnswered, figures.Responsiveness!.Value));
        Assert.Empty(figures.Flags);
    }

    [Fact]
    public void Compute_WindowEdge_TheSameDateTwelveMonthsAgoIsOut_TheDayAfterIsIn_TodayIsIn_LaterThanNowIsOut()
    {
        var edge = new DateOnly(2025, 3, 15);
        Assert.Equal(edge.AddDays(1), HealthCalculator.WindowFrom(Today, 12));
        HealthTouch OnDay(DateOnly day, InitiatedBy by) => HealthTouch.Interaction(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), day, by);

        var figures = Compute([
            OnDay(edge, InitiatedBy.Partner),
            OnDay(edge.AddDays(1), InitiatedBy.Library),
            At(Now.AddMinutes(-1), InitiatedBy.Mutual),
            At(Now.AddHours(1), InitiatedBy.Partner),
        ]);

        Assert.Equal((2, 1, 0, 1), (figures.TouchesInWindow, figures.LibraryTouches, figures.PartnerTouches, figures.MutualTouches));
        Assert.Equal(edge.AddDays(1), figures.WindowFrom);
        Assert.Equal(edge.AddDays(1), figures.Quarters[0].From);
        Assert.Equal(Today, figures.Quarters[^1].Through);
        Assert.Equal(1, figures.Quarters[0].Library);
        Assert.Equal(1, figures.Quarters[^1].Mutual);
    }

    [Fact]
    public void Compute_LastTouchBeforeTheWindow_ComesFromTheEarlierTouch_AndTheRelationshipIsOverdue()
    {
        var figures = Compute([], earlier: Today.AddDays(-400));

        Assert.Equal((0, Today.AddDays(-400), 400, CadenceStatus.Overdue), (figures.TouchesInWindow, figures.LastTouch, figures.DaysSince, figures.Status));
        Assert.Equal([HealthWarning.Neglected], figures.Flags);
    }

    [Theory]
    [InlineData(7 * 24 * 60, true)]
    [InlineData((7 * 24 * 60) + 1, false)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void Answered_ExactlySevenDaysLaterCounts_AMinuteMoreDoesNot_AndTheSameInstantIsNoAnswer(int minutesLater, bool answered)
    {
        var partner = Now.AddDays(-20);
        var (judged, count) = HealthCalculator.Answered([At(partner, InitiatedBy.Partner), At(partner.AddMinutes(minutesLater), InitiatedBy.Library)], Now, 7);

        Assert.Equal((1, answered ? 1 : 0), (judged, count));
    }

    [Fact]
    public void Answered_ATouchStillInsideItsSevenDays_IsNotJudgedYet_UnlessAlreadyAnswered()
    {
        Assert.Equal((0, 0), HealthCalculator.Answered([DaysAgo(3, InitiatedBy.Partner)], Now, 7));
        Assert.Equal((1, 1), HealthCalculator.Answered([DaysAgo(3, InitiatedBy.Partner), DaysAgo(2, InitiatedBy.Library)], Now, 7));
        // Exactly seven days ago and unanswered: its time is over.
        Assert.Equal((1, 0), HealthCalculator.Answered([DaysAgo(7, InitiatedBy.Partner)], Now, 7));
        // A partner's touch does not answer another partner's touch; events never answer.
        Assert.Equal((2, 0), HealthCalculator.Answered([DaysAgo(20, InitiatedBy.Partner), DaysAgo(19, InitiatedBy.Partner), HealthTouch.Event(Today.AddDays(-18))], Now, 7));
    }

    [Fact]
    public void Compute_Events_CountAsTouchesAndForTheLastTouch_NotInTheShares()
    {
        var figures = Compute([HealthTouch.Event(Today.AddDays(-3)), DaysAgo(50, InitiatedBy.Library)]);

        Assert.Equal((2, 1, 1, 1.0), (figures.TouchesInWindow, figures.EventTouches, figures.LibraryTouches, figures.LibraryShare!.Value));
        Assert.Equal(Today.AddDays(-3), figures.LastTouch);
        Assert.Equal(1, figures.Quarters[^1].Events);
    }

    [Theory]
    [InlineData(3, 0, false)] // 3 of 3 by the library, but fewer than 4 touches: not judged.
    [InlineData(4, 0, true)] // 4 of 4.
    [InlineData(4, 1, true)] // 4 of 5 = 80%: the threshold counts.
    [InlineData(3, 1, false)] // 3 of 4 = 75%.
    public void Flags_LibraryAlwaysReachesOut_FromFourTouches_AtEightyPercent(int library, int partner, bool flagged)
    {
        var touches = Enumerable.Range(0, library).Select(k => DaysAgo(10 + k, InitiatedBy.Library))
            .Concat(Enumerable.Range(0, partner).Select(k => DaysAgo(40 + k, InitiatedBy.Partner)))
            .ToList();

        Assert.Equal(flagged, Compute(touches).Flags.Contains(HealthWarning.LibraryAlwaysReachesOut));
    }

    [Theory]
    [InlineData(2, 0, false)] // Two unanswered: fewer than 3 to judge.
    [InlineData(3, 0, true)]
    [InlineData(4, 2, false)] // 2 of 4 answered = 50%: not below the threshold.
    [InlineData(4, 1, true)] // 1 of 4 = 25%.
    public void Flags_SlowToAnswer_FromThreeJudgedPartnerTouches_BelowHalfAnswered(int partner, int answered, bool flagged)
    {
        var touches = new List<HealthTouch>();
        for (var k = 0; k < partner; k++)
        {
            var at = Now.AddDays(-30 - (k * 20));
            touches.Add(At(at, InitiatedBy.Partner));
            if (k < answered)
            {
                touches.Add(At(at.AddDays(2), InitiatedBy.Library));
            }
        }

        Assert.Equal(flagged, Compute(touches).Flags.Contains(HealthWarning.LibrarySlowToAnswer));
    }

    [Fact]
    public void Trend_LatestPeriodAgainstTheAverageOfTheEarlierOnes_WithASteadyBand()
    {
        static QuarterTouches Q(int library) => new(Today, Today, library, 0, 0, 0);

        Assert.Equal(HealthTrend.Steady, HealthCalculator.Trend([Q(4), Q(4), Q(4), Q(5)], 0.25));
        Assert.Equal(HealthTrend.Rising, HealthCalculator.Trend([Q(4), Q(4), Q(4), Q(6)], 0.25));
        Assert.Equal(HealthTrend.Falling, HealthCalculator.Trend([Q(4), Q(4), Q(4), Q(2)], 0.25));
        Assert.Equal(HealthTrend.Rising, HealthCalculator.Trend([Q(0), Q(0), Q(0), Q(1)], 0.25));
        Assert.Equal(HealthTrend.Steady, HealthCalculator.Trend([Q(0), Q(0), Q(0), Q(0)], 0.25));
    }

    [Fact]
    public void Quarters_ThreeMonthPeriodsEndingToday_TouchingEachOther()
    {
        var quarters = HealthCalculator.Quarters([], Today, 12);

        Assert.Equal(
            [(new DateOnly(2025, 3, 16), new DateOnly(2025, 6, 15)), (new DateOnly(2025, 6, 16), new DateOnly(2025, 9, 15)), (new DateOnly(2025, 9, 16), new DateOnly(2025, 12, 15)), (new DateOnly(2025, 12, 16), Today)],
            quarters.Select(q => (q.From, q.Through)));
    }

    [Fact]
    public void Rows_QuartersSurviveTheRoundTrip()
    {
        var quarters = HealthCalculator.Quarters([DaysAgo(5, InitiatedBy.Partner), HealthTouch.Event(Today.AddDays(-200))], Today, 12);

        Assert.Equal(quarters, HealthRows.ParseQuarters(HealthRows.FormatQuarters(quarters), Today));
    }

    [Fact]
    public void Compute_TheWorkedExampleOfTheDocs_GivesItsFigures()
    {
        // docs/two-way-health.md: the Friends of the Library, a formal partner (30/60), on 15 March 2026.
        static HealthTouch On(int year, int month, int day, InitiatedBy? by)
        {
            var date = new DateOnly(year, month, day);
            return by is { } who
                ? HealthTouch.Interaction(new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), date, who)
                : HealthTouch.Event(date);
        }

        var figures = Compute([
            On(2025, 5, 10, InitiatedBy.Partner),
            On(2025, 5, 20, InitiatedBy.Library),
            On(2025, 9, 2, InitiatedBy.Partner),
            On(2025, 9, 4, InitiatedBy.Library),
            On(2025, 10, 18, null),
            On(2026, 1, 3, InitiatedBy.Partner),
            On(2026, 2, 20, InitiatedBy.Mutual),
        ]);

        Assert.Equal((7, 1), (figures.TouchesInWindow, figures.EventTouches));
        Assert.Equal(("50%", "33%", "17%"), (HealthText.Percent(figures.PartnerShare), HealthText.Percent(figures.LibraryShare), HealthText.Percent(figures.MutualShare)));
        Assert.Equal((3, 1, "33%"), (figures.PartnerTouchesJudged, figures.PartnerTouchesAnswered, HealthText.Percent(figures.Responsiveness)));
        Assert.Equal((new DateOnly(2026, 2, 20), 23, CadenceStatus.OnTrack), (figures.LastTouch, figures.DaysSince, figures.Status));
        Assert.Equal([2, 2, 1, 2], figures.Quarters.Select(q => q.Total));
        Assert.Equal(HealthTrend.Steady, figures.Trend);
        Assert.Equal([HealthWarning.LibrarySlowToAnswer], figures.Flags);
    }
}
