namespace LibraryOutreach.Web.Features.Events;

/// <summary>How the events list is ordered.</summary>
public enum EventListSort
{
    /// <summary>First day, then start time.</summary>
    Date = 0,

    Title = 1,

    Type = 2,
}

/// <summary>The events list's filters (also the month view's), order and paging; every filter is optional.</summary>
public sealed record EventListQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    /// <summary>Events that end on or after this day (library time zone).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Events that start on or before this day.</summary>
    public DateOnly? To { get; init; }

    public Guid? TypeId { get; init; }

    public Guid? BranchId { get; init; }

    /// <summary>A staff member who was there.</summary>
    public string? StaffUserId { get; init; }

    public Guid? OrganizationId { get; init; }

    public Guid? TagId { get; init; }

    public EventListSort Sort { get; init; }

    /// <summary>Newest first by default.</summary>
    public bool Descending { get; init; } = true;

    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>
/// One event in the list or the month view. Days are the library's calendar days (inclusive end); the instants of a
/// timed event are in the library's time zone; both null for an all-day event.
/// </summary>
public sealed record EventListRow(
    Guid Id,
    string Title,
    string TypeName,
    string? BranchName,
    string? Location,
    DateOnly StartDate,
    DateOnly EndDate,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt)
{
    public bool IsAllDay => StartsAt is null;

    public bool IsMultiDay => EndDate > StartDate;

    public string Url => $"events/{Id}";
}

public sealed record EventListResults(int Total, IReadOnlyList<EventListRow> Rows);

/// <summary>A choice in a filter.</summary>
public sealed record EventFilterChoice(string Id, string Name);

/// <summary>What the filters offer: active types and branches (in order), active tags and staff (by name).</summary>
public sealed record EventListChoices(
    IReadOnlyList<EventFilterChoice> Types,
    IReadOnlyList<EventFilterChoice> Branches,
    IReadOnlyList<EventFilterChoice> Tags,
    IReadOnlyList<EventFilterChoice> Staff);
