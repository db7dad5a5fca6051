namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>One field that someone else changed since this person opened the record.</summary>
public sealed record FieldDifference(string Field, string? TheirValue, string? YourValue);

/// <summary>
/// Thrown by a service when a save is based on an out-of-date copy (the record's version changed). Carries what
/// the other person changed, so the page can show it and offer to reload. Nothing was saved.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : this("Someone else changed this record while you were editing it. Nothing was saved.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConcurrencyConflictException(IReadOnlyList<FieldDifference> differences, string? changedBy)
        : this(changedBy is null
            ? "Someone else changed this record while you were editing it. Nothing was saved."
            : $"{changedBy} changed this record while you were editing it. Nothing was saved.")
    {
        Differences = differences;
        ChangedBy = changedBy;
    }

    public IReadOnlyList<FieldDifference> Differences { get; } = [];

    public string? ChangedBy { get; }
}
