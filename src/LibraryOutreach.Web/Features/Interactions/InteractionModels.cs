using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>What a person typed into "Log a touch" (also the form model and the draft kept in the browser).</summary>
public sealed class InteractionInput
{
    public Guid? ContactId { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>What the "who" field shows for the chosen contact or organization (kept with a draft).</summary>
    public string? PartyName { get; set; }

    public ContactChannel? Channel { get; set; }

    /// <summary>Required: the form offers no default, so nobody records "library" by accident.</summary>
    public InitiatedBy? InitiatedBy { get; set; }

    public string? Summary { get; set; }

    public string? Notes { get; set; }

    /// <summary>The day, in the library's time zone; null means "now".</summary>
    public DateTime? Date { get; set; }

    /// <summary>The wall-clock time on <see cref="Date"/> in the library's time zone.</summary>
    public TimeSpan? Time { get; set; }

    /// <summary>The event it happened at, if any.</summary>
    public Guid? EventId { get; set; }
}

/// <summary>How <see cref="InteractionQuery"/> orders the list.</summary>
public enum InteractionSort
{
    /// <summary>When it happened.</summary>
    OccurredAt = 0,

    Channel = 1,

    InitiatedBy = 2,

    Summary = 3,
}

/// <summary>Filters, order and paging of the interactions list; every filter is optional.</summary>
public sealed record InteractionQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    /// <summary>First day (library time zone), inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (library time zone), inclusive.</summary>
    public DateOnly? To { get; init; }

    public ContactChannel? Channel { get; init; }

    public InitiatedBy? InitiatedBy { get; init; }

    public string? StaffUserId { get; init; }

    /// <summary>Part of the contact's or the organization's name.</summary>
    public string? Text { get; init; }

    public Guid? ContactId { get; init; }

    public Guid? OrganizationId { get; init; }

    public InteractionSort Sort { get; init; }

    /// <summary>Newest first by default.</summary>
    public bool Descending { get; init; } = true;

    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One interaction in a list; <see cref="OccurredAt"/> is in the library's time zone.</summary>
public sealed record InteractionRow(
    Guid Id,
    Guid Version,
    DateTimeOffset OccurredAt,
    ContactChannel Channel,
    InitiatedBy InitiatedBy,
    string StaffUserId,
    string StaffName,
    Guid? ContactId,
    string? ContactName,
    Guid? OrganizationId,
    string? OrganizationName,
    string Summary,
    bool CanEdit);

public sealed record InteractionResults(int Total, IReadOnlyList<InteractionRow> Rows);

/// <summary>One interaction with everything the edit form needs; <see cref="OccurredAt"/> is in the library's time zone.</summary>
public sealed record InteractionDetail(
    Guid Id,
    Guid Version,
    DateTimeOffset OccurredAt,
    ContactChannel Channel,
    InitiatedBy InitiatedBy,
    string StaffName,
    Guid? ContactId,
    string? ContactName,
    Guid? OrganizationId,
    string? OrganizationName,
    Guid? EventId,
    string? EventTitle,
    string Summary,
    string? Notes,
    bool CanEdit)
{
    /// <summary>A form model filled with this interaction's values.</summary>
    public InteractionInput ToInput() => new()
    {
        ContactId = ContactId,
        OrganizationId = OrganizationId,
        PartyName = InteractionText.PartyName(ContactName, OrganizationName),
        Channel = Channel,
        InitiatedBy = InitiatedBy,
        Summary = Summary,
        Notes = Notes,
        Date = OccurredAt.Date,
        Time = new TimeSpan(OccurredAt.Hour, OccurredAt.Minute, 0),
        EventId = EventId,
    };
}

/// <summary>A contact or an organization the "who" field offers. A contact carries its current organization.</summary>
public sealed record PartyOption(Guid? ContactId, Guid? OrganizationId, string Name, string? OrganizationName)
{
    public bool IsContact => ContactId is not null;

    /// <summary>As the field shows it: "Marge Simpson (Springfield Elementary)".</summary>
    public string Label => InteractionText.PartyName(IsContact ? Name : null, IsContact ? OrganizationName : Name) ?? Name;
}

/// <summary>What a "Recent outreach" entry is.</summary>
public enum RecentOutreachKind
{
    Interaction = 0,
    Event = 1,
}

/// <summary>One interaction or event on a contact's or organization's page; <see cref="At"/> in the library's time zone.</summary>
public sealed record RecentOutreachItem(RecentOutreachKind Kind, Guid Id, DateTimeOffset At, bool IsAllDay, string Title, string? Detail, string Url);
