using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Cadence;

public enum RelationshipKind
{
    Contact = 0,
    Organization = 1,
}

/// <summary>One contact's or organization's cadence, last touch and status on a day.</summary>
public sealed record RelationshipCadence(
    RelationshipKind Kind,
    Guid Id,
    string Name,
    string? OwnerId,
    string? OwnerName,
    CadenceDays Cadence,
    DateOnly? LastTouch,
    int? DaysSince,
    CadenceStatus Status)
{
    public string Link => Kind == RelationshipKind.Contact ? $"contacts/{Id}" : $"organizations/{Id}";
}

/// <summary>Which relationships to compute: by kind, owner (owner or co-owner of an organization) and ids; archived ones only when asked.</summary>
public sealed record CadenceScope(
    bool Contacts = true,
    bool Organizations = true,
    string? OwnerId = null,
    IReadOnlyCollection<Guid>? Ids = null,
    bool IncludeArchived = false);

/// <summary>What the "Due to reach out" list shows.</summary>
public enum ReachOutFilter
{
    /// <summary>Overdue, due and never touched.</summary>
    NeedsAttention = 0,
    Overdue = 1,
    Due = 2,
    NeverTouched = 3,
    OnTrack = 4,
    All = 5,
}

/// <summary>The "Due to reach out" list's filters; <see cref="OwnerId"/> null means everyone's.</summary>
public sealed record ReachOutQuery(string? OwnerId, ReachOutFilter Filter = ReachOutFilter.NeedsAttention, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record ReachOutResults(int Total, IReadOnlyList<RelationshipCadence> Rows);

/// <summary>A cadence setting row: a partnership level's or an organization type's (the latter may be unset).</summary>
public sealed record CadenceRuleView(Guid? Id, PartnershipLevel? PartnershipLevel, Guid? OrganizationTypeId, string Name, int? IdealDays, int? MaxDays, Guid? Version);

/// <summary>A contact's or organization's cadence as its page shows it, with whether the person may change its override.</summary>
public sealed record CadenceDetail(RelationshipCadence Relationship, int? OwnIdealDays, int? OwnMaxDays, bool CanEdit, Guid Version);
