namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>Thrown when a record does not exist (or was deleted, or merged away): pages show "not found".</summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException()
        : base("That record no longer exists.")
    {
    }

    public RecordNotFoundException(string message)
        : base(message)
    {
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
