namespace LibraryOutreach.Data.Entities;

/// <summary>
/// The precomputed two-way health of one contact or organization (derived data, one row per live record): recomputed
/// for the affected relationships in the same transaction as every write that changes them, and for all of them once a
/// day as the window rolls (see docs/adr/0008-relationship-health-precomputed.md). The formulas live in the web
/// project's <c>Features/Health/HealthCalculator</c>; the name, owner, archived flag, level and type are copied here
/// so that the Relationships page filters and sorts one table.
/// </summary>
public class RelationshipHealthRow
{
    /// <summary>0 for a contact, 1 for an organization (the web project's <c>RelationshipKind</c>).</summary>
    public int Kind { get; set; }

    public Guid EntityId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in lower case, for a case-insensitive sort on both providers.</summary>
    public string NameKey { get; set; } = "";

    public string? OwnerId { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>An organization's partnership level (null for a contact).</summary>
    public PartnershipLevel? PartnershipLevel { get; set; }

    /// <summary>An organization's type (null for a contact).</summary>
    public Guid? OrganizationTypeId { get; set; }

    /// <summary>The library day the figures are for (the last day of the window); older than today means stale.</summary>
    public DateOnly ComputedFor { get; set; }

    /// <summary>The first day of the window (inclusive).</summary>
    public DateOnly WindowFrom { get; set; }

    public int TouchesInWindow { get; set; }

    public int LibraryTouches { get; set; }

    public int PartnerTouches { get; set; }

    public int MutualTouches { get; set; }

    public int EventTouches { get; set; }

    /// <summary>Partner-initiated share of the attributed touches; null without any.</summary>
    public double? PartnerShare { get; set; }

    public DateOnly? LastTouch { get; set; }

    public int CadenceIdealDays { get; set; }

    public int CadenceMaxDays { get; set; }

    /// <summary>The web project's <c>CadenceSource</c>.</summary>
    public int CadenceSource { get; set; }

    /// <summary>The web project's <c>CadenceStatus</c> on <see cref="ComputedFor"/>.</summary>
    public int CadenceStatus { get; set; }

    public int PartnerTouchesJudged { get; set; }

    public int PartnerTouchesAnswered { get; set; }

    /// <summary>Answered share of the judged partner-initiated touches; null without any.</summary>
    public double? Responsiveness { get; set; }

    /// <summary>Touches per three-month period, oldest first: "library,partner,mutual,events" joined by ";".</summary>
    public string Quarters { get; set; } = "";

    /// <summary>The web project's <c>HealthTrend</c>.</summary>
    public int Trend { get; set; }

    public bool LibraryAlwaysReachesOut { get; set; }

    public bool LibrarySlowToAnswer { get; set; }

    public bool Neglected { get; set; }

    public bool HasAnyFlag { get; set; }
}
