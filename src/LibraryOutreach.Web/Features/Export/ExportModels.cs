namespace LibraryOutreach.Web.Features.Export;

/// <summary>The whole-data export, schema version 1 (docs/export-format.md). No password hashes, tokens or keys.</summary>
public sealed record DataExport(
    int SchemaVersion,
    DateTimeOffset ExportedAt,
    string LibraryName,
    IReadOnlyList<ExportedOrganizationType> OrganizationTypes,
    IReadOnlyList<ExportedTag> Tags,
    IReadOnlyList<ExportedOrganization> Organizations,
    IReadOnlyList<ExportedContact> Contacts,
    IReadOnlyList<ExportedAffiliation> Affiliations,
    IReadOnlyList<ExportedCommitteeSeat> CommitteeSeats,
    IReadOnlyList<ExportedStaffMember> Staff,
    IReadOnlyList<ExportedImportBatch> ImportBatches,
    IReadOnlyList<ExportedChoiceEntry> Branches,
    IReadOnlyList<ExportedChoiceEntry> EventTypes,
    IReadOnlyList<ExportedEvent> Events,
    IReadOnlyList<ExportedInteraction> Interactions,
    IReadOnlyList<ExportedFollowUp> FollowUps,
    IReadOnlyList<ExportedCadenceRule> CadenceRules,
    IReadOnlyList<ExportedCalendarConnection> CalendarConnections)
{
    public const int CurrentSchemaVersion = 1;
}

public sealed record ExportedOrganizationType(Guid Id, string Name, int SortOrder, bool IsArchived);

public sealed record ExportedTag(Guid Id, string Name, string Color, bool IsArchived);

public sealed record ExportedOrganization(
    Guid Id,
    string Name,
    Guid TypeId,
    string PartnershipLevel,
    string? Website,
    IReadOnlyList<string> EmailDomains,
    string? Phone,
    string? Email,
    string? Address,
    string? Notes,
    string? OwnerId,
    IReadOnlyList<string> CoOwnerIds,
    IReadOnlyList<Guid> TagIds,
    bool IsArchived,
    DateTimeOffset? ArchivedAt,
    Guid? MergedIntoId,
    DateTimeOffset CreatedAt,
    string? CreatedById,
    DateTimeOffset UpdatedAt,
    string? UpdatedById,
    int? CadenceIdealDays,
    int? CadenceMaxDays);

public sealed record ExportedEmail(string Address, string? Label, bool IsPrimary);

public sealed record ExportedPhone(string Number, string? Label, bool IsPrimary);

public sealed record ExportedContact(
    Guid Id,
    string FirstName,
    string LastName,
    string DisplayName,
    string? Title,
    IReadOnlyList<ExportedEmail> Emails,
    IReadOnlyList<ExportedPhone> Phones,
    string? PreferredChannel,
    string? Notes,
    string? OwnerId,
    IReadOnlyList<Guid> TagIds,
    bool IsArchived,
    DateTimeOffset? ArchivedAt,
    Guid? MergedIntoId,
    DateTimeOffset CreatedAt,
    string? CreatedById,
    DateTimeOffset UpdatedAt,
    string? UpdatedById,
    int? CadenceIdealDays,
    int? CadenceMaxDays);

public sealed record ExportedAffiliation(Guid Id, Guid ContactId, Guid OrganizationId, string? Role, DateOnly? StartDate, DateOnly? EndDate);

public sealed record ExportedCommitteeSeat(
    Guid Id,
    string StaffUserId,
    Guid OrganizationId,
    string Role,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    string? MeetingCadence,
    string? Notes);

public sealed record ExportedStaffMember(
    string Id,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? DeactivatedAt);

public sealed record ExportedImportItem(string EntityType, Guid EntityId, string Action);

public sealed record ExportedImportBatch(
    Guid Id,
    string Kind,
    string FileName,
    string Format,
    int RowCount,
    int AddedCount,
    int MergedCount,
    int SkippedCount,
    DateTimeOffset CreatedAt,
    string? CreatedById,
    DateTimeOffset? UndoneAt,
    string? UndoneById,
    IReadOnlyList<ExportedImportItem> Items);

/// <summary>A branch or an event type (admin-editable lists).</summary>
public sealed record ExportedChoiceEntry(Guid Id, string Name, int SortOrder, bool IsArchived);

public sealed record ExportedEvent(
    Guid Id,
    string Title,
    Guid TypeId,
    DateOnly StartDate,
    DateOnly EndDate,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    Guid? BranchId,
    string LibraryRole,
    string? AudienceAgeGroup,
    string Setting,
    int? Attendance,
    int? LibraryCardsIssued,
    int? ItemsCheckedOut,
    int? MaterialsHandedOut,
    string? Notes,
    string? Outcomes,
    string Source,
    IReadOnlyList<string> StaffIds,
    IReadOnlyList<Guid> OrganizationIds,
    IReadOnlyList<Guid> ContactIds,
    IReadOnlyList<Guid> TagIds,
    DateTimeOffset CreatedAt,
    string? CreatedById,
    DateTimeOffset UpdatedAt,
    string? UpdatedById);

public sealed record ExportedInteraction(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Channel,
    string InitiatedBy,
    string StaffUserId,
    Guid? ContactId,
    Guid? OrganizationId,
    Guid? EventId,
    string Summary,
    string? Notes,
    DateTimeOffset CreatedAt,
    string? CreatedById,
    DateTimeOffset UpdatedAt,
    string? UpdatedById);

public sealed record ExportedFollowUp(
    Guid Id,
    string Title,
    DateOnly DueDate,
    string AssigneeId,
    Guid? ContactId,
    Guid? OrganizationId,
    Guid? EventId,
    DateTimeOffset? DoneAt,
    string? DoneById,
    DateTimeOffset CreatedAt,
    string? CreatedById,
    DateTimeOffset UpdatedAt,
    string? UpdatedById);

public sealed record ExportedCadenceRule(Guid Id, string? PartnershipLevel, Guid? OrganizationTypeId, int IdealDays, int MaxDays);

/// <summary>A calendar connection without its secret (refresh token or feed address) and without the synced copies.</summary>
public sealed record ExportedCalendarConnection(
    Guid Id,
    string OwnerId,
    string Kind,
    string Name,
    string? AccountEmail,
    string State,
    string Rule,
    string Keyword,
    DateTimeOffset? LastSuccessAt,
    IReadOnlyList<ExportedConnectedCalendar> Calendars);

public sealed record ExportedConnectedCalendar(string ExternalId, string Name, string? TimeZone, bool IsSelected);
