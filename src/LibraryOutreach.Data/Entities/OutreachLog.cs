namespace LibraryOutreach.Data.Entities;

/// <summary>A library branch (library systems have several); admin-editable, archived rather than deleted once used.</summary>
public class Branch : TrackedEntity, IChoiceListEntry
{
    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }
}

/// <summary>An admin-editable kind of outreach event (town or council meeting, school visit, pop-up library, …).</summary>
public class EventType : TrackedEntity, IChoiceListEntry
{
    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }
}

/// <summary>
/// The library's part in an event. It decides whether the state survey counts the event as a <em>program</em>
/// (sponsored or co-sponsored by the library) or as <em>outreach</em> (a table at someone else's festival);
/// see <see cref="LibraryRoles"/>.
/// </summary>
public enum LibraryRole
{
    Sponsor = 0,
    CoSponsor = 1,
    ParticipantGuest = 2,
}

/// <summary>How the Public Libraries Survey counts an event.</summary>
public enum SurveyCategory
{
    /// <summary>The library sponsored or co-sponsored it.</summary>
    Program = 0,

    /// <summary>The library took part in someone else's event.</summary>
    Outreach = 1,
}

/// <summary>The program-vs-outreach rule of the state survey, in one place.</summary>
public static class LibraryRoles
{
    /// <summary>Sponsor and co-sponsor make a program; participant or guest is outreach.</summary>
    public static SurveyCategory Category(LibraryRole role) => role switch
    {
        LibraryRole.Sponsor or LibraryRole.CoSponsor => SurveyCategory.Program,
        LibraryRole.ParticipantGuest => SurveyCategory.Outreach,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown library role."),
    };

    public static bool IsProgram(LibraryRole role) => Category(role) == SurveyCategory.Program;

    /// <summary>The roles that make a program, for queries (<c>Where(e =&gt; LibraryRoles.ProgramRoles.Contains(e.LibraryRole))</c>).</summary>
    public static IReadOnlyList<LibraryRole> ProgramRoles { get; } = [LibraryRole.Sponsor, LibraryRole.CoSponsor];
}

/// <summary>The audience age groups of the state survey.</summary>
public enum AudienceAgeGroup
{
    /// <summary>0–11.</summary>
    Children = 0,

    /// <summary>12–18.</summary>
    YoungAdults = 1,

    /// <summary>19 and over.</summary>
    Adults = 2,

    /// <summary>General interest, all ages.</summary>
    AllAges = 3,
}

/// <summary>Where an event happened, as the state survey counts it (a hybrid program counts once).</summary>
public enum EventSetting
{
    Onsite = 0,
    Offsite = 1,
    Virtual = 2,
}

/// <summary>
/// Instants in the outreach log are kept in UTC: PostgreSQL's <c>timestamp with time zone</c> accepts only UTC values
/// and SQLite's stored ticks would otherwise keep whatever offset a form or a calendar gave, so the two providers would
/// disagree. Local times are a matter of display, in the library's time zone.
/// </summary>
public static class OutreachTime
{
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();
}

/// <summary>Where an event record came from.</summary>
public enum EventSource
{
    Manual = 0,

    /// <summary>Brought in by the calendar sync (its provenance is added by that feature).</summary>
    Calendar = 1,
}

/// <summary>
/// Something the library attended or ran outside its walls.
/// <para>
/// <b>When.</b> Every event has a <see cref="StartDate"/> and an <see cref="EndDate"/> (inclusive): calendar days in
/// the library's own time zone. They are what lists, the month view and the survey report filter and group on, so an
/// all-day farmers-market table on 4 July is on 4 July whatever the server's or reader's time zone, and a fiscal-year
/// report is a date range. A timed event also has <see cref="StartsAt"/> and <see cref="EndsAt"/>, instants (stored
/// as UTC) that a calendar sync and a reader in another zone can convert exactly; an all-day event has neither
/// (<see cref="IsAllDay"/>). The feature services keep the dates equal to the local dates of the instants in the
/// library's time zone. This is the shape of a Google or iCal event too (<c>date</c> or <c>dateTime</c>), except that
/// calendars store an exclusive end date and this record an inclusive one.
/// </para>
/// <para>
/// <b>Counts.</b> Each count is <c>null</c> when it was not recorded, which is not 0: "0 attended" and "not
/// recorded" are different answers in the report.
/// </para>
/// </summary>
public class OutreachEvent : TrackedEntity
{
    private DateTimeOffset? _startsAt;
    private DateTimeOffset? _endsAt;

    public string Title { get; set; } = "";

    public Guid TypeId { get; set; }

    public EventType? Type { get; set; }

    /// <summary>First day, in the library's time zone.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day (inclusive), in the library's time zone; equals <see cref="StartDate"/> for a one-day event.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>Start instant of a timed event, kept in UTC (see <see cref="OutreachTime.Utc(DateTimeOffset?)"/>); null for an all-day event.</summary>
    public DateTimeOffset? StartsAt { get => _startsAt; set => _startsAt = OutreachTime.Utc(value); }

    /// <summary>End instant of a timed event (optional even then: "the council meeting started at 7"), kept in UTC.</summary>
    public DateTimeOffset? EndsAt { get => _endsAt; set => _endsAt = OutreachTime.Utc(value); }

    /// <summary>True when the event has dates but no times.</summary>
    public bool IsAllDay => StartsAt is null;

    public string? Location { get; set; }

    public Guid? BranchId { get; set; }

    public Branch? Branch { get; set; }

    public LibraryRole LibraryRole { get; set; } = LibraryRole.ParticipantGuest;

    /// <summary>Null when not recorded.</summary>
    public AudienceAgeGroup? AudienceAgeGroup { get; set; }

    public EventSetting Setting { get; set; } = EventSetting.Offsite;

    /// <summary>People who attended; null when not recorded (not 0).</summary>
    public int? Attendance { get; set; }

    /// <summary>Null when not recorded (not 0).</summary>
    public int? LibraryCardsIssued { get; set; }

    /// <summary>Null when not recorded (not 0).</summary>
    public int? ItemsCheckedOut { get; set; }

    /// <summary>Null when not recorded (not 0).</summary>
    public int? MaterialsHandedOut { get; set; }

    public string? Notes { get; set; }

    public string? Outcomes { get; set; }

    public EventSource Source { get; set; } = EventSource.Manual;

    public List<OutreachEventStaff> Staff { get; set; } = [];

    public List<OutreachEventOrganization> Organizations { get; set; } = [];

    public List<OutreachEventContact> Contacts { get; set; } = [];

    public List<OutreachEventTag> Tags { get; set; } = [];
}

/// <summary>A tag on an event (the same admin-managed tags as contacts and organizations).</summary>
public class OutreachEventTag
{
    public Guid EventId { get; set; }

    public Guid TagId { get; set; }

    public Tag? Tag { get; set; }
}

/// <summary>A staff member who was at an event.</summary>
public class OutreachEventStaff
{
    public Guid EventId { get; set; }

    public string UserId { get; set; } = "";

    public StaffUser? User { get; set; }
}

/// <summary>An organization involved in an event.</summary>
public class OutreachEventOrganization
{
    public Guid EventId { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }
}

/// <summary>A contact met at an event.</summary>
public class OutreachEventContact
{
    public Guid EventId { get; set; }

    public Guid ContactId { get; set; }

    public Contact? Contact { get; set; }
}

/// <summary>Which side started a touchpoint: the heart of the "two-way road" health of a relationship.</summary>
public enum InitiatedBy
{
    Library = 0,
    Partner = 1,
    Mutual = 2,
}

/// <summary>
/// One touchpoint with a contact and/or an organization (at least one of the two; a check constraint holds it):
/// a call, an email, a chat at the farmers market.
/// </summary>
public class Interaction : TrackedEntity
{
    private DateTimeOffset _occurredAt;

    /// <summary>When it happened, kept in UTC (see <see cref="OutreachTime.Utc(DateTimeOffset)"/>).</summary>
    public DateTimeOffset OccurredAt { get => _occurredAt; set => _occurredAt = OutreachTime.Utc(value); }

    public ContactChannel Channel { get; set; }

    public InitiatedBy InitiatedBy { get; set; }

    /// <summary>The staff member who had the touch.</summary>
    public string StaffUserId { get; set; } = "";

    public StaffUser? StaffUser { get; set; }

    public Guid? ContactId { get; set; }

    public Contact? Contact { get; set; }

    public Guid? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>The event it happened at, if any.</summary>
    public Guid? EventId { get; set; }

    public OutreachEvent? Event { get; set; }

    public string Summary { get; set; } = "";

    public string? Notes { get; set; }
}

/// <summary>A task with a due date and an assignee, optionally about a contact, an organization or an event.</summary>
public class FollowUp : TrackedEntity
{
    public string Title { get; set; } = "";

    /// <summary>A calendar day in the library's time zone.</summary>
    public DateOnly DueDate { get; set; }

    public string AssigneeId { get; set; } = "";

    public StaffUser? Assignee { get; set; }

    public Guid? ContactId { get; set; }

    public Contact? Contact { get; set; }

    public Guid? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public Guid? EventId { get; set; }

    public OutreachEvent? Event { get; set; }

    /// <summary>Null while open.</summary>
    public DateTimeOffset? DoneAt { get; set; }

    public string? DoneById { get; set; }

    public StaffUser? DoneBy { get; set; }
}
