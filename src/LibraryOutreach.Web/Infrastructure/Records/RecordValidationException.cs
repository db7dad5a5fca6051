namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>
/// A record that can't be saved as given, with messages keyed by field name ("FirstName", "Emails[0]", …) so
/// forms can show each message beside its field.
/// </summary>
public sealed class RecordValidationException : Exception
{
    public RecordValidationException()
        : base("The record is not valid.")
    {
    }

    public RecordValidationException(string message)
        : base(message)
    {
    }

    public RecordValidationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RecordValidationException(IReadOnlyDictionary<string, string> errors)
        : base(string.Join(" ", (errors ?? throw new ArgumentNullException(nameof(errors))).Values))
    {
        Errors = errors;
    }

    /// <summary>Field name → message; empty when the message is about the record as a whole.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; } = new Dictionary<string, string>();
}
