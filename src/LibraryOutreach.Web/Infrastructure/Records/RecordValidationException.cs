namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>
/// A record (organization, contact, tag…) that can't be saved, with one message per field name (e.g.
/// <c>nameof(OrganizationInput.Name)</c>) so forms can show each beside its input. Nothing was saved.
/// </summary>
public sealed class RecordValidationException : Exception
{
    public RecordValidationException()
        : this(new Dictionary<string, string>(StringComparer.Ordinal) { [""] = "The record is not valid." })
    {
    }

    public RecordValidationException(string message)
        : this(new Dictionary<string, string>(StringComparer.Ordinal) { [""] = message })
    {
    }

    public RecordValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = message };
    }

    public RecordValidationException(IReadOnlyDictionary<string, string> errors)
        : base(string.Join(" ", (errors ?? throw new ArgumentNullException(nameof(errors))).Values))
    {
        Errors = errors;
    }

    /// <summary>Field name → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }
}
