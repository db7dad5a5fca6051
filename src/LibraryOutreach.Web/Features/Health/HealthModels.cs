using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>The flags (warning signs) of a relationship (see docs/two-way-health.md for the thresholds).</summary>
public enum HealthWarning
{
    /// <summary>"One-sided: the library always reaches out".</summary>
    LibraryAlwaysReachesOut = 0,

    /// <summary>"One-sided: the partner reaches out and the library is slow to answer".</summary>
    LibrarySlowToAnswer = 1,

    /// <summary>"Neglected": overdue against its cadence, or never touched for longer than its cadence allows.</summary>
    Neglected = 2,
}

/// <summary>Whether the touches of the latest quarter are above, near or below the average of the earlier ones.</summary>
public enum HealthTrend
{
    Steady = 0,
    Rising = 1,
    Falling = 2,
}

/// <summary>
/// One three-month period of the window (the last one ends today): its touches by who started them, and the events
/// attended (which have no initiator). <paramref name="From"/> and <paramref name="Through"/> are both inclusive.
/// </summary>
public sealed record QuarterTouches(DateOnly From, DateOnly Through, int Library, int Partner, int Mutual, int Events)
{
    public int Total => Library + Partner + Mutual + Events;
}

/// <summary>
/// A contact's or organization's two-way health over the rolling window ending <see cref="ComputedFor"/> (docs/two-way-health.md
/// explains every formula). Shares and responsiveness are null when there is nothing to
/// divide by (no attributed touch; no partner-initiated touch whose answer time has passed).
/// </summary>
public sealed record RelationshipHealth(
    RelationshipKind Kind,
    Guid Id,
    string Name,
    string? OwnerId,
    string? OwnerName,
    DateOnly ComputedFor,
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
    CadenceDays Cadence,
    CadenceStatus Status,
    int PartnerTouchesJudged,
    int PartnerTouchesAnswered,
    double? Responsiveness,
    IReadOnlyList<QuarterTouches> Quarters,
    HealthTrend Trend,
    IReadOnlyList<HealthWarning> Flags)
{
    public string Link => Kind == RelationshipKind.Contact ? $"contacts/{Id}" : $"organizations/{Id}";

    /// <summary>Touches with a known initiator (interactions); the shares are fractions of this.</summary>
    public int AttributedTouches => LibraryTouches + PartnerTouches + MutualTouches;

    public bool HasFlag(HealthWarning warning) => Flags.Contains(warning);
}

/// <summary>Which rows the Relationships page shows.</summary>
public enum HealthFlagFilter
{
    All = 0,

    /// <summary>Any of the flags.</summary>
    AnyFlag = 1,
    LibraryAlwaysReachesOut = 2,
    LibrarySlowToAnswer = 3,
    Neglected = 4,

    /// <summary>No flag at all.</summary>
    NoFlag = 5,
}

/// <summary>The sortable columns of the Relationships page.</summary>
public enum HealthSort
{
    Name = 0,
    DaysSinceLastTouch = 1,
    PartnerShare = 2,
    Responsiveness = 3,
    TouchesInWindow = 4,
}

/// <summary>
/// One page of the Relationships list. <see cref="OwnerId"/> matches a contact's owner and an organization's owner or
/// co-owner. <see cref="Level"/> and <see cref="OrganizationTypeId"/> match organizations of that level or type and
/// contacts currently affiliated with one. Rows without a value for the sort column (no share, never touched) come last
/// whatever the direction.
/// </summary>
public sealed record HealthQuery(
    RelationshipKind? Kind = null,
    HealthFlagFilter Flag = HealthFlagFilter.All,
    string? OwnerId = null,
    PartnershipLevel? Level = null,
    Guid? OrganizationTypeId = null,
    HealthSort Sort = HealthSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25,
    bool IncludeArchived = false)
{
    public const int MaxPageSize = 100;
}

public sealed record HealthResults(int Total, IReadOnlyList<RelationshipHealth> Rows);
