namespace LibraryOutreach.Data.Entities;

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";

    /// <summary>
    /// Written by the merge services (not the interceptor) on the surviving record: a duplicate was merged into it.
    /// The field-level changes of the same save are recorded as usual.
    /// </summary>
    public const string Merged = "Merged";
}
