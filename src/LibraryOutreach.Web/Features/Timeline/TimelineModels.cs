using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Timeline;

/// <summary>
/// What one timeline entry records. The numbers are part of the order of entries at the same moment (and of the
/// cursor): keep them stable.
/// </summary>
public enum TimelineEntryKind
{
    Interaction = 0,
    Event = 1,
    FollowUpCreated = 2,
    FollowUpDone = 3,
    AffiliationStarted = 4,
    AffiliationEnded = 5,
    CommitteeSeatStarted = 6,
    CommitteeSeatEnded = 7,
    Note = 8,
    Merge = 9,
    Import = 10,
}

/// <summary>The entry types a person filters by (a follow-up's two entries are one type, and so on).</summary>
public enum TimelineEntryType
{
    Interactions = 0,
    Events = 1,
    FollowUps = 2,
    Affiliations = 3,
    CommitteeSeats = 4,
    Notes = 5,
    Merges = 6,
    Imports = 7,
}

/// <summary>Whose timeline: a contact's or an organization's.</summary>
public enum TimelineSubjectKind
{
    Contact = 0,
    Organization = 1,
}

/// <summary>A contact or an organization.</summary>
public sealed record TimelineSubject(TimelineSubjectKind Kind, Guid Id)
{
    public static TimelineSubject Contact(Guid id) => new(TimelineSubjectKind.Contact, id);

    public static TimelineSubject Organization(Guid id) => new(TimelineSubjectKind.Organization, id);
}

/// <summary>Filters of a timeline; every one optional (no types chosen means all types).</summary>
public sealed record TimelineFilter
{
    public IReadOnlySet<TimelineEntryType> Types { get; init; } = new HashSet<TimelineEntryType>();

    /// <summary>Entries this staff member took part in (had, attended, was assigned, completed, recorded).</summary>
    public string? StaffUserId { get; init; }

    /// <summary>First day (library time zone), inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (library time zone), inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only interactions initiated by this side (other entry types have no initiator and are left out).</summary>
    public InitiatedBy? InitiatedBy { get; init; }

    public bool Includes(TimelineEntryType type) =>
        (Types.Count == 0 || Types.Contains(type)) && (InitiatedBy is null || type == TimelineEntryType.Interactions);
}

/// <summary>
/// Where the next page starts: the last entry shown, by (sort instant, kind, key), the timeline's order. Entries at the
/// same instant are ordered by kind then key, so no entry is lost or repeated between pages. It also keeps the UTC
/// offset used for day-only entries, so every page of one timeline places them alike.
/// </summary>
public sealed record TimelineCursor(DateTimeOffset At, TimelineEntryKind Kind, string Key, int OffsetMinutes);

/// <summary>One page of a timeline, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Next);

/// <summary>The contact an organization's entry came through ("via Jane Doe, Principal").</summary>
public sealed record TimelineVia(Guid ContactId, string Name, string? Role);

/// <summary>
/// One entry. <see cref="At"/> is in the library's time zone; for day-only entries (<see cref="IsAllDay"/>: affiliation
/// and seat dates, all-day events) only its date counts.
/// </summary>
public sealed record TimelineEntry(
    TimelineEntryKind Kind,
    string Key,
    DateTimeOffset At,
    bool IsAllDay,
    string Title,
    string? Detail,
    IReadOnlyList<string> Staff,
    string? Url,
    TimelineVia? Via,
    InitiatedBy? InitiatedBy,
    ContactChannel? Channel)
{
    public DateOnly Date => DateOnly.FromDateTime(At.DateTime);

    public TimelineEntryType Type => TimelineKinds.TypeOf(Kind);
}

/// <summary>Kinds, types and their words.</summary>
public static class TimelineKinds
{
    public static TimelineEntryType TypeOf(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Interaction => TimelineEntryType.Interactions,
        TimelineEntryKind.Event => TimelineEntryType.Events,
        TimelineEntryKind.FollowUpCreated or TimelineEntryKind.FollowUpDone => TimelineEntryType.FollowUps,
        TimelineEntryKind.AffiliationStarted or TimelineEntryKind.AffiliationEnded => TimelineEntryType.Affiliations,
        TimelineEntryKind.CommitteeSeatStarted or TimelineEntryKind.CommitteeSeatEnded => TimelineEntryType.CommitteeSeats,
        TimelineEntryKind.Note => TimelineEntryType.Notes,
        TimelineEntryKind.Merge => TimelineEntryType.Merges,
        TimelineEntryKind.Import => TimelineEntryType.Imports,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown timeline entry kind."),
    };

    public static string TypeName(TimelineEntryType type) => type switch
    {
        TimelineEntryType.Interactions => "Touches",
        TimelineEntryType.Events => "Events",
        TimelineEntryType.FollowUps => "Follow-ups",
        TimelineEntryType.Affiliations => "Affiliations",
        TimelineEntryType.CommitteeSeats => "Committee seats",
        TimelineEntryType.Notes => "Notes",
        TimelineEntryType.Merges => "Merges",
        TimelineEntryType.Imports => "Imports",
        _ => type.ToString(),
    };

    /// <summary>The word before an entry's title, so the kind never rests on its icon alone.</summary>
    public static string Label(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Interaction => "Touch",
        TimelineEntryKind.Event => "Event",
        TimelineEntryKind.FollowUpCreated => "Follow-up set",
        TimelineEntryKind.FollowUpDone => "Follow-up done",
        TimelineEntryKind.AffiliationStarted => "Affiliation started",
        TimelineEntryKind.AffiliationEnded => "Affiliation ended",
        TimelineEntryKind.CommitteeSeatStarted => "Committee seat started",
        TimelineEntryKind.CommitteeSeatEnded => "Committee seat ended",
        TimelineEntryKind.Note => "Notes changed",
        TimelineEntryKind.Merge => "Merged",
        TimelineEntryKind.Import => "Imported",
        _ => kind.ToString(),
    };

    public static IReadOnlyList<TimelineEntryType> TypesFor(TimelineSubjectKind subject) => subject == TimelineSubjectKind.Contact
        ? [TimelineEntryType.Interactions, TimelineEntryType.Events, TimelineEntryType.FollowUps, TimelineEntryType.Affiliations, TimelineEntryType.Notes, TimelineEntryType.Merges, TimelineEntryType.Imports]
        : Enum.GetValues<TimelineEntryType>();
}
