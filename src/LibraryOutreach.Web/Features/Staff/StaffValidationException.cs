namespace LibraryOutreach.Web.Features.Staff;

/// <summary>
/// A staff or invitation request that can't be carried out, with messages keyed by field name (e.g.
/// <c>nameof(InviteStaffRequest.Email)</c>) so forms can show them beside the field. <see cref="FormField"/>
/// holds messages about the request as a whole.
/// </summary>
public sealed class StaffValidationException : Exception
{
    /// <summary>Key for a message that belongs to no single field.</summary>
    public const string FormField = "";

    public StaffValidationException()
        : this(FormField, "The request is not valid.")
    {
    }

    public StaffValidationException(string message)
        : this(FormField, message)
    {
    }

    public StaffValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string>(StringComparer.Ordinal) { [FormField] = message };
    }

    public StaffValidationException(string field, string message)
        : this(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message })
    {
    }

    public StaffValidationException(IReadOnlyDictionary<string, string> errors)
        : base(string.Join(" ", (errors ?? throw new ArgumentNullException(nameof(errors))).Values))
    {
        Errors = errors;
    }

    /// <summary>Field name → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }
}
