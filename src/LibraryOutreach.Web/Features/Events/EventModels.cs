using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>A contact as the attendee picker shows it: the name and their current organization, if any.</summary>
public sealed record ContactOption(Guid Id, string Name, string? Organization);

/// <summary>What the "Log a meeting" form chooses from (active entries only, in their list order).</summary>
public sealed record EventFormChoices(
    IReadOnlyList<ChoiceListItem> Types,
    IReadOnlyList<ChoiceListItem> Branches,
    IReadOnlyList<StaffOption> Staff,
    IReadOnlyList<TagChip> Tags);

/// <summary>A follow-up linked to an event, as the event page shows it.</summary>
public sealed record EventFollowUpView(Guid Id, string Title, DateOnly DueDate, string AssigneeName, DateTimeOffset? DoneAt);

/// <summary>One event with everything the event page shows. Times are in the library's time zone.</summary>
public sealed record EventDetail(
    Guid Id,
    Guid Version,
    string Title,
    Guid TypeId,
    string TypeName,
    DateOnly StartDate,
    DateOnly EndDate,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    Guid? BranchId,
    string? BranchName,
    LibraryRole LibraryRole,
    AudienceAgeGroup? AudienceAgeGroup,
    EventSetting Setting,
    int? Attendance,
    int? LibraryCardsIssued,
    int? ItemsCheckedOut,
    int? MaterialsHandedOut,
    string? Notes,
    string? Outcomes,
    EventSource Source,
    IReadOnlyList<StaffOption> Staff,
    IReadOnlyList<OrganizationOption> Organizations,
    IReadOnlyList<ContactOption> Attendees,
    IReadOnlyList<TagChip> Tags,
    IReadOnlyList<EventFollowUpView> FollowUps,
    bool CanEdit,
    bool CanDelete)
{
    public bool IsAllDay => StartsAt is null;

    /// <summary>Program or outreach, as the state survey counts it (<see cref="LibraryRoles.Category"/>).</summary>
    public SurveyCategory Category => LibraryRoles.Category(LibraryRole);

    /// <summary>A form model with this event's values, for editing. Follow-ups already linked are not in it (only new ones are added).</summary>
    public EventInput ToInput() => new()
    {
        Title = Title,
        TypeId = TypeId,
        StartDate = StartDate,
        EndDate = EndDate == StartDate ? null : EndDate,
        IsAllDay = IsAllDay,
        StartTime = StartsAt is { } s ? TimeOnly.FromDateTime(s.DateTime) : null,
        EndTime = EndsAt is { } e ? TimeOnly.FromDateTime(e.DateTime) : null,
        Location = Location,
        BranchId = BranchId,
        LibraryRole = LibraryRole,
        AudienceAgeGroup = AudienceAgeGroup,
        Setting = Setting,
        StaffIds = Staff.Select(s => s.Id).ToList(),
        Organizations = Organizations.ToList(),
        Attendees = Attendees.ToList(),
        TagIds = Tags.Select(t => t.Id).ToList(),
        Attendance = Attendance,
        LibraryCardsIssued = LibraryCardsIssued,
        ItemsCheckedOut = ItemsCheckedOut,
        MaterialsHandedOut = MaterialsHandedOut,
        Notes = Notes,
        Outcomes = Outcomes,
    };
}

/// <summary>
/// What a person typed into the "Log a meeting" form (also the form model and its draft). Attendees and organizations
/// carry their names so a draft shows them again; only the ids are saved.
/// </summary>
public sealed class EventInput
{
    /// <summary>Optional: the type's name when blank.</summary>
    public string? Title { get; set; }

    public Guid? TypeId { get; set; }

    public DateOnly? StartDate { get; set; }

    /// <summary>Last day of a multi-day event; blank for a one-day event.</summary>
    public DateOnly? EndDate { get; set; }

    public bool IsAllDay { get; set; } = true;

    /// <summary>Wall-clock start in the library's time zone (timed events).</summary>
    public TimeOnly? StartTime { get; set; }

    /// <summary>Optional wall-clock end in the library's time zone (timed events).</summary>
    public TimeOnly? EndTime { get; set; }

    public string? Location { get; set; }

    public Guid? BranchId { get; set; }

    public LibraryRole LibraryRole { get; set; } = LibraryRole.ParticipantGuest;

    public AudienceAgeGroup? AudienceAgeGroup { get; set; }

    public EventSetting Setting { get; set; } = EventSetting.Offsite;

    public List<string> StaffIds { get; set; } = [];

    public List<OrganizationOption> Organizations { get; set; } = [];

    /// <summary>Contacts already in the app who were there.</summary>
    public List<ContactOption> Attendees { get; set; } = [];

    /// <summary>People met for the first time, created with the event.</summary>
    public List<NewPersonInput> NewPeople { get; set; } = [];

    public List<Guid> TagIds { get; set; } = [];

    public int? Attendance { get; set; }

    public int? LibraryCardsIssued { get; set; }

    public int? ItemsCheckedOut { get; set; }

    public int? MaterialsHandedOut { get; set; }

    public string? Notes { get; set; }

    public string? Outcomes { get; set; }

    /// <summary>New follow-ups, linked to the event when it is saved.</summary>
    public List<InlineFollowUpInput> FollowUps { get; set; } = [];
}

/// <summary>A person added inline on the form: a new contact, with an affiliation when an organization is chosen.</summary>
public sealed class NewPersonInput
{
    /// <summary>"First Last"; the last word is the last name.</summary>
    public string? Name { get; set; }

    public OrganizationOption? Organization { get; set; }

    public string? Email { get; set; }
}

/// <summary>A follow-up added inline on the form (validated by <see cref="FollowUps.FollowUpRules"/>).</summary>
public sealed class InlineFollowUpInput
{
    public string? Title { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? AssigneeId { get; set; }
}
