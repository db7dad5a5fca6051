namespace LibraryOutreach.Data.Entities;

/// <summary>How close the library works with an organization.</summary>
public enum PartnershipLevel
{
    Contact = 0,
    Collaborator = 1,
    Sponsor = 2,
    FormalPartner = 3,
}

/// <summary>How a contact prefers to be reached (also the channels of interactions).</summary>
public enum ContactChannel
{
    InPerson = 0,
    Phone = 1,
    Email = 2,
    Video = 3,
    Letter = 4,
    Social = 5,
}

/// <summary>An admin-editable kind of organization (school, town government, …).</summary>
public class OrganizationType : TrackedEntity, IChoiceListEntry
{
    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }
}

/// <summary>An admin-managed label with a colour, on contacts and organizations (events later).</summary>
public class Tag : TrackedEntity, INamedEntry
{
    public string Name { get; set; } = "";

    /// <summary>#rrggbb.</summary>
    public string Color { get; set; } = "#1f5f8b";

    public bool IsArchived { get; set; }
}

/// <summary>A school, town government, nonprofit, business… that the library has a relationship with.</summary>
public class Organization : TrackedEntity
{
    public string Name { get; set; } = "";

    public Guid TypeId { get; set; }

    public OrganizationType? Type { get; set; }

    public PartnershipLevel PartnershipLevel { get; set; }

    public string? Website { get; set; }

    /// <summary>Email domains (e.g. "springfield.k12.us"), one per entry, lower case; used to match calendar attendees.</summary>
    public List<string> EmailDomains { get; set; } = [];

    public string? Phone { get; set; }

    /// <summary>Digits of <see cref="Phone"/> (with a leading + kept), for matching duplicates.</summary>
    public string? PhoneNormalized { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? Notes { get; set; }

    /// <summary>The staff member who owns the relationship.</summary>
    public string? OwnerId { get; set; }

    public StaffUser? Owner { get; set; }

    public List<OrganizationCoOwner> CoOwners { get; set; } = [];

    public List<OrganizationTag> Tags { get; set; } = [];

    public List<Affiliation> Affiliations { get; set; } = [];

    public bool IsArchived { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Set when this record was merged into another (the survivor); merged records are hidden from lists.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>Own stay-in-touch cadence (ideal days between touches); null to use the organization's or the settings'.</summary>
    public int? CadenceIdealDays { get; set; }

    /// <summary>Own maximum days between touches; set together with <see cref="CadenceIdealDays"/>.</summary>
    public int? CadenceMaxDays { get; set; }
}

public class OrganizationCoOwner
{
    public Guid OrganizationId { get; set; }

    public string UserId { get; set; } = "";

    public StaffUser? User { get; set; }
}

public class OrganizationTag
{
    public Guid OrganizationId { get; set; }

    public Guid TagId { get; set; }

    public Tag? Tag { get; set; }
}

/// <summary>A person the library knows.</summary>
public class Contact : TrackedEntity
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>How the person is shown; defaults to "First Last".</summary>
    public string DisplayName { get; set; } = "";

    public string? Title { get; set; }

    public List<ContactEmail> Emails { get; set; } = [];

    public List<ContactPhone> Phones { get; set; } = [];

    public ContactChannel? PreferredChannel { get; set; }

    public string? Notes { get; set; }

    public string? OwnerId { get; set; }

    public StaffUser? Owner { get; set; }

    public List<ContactTag> Tags { get; set; } = [];

    public List<Affiliation> Affiliations { get; set; } = [];

    public bool IsArchived { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public Guid? MergedIntoId { get; set; }

    /// <summary>Own stay-in-touch cadence (ideal days between touches); null to use the organization's or the settings'.</summary>
    public int? CadenceIdealDays { get; set; }

    /// <summary>Own maximum days between touches; set together with <see cref="CadenceIdealDays"/>.</summary>
    public int? CadenceMaxDays { get; set; }
}

public class ContactEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    /// <summary>As typed.</summary>
    public string Address { get; set; } = "";

    /// <summary>Trimmed and lower case, for matching duplicates and calendar attendees.</summary>
    public string NormalizedAddress { get; set; } = "";

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }
}

public class ContactPhone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    /// <summary>As typed.</summary>
    public string Number { get; set; } = "";

    /// <summary>Digits (with a leading + kept), for matching duplicates.</summary>
    public string Normalized { get; set; } = "";

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }
}

public class ContactTag
{
    public Guid ContactId { get; set; }

    public Guid TagId { get; set; }

    public Tag? Tag { get; set; }
}

/// <summary>A contact's role at an organization over a period; ending it keeps the history.</summary>
public class Affiliation : TrackedEntity
{
    public Guid ContactId { get; set; }

    public Contact? Contact { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public string? Role { get; set; }

    public DateOnly? StartDate { get; set; }

    /// <summary>Null while current.</summary>
    public DateOnly? EndDate { get; set; }
}

/// <summary>A staff member's seat on an outside body (a chamber board, a council advisory committee).</summary>
public class CommitteeSeat : TrackedEntity
{
    public string StaffUserId { get; set; } = "";

    public StaffUser? StaffUser { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>Board or committee name and role, e.g. "Board member, Chamber of Commerce".</summary>
    public string Role { get; set; } = "";

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    /// <summary>Free text: "monthly, 2nd Tuesday".</summary>
    public string? MeetingCadence { get; set; }

    public string? Notes { get; set; }
}

/// <summary>One import of contacts or organizations: undoable for 30 days.</summary>
public class ImportBatch : TrackedEntity
{
    /// <summary>"contacts" or "organizations".</summary>
    public string Kind { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>Detected layout: "google", "outlook", "bitrix24", "vcard", "mapped".</summary>
    public string Format { get; set; } = "";

    public int RowCount { get; set; }

    public int AddedCount { get; set; }

    public int MergedCount { get; set; }

    public int SkippedCount { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }

    public string? UndoneById { get; set; }

    public List<ImportBatchItem> Items { get; set; } = [];
}

/// <summary>What one import row did: added a record, or merged into one (with that record's state before).</summary>
public class ImportBatchItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BatchId { get; set; }

    /// <summary>"Contact" or "Organization".</summary>
    public string EntityType { get; set; } = "";

    public Guid EntityId { get; set; }

    /// <summary>"Added" or "Merged".</summary>
    public string Action { get; set; } = "";

    /// <summary>For merges: JSON of the record before the merge, so undo can restore it.</summary>
    public string? PreviousState { get; set; }
}
