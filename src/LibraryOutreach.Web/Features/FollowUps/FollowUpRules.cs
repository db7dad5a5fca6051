using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.FollowUps;

/// <summary>
/// What every follow-up needs, wherever it is written (its own dialog, inline on "Log a meeting", on "Log a touch"):
/// a title, a due date and an assignee. One place, so the messages are the same everywhere.
/// </summary>
public static class FollowUpRules
{
    public const int TitleMaxLength = 200;

    public const string TitleRequired = "Say what needs doing.";

    public const string DueDateRequired = "Choose a due date.";

    public const string AssigneeRequired = "Choose who will do it.";

    /// <summary>
    /// Field messages for one follow-up, keyed by <paramref name="prefix"/> + the field name (<c>Title</c>,
    /// <c>DueDate</c>, <c>AssigneeId</c>) so a form holding several can place each beside its input. Empty when valid.
    /// </summary>
    public static Dictionary<string, string> Validate(string? title, DateOnly? dueDate, string? assigneeId, string prefix = "")
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(title))
        {
            errors[prefix + "Title"] = TitleRequired;
        }
        else if (title.Trim().Length > TitleMaxLength)
        {
            errors[prefix + "Title"] = $"Keep it under {TitleMaxLength} characters.";
        }

        if (dueDate is null)
        {
            errors[prefix + "DueDate"] = DueDateRequired;
        }

        if (string.IsNullOrWhiteSpace(assigneeId))
        {
            errors[prefix + "AssigneeId"] = AssigneeRequired;
        }

        return errors;
    }

    /// <summary>Throws <see cref="RecordValidationException"/> when <see cref="Validate"/> finds anything.</summary>
    public static void ThrowIfInvalid(string? title, DateOnly? dueDate, string? assigneeId)
    {
        var errors = Validate(title, dueDate, assigneeId);
        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }
    }

    /// <summary>Open and past its due date (in the library's calendar): overdue.</summary>
    public static bool IsOverdue(DateOnly dueDate, DateTimeOffset? doneAt, DateOnly today) => doneAt is null && dueDate < today;

    /// <summary>Open and due today or earlier.</summary>
    public static bool IsDue(DateOnly dueDate, DateTimeOffset? doneAt, DateOnly today) => doneAt is null && dueDate <= today;
}
