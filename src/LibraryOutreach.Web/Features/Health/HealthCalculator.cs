using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// One touch with a relationship, as the health counts it: an interaction (with its instant and who started it) or an
/// event attended (a day, no initiator). <see cref="Day"/> is the library's calendar day (an event's last day, but not
/// later than today, as the cadence counts it).
/// </summary>
public readonly record struct HealthTouch(DateOnly Day, DateTimeOffset? At, InitiatedBy? InitiatedBy)
{
    public static HealthTouch Interaction(DateTimeOffset at, DateOnly day, InitiatedBy initiatedBy) => new(day, at, initiatedBy);

    public static HealthTouch Event(DateOnly day) => new(day, null, null);

    public bool IsEvent => InitiatedBy is null;
}

/// <summary>The health figures of one relationship on one day (everything but its name and owner).</summary>
public sealed record HealthFigures(
    DateOnly Today,
    DateOnly WindowFrom,
    int TouchesInWindow,
    int LibraryTouches,
    int PartnerTouches,
    int MutualTouches,
    int EventTouches,
    double? LibraryShare,
    double? PartnerShare,
    double? MutualShare,
    DateOnly? LastTouch,
    int? DaysSince,
    CadenceStatus Status,
    int PartnerTouchesJudged,
    int PartnerTouchesAnswered,
    double? Responsiveness,
    IReadOnlyList<QuarterTouches> Quarters,
    HealthTrend Trend,
    IReadOnlyList<HealthWarning> Flags);

/// <summary>
/// The two-way health formulas, pure (docs/two-way-health.md says the same in plain words):
/// <list type="bullet">
/// <item><b>Window</b>: the last <see cref="HealthOptions.WindowMonths"/> months up to today: from the day after the same
/// date that many months ago through today, both inclusive. Touches later than now are not counted yet.</item>
/// <item><b>Shares</b>: of the interactions in the window, the fraction the library, the partner and both (mutual)
/// started. Events attended have no initiator: they count as touches (last touch, touches in window, the chart) but
/// not in the shares.</item>
/// <item><b>Last touch and cadence</b>: the latest touch up to today, in or before the window; days since and status
/// by <see cref="CadenceRules"/>.</item>
/// <item><b>Periods</b>: the window split into three-month periods ending today, touches counted by who started them.</item>
/// <item><b>Responsiveness</b>: of the partner-initiated interactions in the window, the fraction followed by a library
/// or mutual interaction after it and at most <see cref="HealthOptions.AnswerWithinDays"/> × 24 hours later. A touch
/// still inside its answer time and not yet answered is not judged yet.</item>
/// <item><b>Flags</b>: see <see cref="HealthWarning"/> and the thresholds in <see cref="HealthOptions"/>.</item>
/// </list>
/// </summary>
public static class HealthCalculator
{
    /// <summary>The first day of the window ending <paramref name="today"/> (inclusive).</summary>
    public static DateOnly WindowFrom(DateOnly today, int windowMonths) => today.AddMonths(-windowMonths).AddDays(1);

    /// <summary>The health of one relationship on <paramref name="today"/>.</summary>
    /// <param name="touches">The relationship's touches; any outside the window or after <paramref name="now"/> are ignored.</param>
    /// <param name="today">The library's calendar day: the last day of the window.</param>
    /// <param name="now">The current instant (interactions later than it are not counted yet).</param>
    /// <param name="cadence">The relationship's stay-in-touch cadence.</param>
    /// <param name="earlierLastTouch">The latest touch before the window when the caller loaded only the window (null if none or unknown).</param>
    /// <param name="createdOn">The day the record was created: a never-touched record is neglected once it is older than its cadence's maximum.</param>
    /// <param name="options">The window and the thresholds.</param>
    public static HealthFigures Compute(
        IReadOnlyCollection<HealthTouch> touches,
        DateOnly today,
        DateTimeOffset now,
        CadenceDays cadence,
        DateOnly? earlierLastTouch,
        DateOnly createdOn,
        HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(touches);
        ArgumentNullException.ThrowIfNull(cadence);
        ArgumentNullException.ThrowIfNull(options);
        var from = WindowFrom(today, options.WindowMonths);
        var inWindow = touches
            .Where(t => t.Day >= from && t.Day <= today && (t.At is not { } at || at <= now))
            .ToList();
        int library = 0, partner = 0, mutual = 0, events = 0;
        foreach (var touch in inWindow)
        {
            switch (touch.InitiatedBy)
            {
                case InitiatedBy.Library: library++; break;
                case InitiatedBy.Partner: partner++; break;
                case InitiatedBy.Mutual: mutual++; break;
                default: events++; break;
            }
        }

        var attributed = library + partner + mutual;
        double? Share(int count) => attributed == 0 ? null : (double)count / attributed;

        DateOnly? last = earlierLastTouch > today ? today : earlierLastTouch;
        foreach (var touch in inWindow)
        {
            if (last is null || touch.Day > last)
            {
                last = touch.Day;
            }
        }

        var status = CadenceRules.Status(last, today, cadence);
        var (judged, answered) = Answered(inWindow, now, options.AnswerWithinDays);
        double? responsiveness = judged == 0 ? null : (double)answered / judged;
        var quarters = Quarters(inWindow, today, options.WindowMonths);

        var flags = new List<HealthWarning>();
        if (attributed >= options.MinTouchesToJudge && Share(library) >= options.OneSidedLibraryShare)
        {
            flags.Add(HealthWarning.LibraryAlwaysReachesOut);
        }

        if (judged >= options.MinPartnerTouchesToJudge && responsiveness < options.SlowAnswerBelow)
        {
            flags.Add(HealthWarning.LibrarySlowToAnswer);
        }

        if (status == CadenceStatus.Overdue || (status == CadenceStatus.NeverTouched && today.DayNumber - createdOn.DayNumber > cadence.MaxDays))
        {
            flags.Add(HealthWarning.Neglected);
        }

        return new HealthFigures(
            today, from, inWindow.Count, library, partner, mutual, events,
            Share(library), Share(partner), Share(mutual),
            last, CadenceRules.DaysSince(last, today), status,
            judged, answered, responsiveness,
            quarters, Trend(quarters, options.TrendBand), flags);
    }

    /// <summary>
    /// Of the partner-initiated interactions, how many can be judged (answered, or their answer time is over) and how many
    /// were answered: a library or mutual interaction strictly after it and at most <paramref name="withinDays"/> days later.
    /// </summary>
    public static (int Judged, int Answered) Answered(IReadOnlyCollection<HealthTouch> touches, DateTimeOffset now, int withinDays)
    {
        ArgumentNullException.ThrowIfNull(touches);
        var answers = touches
            .Where(t => t.At is not null && t.InitiatedBy is InitiatedBy.Library or InitiatedBy.Mutual)
            .Select(t => t.At!.Value)
            .Order()
            .ToArray();
        var limit = TimeSpan.FromDays(withinDays);
        int judged = 0, answered = 0;
        foreach (var touch in touches)
        {
            if (touch.InitiatedBy != InitiatedBy.Partner || touch.At is not { } at)
            {
                continue;
            }

            // The first answer strictly after the partner's touch.
            var index = Array.BinarySearch(answers, at.AddTicks(1));
            if (index < 0)
            {
                index = ~index;
            }

            if (index < answers.Length && answers[index] - at <= limit)
            {
                judged++;
                answered++;
            }
            else if (now - at >= limit)
            {
                judged++;
            }
        }

        return (judged, answered);
    }

    /// <summary>The window's three-month periods, oldest first; the last one ends <paramref name="today"/>.</summary>
    public static IReadOnlyList<QuarterTouches> Quarters(IReadOnlyCollection<HealthTouch> touches, DateOnly today, int windowMonths)
    {
        ArgumentNullException.ThrowIfNull(touches);
        var count = Math.Max(1, windowMonths / 3);
        var result = new List<QuarterTouches>(count);
        for (var k = 0; k < count; k++)
        {
            var from = today.AddMonths(-3 * (count - k)).AddDays(1);
            var through = today.AddMonths(-3 * (count - k - 1));
            int library = 0, partner = 0, mutual = 0, events = 0;
            foreach (var touch in touches)
            {
                if (touch.Day < from || touch.Day > through)
                {
                    continue;
                }

                switch (touch.InitiatedBy)
                {
                    case InitiatedBy.Library: library++; break;
                    case InitiatedBy.Partner: partner++; break;
                    case InitiatedBy.Mutual: mutual++; break;
                    default: events++; break;
                }
            }

            result.Add(new QuarterTouches(from, through, library, partner, mutual, events));
        }

        return result;
    }

    /// <summary>The latest period against the average of the earlier ones, with a band of ±<paramref name="band"/> counted as steady.</summary>
    public static HealthTrend Trend(IReadOnlyList<QuarterTouches> quarters, double band)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        if (quarters.Count < 2)
        {
            return HealthTrend.Steady;
        }

        var latest = quarters[^1].Total;
        var earlier = quarters.Take(quarters.Count - 1).Average(q => q.Total);
        if (earlier == 0)
        {
            return latest > 0 ? HealthTrend.Rising : HealthTrend.Steady;
        }

        var ratio = latest / earlier;
        return ratio > 1 + band ? HealthTrend.Rising : ratio < 1 - band ? HealthTrend.Falling : HealthTrend.Steady;
    }
}
