using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// <c>Health:*</c> settings: the rolling window and the thresholds of the flags (explained for librarians in
/// docs/two-way-health.md). Changing them takes effect for every row at the next daily refresh (and for a
/// relationship at once when it is written to).
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>How many months the health looks back over, ending today; a multiple of 3 (the chart shows three-month periods).</summary>
    [Range(3, 36)]
    public int WindowMonths { get; set; } = 12;

    /// <summary>A partner-initiated touch counts as answered when the library (or a mutual touch) followed within this many days.</summary>
    [Range(1, 60)]
    public int AnswerWithinDays { get; set; } = 7;

    /// <summary>Touches with a known initiator needed in the window before "the library always reaches out" is judged.</summary>
    [Range(1, 1000)]
    public int MinTouchesToJudge { get; set; } = 4;

    /// <summary>"The library always reaches out" when the library started at least this share of those touches.</summary>
    [Range(0.5, 1.0)]
    public double OneSidedLibraryShare { get; set; } = 0.8;

    /// <summary>Partner-initiated touches whose answer time has passed needed before "slow to answer" is judged.</summary>
    [Range(1, 1000)]
    public int MinPartnerTouchesToJudge { get; set; } = 3;

    /// <summary>"Slow to answer" when the library answered fewer than this share of them in time.</summary>
    [Range(0.0, 1.0)]
    public double SlowAnswerBelow { get; set; } = 0.5;

    /// <summary>The latest period is "rising" or "falling" when it is more than this fraction above or below the average of the earlier ones.</summary>
    [Range(0.0, 1.0)]
    public double TrendBand { get; set; } = 0.25;

    /// <summary>Runs the background refresh (off in test hosts, which call the refresh directly).</summary>
    public bool RefreshWorkerEnabled { get; set; } = true;

    /// <summary>How often the refresh worker checks whether the day has turned (and the window rolled).</summary>
    [Range(1, 1440)]
    public int RefreshCheckMinutes { get; set; } = 10;

    /// <summary>Number of three-month periods in the window.</summary>
    public int Quarters => WindowMonths / 3;

    /// <summary>The window must split into whole three-month periods.</summary>
    public bool IsValidWindow => WindowMonths % 3 == 0;
}
