using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>How <see cref="ContactQuery"/> orders the list.</summary>
public enum ContactSort
{
    /// <summary>Last name, then first name.</summary>
    Name = 0,

    /// <summary>Name of the current organization (first alphabetically).</summary>
    Organization = 1,

    /// <summary>Last change.</summary>
    Updated = 2,
}

/// <summary>Filters, order and paging for <see cref="IContactService.ListAsync"/>. Every filter is optional.</summary>
public sealed record ContactQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    /// <summary>Prefix of the display name, first or last name, an email address or a phone number's digits.</summary>
    public string? Text { get; init; }

    public Guid? TagId { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>Contacts currently affiliated with this organization.</summary>
    public Guid? OrganizationId { get; init; }

    public bool IncludeArchived { get; init; }

    public ContactSort Sort { get; init; }

    public bool Descending { get; init; }

    /// <summary>Zero-based page index.</summary>
    public int Page { get; init; }

    /// <summary>Rows per page, at most <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>A staff member who can own a record.</summary>
public sealed record StaffOption(string Id, string DisplayName);

public sealed record ContactRow(
    Guid Id,
    string DisplayName,
    string? Title,
    string? PrimaryEmail,
    string? PrimaryPhone,
    IReadOnlyList<string> Organizations,
    IReadOnlyList<TagChip> Tags,
    string? OwnerName,
    bool IsArchived);

public sealed record ContactResults(int Total, IReadOnlyList<ContactRow> Rows);

public sealed record ContactEmailView(string Address, string? Label, bool IsPrimary);

public sealed record ContactPhoneView(string Number, string? Label, bool IsPrimary);

public sealed record AffiliationView(
    Guid Id,
    Guid ContactId,
    string ContactName,
    Guid OrganizationId,
    string OrganizationName,
    string? Role,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? CreatedById)
{
    public bool IsCurrent => EndDate is null;
}

public sealed record ContactDetail(
    Guid Id,
    Guid Version,
    string FirstName,
    string LastName,
    string DisplayName,
    string? Title,
    IReadOnlyList<ContactEmailView> Emails,
    IReadOnlyList<ContactPhoneView> Phones,
    ContactChannel? PreferredChannel,
    string? OwnerId,
    string? OwnerName,
    IReadOnlyList<TagChip> Tags,
    IReadOnlyList<AffiliationView> Affiliations,
    string? Notes,
    bool IsArchived,
    DateTimeOffset? ArchivedAt,
    bool CanEdit,
    bool CanDelete)
{
    /// <summary>The current person may merge a duplicate into this contact (<see cref="RecordPermissions.CanMerge"/>).</summary>
    public bool CanMerge { get; init; }

    /// <summary>A form model filled with this contact's values, for editing.</summary>
    public ContactInput ToInput() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        DisplayName = DisplayName,
        Title = Title,
        Emails = Emails.Select(e => new ContactEmailInput { Address = e.Address, Label = e.Label, IsPrimary = e.IsPrimary }).ToList(),
        Phones = Phones.Select(p => new ContactPhoneInput { Number = p.Number, Label = p.Label, IsPrimary = p.IsPrimary }).ToList(),
        PreferredChannel = PreferredChannel,
        OwnerId = OwnerId,
        TagIds = Tags.Select(t => t.Id).ToList(),
        Notes = Notes,
    };
}

/// <summary>What a person typed into the contact form (also the form model).</summary>
public sealed class ContactInput
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>Optional: "First Last" when blank.</summary>
    public string? DisplayName { get; set; }

    public string? Title { get; set; }

    public List<ContactEmailInput> Emails { get; set; } = [];

    public List<ContactPhoneInput> Phones { get; set; } = [];

    public ContactChannel? PreferredChannel { get; set; }

    public string? OwnerId { get; set; }

    public List<Guid> TagIds { get; set; } = [];

    public string? Notes { get; set; }
}

public sealed class ContactEmailInput
{
    public string? Address { get; set; }

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }
}

public sealed class ContactPhoneInput
{
    public string? Number { get; set; }

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }
}
