using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.FollowUps;

/// <summary>Where a follow-up stands on a given day (in the library's calendar).</summary>
public enum FollowUpState
{
    Overdue = 0,
    DueToday = 1,
    Upcoming = 2,
    Done = 3,
}

/// <summary>What the "all follow-ups" list shows.</summary>
public enum FollowUpStateFilter
{
    Open = 0,
    Overdue = 1,
    DueToday = 2,
    Upcoming = 3,
    Done = 4,
    All = 5,
}

/// <summary>What a person types into the follow-up dialog.</summary>
public sealed class FollowUpInput
{
    public string Title { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    public string? AssigneeId { get; set; }

    public Guid? ContactId { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? EventId { get; set; }
}

/// <summary>One follow-up as lists and the dialog show it.</summary>
public sealed record FollowUpView(
    Guid Id,
    string Title,
    DateOnly DueDate,
    string AssigneeId,
    string AssigneeName,
    Guid? ContactId,
    string? ContactName,
    Guid? OrganizationId,
    string? OrganizationName,
    Guid? EventId,
    string? EventTitle,
    DateTimeOffset? DoneAt,
    string? DoneByName,
    FollowUpState State,
    bool CanEdit,
    Guid Version);

/// <summary>The supervisors' list of everyone's follow-ups.</summary>
public sealed record FollowUpQuery(string? AssigneeId = null, FollowUpStateFilter State = FollowUpStateFilter.Open, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record FollowUpResults(int Total, IReadOnlyList<FollowUpView> Rows);

/// <summary>The state and the order of follow-ups: overdue first, then due today, then upcoming, then done.</summary>
public static class FollowUpOrder
{
    public static FollowUpState State(DateOnly dueDate, DateTimeOffset? doneAt, DateOnly today) =>
        doneAt is not null ? FollowUpState.Done
        : FollowUpRules.IsOverdue(dueDate, doneAt, today) ? FollowUpState.Overdue
        : FollowUpRules.IsDue(dueDate, doneAt, today) ? FollowUpState.DueToday
        : FollowUpState.Upcoming;

    public static FollowUpState State(FollowUp followUp, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return State(followUp.DueDate, followUp.DoneAt, today);
    }

    /// <summary>
    /// "My follow-ups" order: by state (overdue, due today, upcoming, done); open ones by due date (the oldest overdue
    /// first), done ones most recently done first; then by title.
    /// </summary>
    public static IEnumerable<FollowUpView> Sort(IEnumerable<FollowUpView> followUps) =>
        followUps.OrderBy(f => f.State)
            .ThenBy(f => f.State == FollowUpState.Done ? DateOnly.MinValue : f.DueDate)
            .ThenByDescending(f => f.DoneAt)
            .ThenBy(f => f.Title, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(f => f.Id);
}

/// <summary>
/// Tells the components of one circuit (the navigation badge, the bell) that follow-ups changed, so they count again.
/// Scoped: one per circuit.
/// </summary>
public sealed class FollowUpChanges
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
