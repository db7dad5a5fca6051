using System.Globalization;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>The words the health card and the Relationships page use, in one place.</summary>
public static class HealthText
{
    public static string Label(HealthWarning warning) => warning switch
    {
        HealthWarning.LibraryAlwaysReachesOut => "One-sided: the library always reaches out",
        HealthWarning.LibrarySlowToAnswer => "One-sided: the partner reaches out and the library is slow to answer",
        _ => "Neglected",
    };

    /// <summary>A short form for table cells and chips.</summary>
    public static string Brief(HealthWarning warning) => warning switch
    {
        HealthWarning.LibraryAlwaysReachesOut => "Library always reaches out",
        HealthWarning.LibrarySlowToAnswer => "Slow to answer",
        _ => "Neglected",
    };

    public static string Label(HealthFlagFilter filter) => filter switch
    {
        HealthFlagFilter.AnyFlag => "Any flag",
        HealthFlagFilter.LibraryAlwaysReachesOut => Brief(HealthWarning.LibraryAlwaysReachesOut),
        HealthFlagFilter.LibrarySlowToAnswer => Brief(HealthWarning.LibrarySlowToAnswer),
        HealthFlagFilter.Neglected => Brief(HealthWarning.Neglected),
        HealthFlagFilter.NoFlag => "No flag",
        _ => "All",
    };

    public static string Label(HealthTrend trend) => trend switch
    {
        HealthTrend.Rising => "Rising",
        HealthTrend.Falling => "Falling",
        _ => "Steady",
    };

    /// <summary>"42%", or "—" when there is nothing to divide by.</summary>
    public static string Percent(double? share) =>
        share is { } value ? Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.CurrentCulture) + "%" : "—";

    /// <summary>A period as a short axis label: "Dec–Mar".</summary>
    public static string Period(QuarterTouches quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        return $"{quarter.From.ToString("MMM", CultureInfo.CurrentCulture)}–{quarter.Through.ToString("MMM", CultureInfo.CurrentCulture)}";
    }

    /// <summary>A period in full, for the table alternative: "16 Dec 2025 – 15 Mar 2026".</summary>
    public static string PeriodInFull(QuarterTouches quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        return $"{Day(quarter.From)} – {Day(quarter.Through)}";
    }

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"Partner 25%, library 50%, mutual 25% of 8 touches", or a sentence for none.</summary>
    public static string Shares(RelationshipHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.AttributedTouches == 0
            ? "No interactions with a known starter in the window."
            : $"Partner {Percent(health.PartnerShare)}, library {Percent(health.LibraryShare)}, mutual {Percent(health.MutualShare)} of {Count(health.AttributedTouches, "interaction")}.";
    }

    public static string Responsiveness(RelationshipHealth health, int withinDays)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.PartnerTouchesJudged == 0
            ? "No partner-initiated touch to answer yet."
            : $"The library answered {health.PartnerTouchesAnswered} of {health.PartnerTouchesJudged} partner-initiated touches within {withinDays} days ({Percent(health.Responsiveness)}).";
    }

    public static string LastTouch(RelationshipHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.LastTouch is { } last
            ? $"Last touch {Day(last)} ({Count(health.DaysSince ?? 0, "day")} ago)"
            : "No touch yet";
    }

    /// <summary>The chart's summary for screen readers.</summary>
    public static string ChartSummary(RelationshipHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var parts = health.Quarters.Select(q => $"{PeriodInFull(q)}: {q.Total}");
        return $"Touches per three months, oldest first. {string.Join("; ", parts)}. Trend: {Label(health.Trend).ToLowerInvariant()}.";
    }

    public static string Count(int count, string noun, string? plural = null) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.CurrentCulture)} {plural ?? noun + "s"}";
}
