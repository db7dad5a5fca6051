using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Organizations;

public enum OrganizationSort
{
    Name,
    Type,
    Level,
    Updated,
}

/// <summary>One page of the organizations list. <see cref="Page"/> is zero-based; page size is capped at 100.</summary>
public sealed record OrganizationQuery
{
    public const int MaxPageSize = 100;

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    public OrganizationSort Sort { get; init; } = OrganizationSort.Name;

    public bool Descending { get; init; }

    public string? Text { get; init; }

    public Guid? TypeId { get; init; }

    public PartnershipLevel? Level { get; init; }

    public Guid? TagId { get; init; }

    public string? OwnerId { get; init; }

    public bool IncludeArchived { get; init; }
}

public sealed record OrganizationRow(
    Guid Id,
    string Name,
    string TypeName,
    PartnershipLevel Level,
    string? OwnerName,
    IReadOnlyList<TagChip> Tags,
    bool IsArchived,
    DateTimeOffset UpdatedAt);

public sealed record OrganizationListResult(int TotalCount, IReadOnlyList<OrganizationRow> Rows);

public sealed record StaffRef(string Id, string DisplayName);

public sealed record TypeRef(Guid Id, string Name);

public sealed record OrganizationChoices(IReadOnlyList<TypeRef> Types, IReadOnlyList<TagChip> Tags, IReadOnlyList<StaffRef> Staff);

public sealed record AffiliationItem(Guid Id, Guid ContactId, string ContactName, string? Role, DateOnly? StartDate, DateOnly? EndDate);

public sealed record CommitteeSeatItem(Guid Id, string StaffName, string Role, DateOnly? TermStart, DateOnly? TermEnd, string? MeetingCadence);

public sealed record OrganizationDetail(
    Guid Id,
    string Name,
    Guid TypeId,
    string TypeName,
    PartnershipLevel Level,
    string? Website,
    IReadOnlyList<string> EmailDomains,
    string? Phone,
    string? Email,
    string? Address,
    string? Notes,
    StaffRef? Owner,
    IReadOnlyList<StaffRef> CoOwners,
    IReadOnlyList<TagChip> Tags,
    IReadOnlyList<AffiliationItem> Affiliations,
    IReadOnlyList<CommitteeSeatItem> CommitteeSeats,
    bool IsArchived,
    DateTimeOffset UpdatedAt,
    Guid Version,
    bool CanEdit,
    bool CanDelete)
{
    /// <summary>The current person may merge a duplicate into this organization (<see cref="RecordPermissions.CanMerge"/>).</summary>
    public bool CanMerge { get; init; }

    public OrganizationInput ToInput() => new()
    {
        Name = Name,
        TypeId = TypeId,
        Level = Level,
        Website = Website,
        EmailDomains = [.. EmailDomains],
        Phone = Phone,
        Email = Email,
        Address = Address,
        Notes = Notes,
        OwnerId = Owner?.Id,
        CoOwnerIds = [.. CoOwners.Select(c => c.Id)],
        TagIds = [.. Tags.Select(t => t.Id)],
    };
}

/// <summary>What a person types in the organization dialog.</summary>
public sealed class OrganizationInput
{
    public string Name { get; set; } = "";

    public Guid TypeId { get; set; }

    public PartnershipLevel Level { get; set; }

    public string? Website { get; set; }

    public List<string> EmailDomains { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? Notes { get; set; }

    public string? OwnerId { get; set; }

    public List<string> CoOwnerIds { get; set; } = [];

    public List<Guid> TagIds { get; set; } = [];
}

public static class PartnershipLevels
{
    public static string Label(PartnershipLevel level) => level switch
    {
        PartnershipLevel.FormalPartner => "Formal partner",
        _ => level.ToString(),
    };
}
