namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Thrown when a new account or invitation would exceed <see cref="StaffOptions.MaxAccounts"/>.</summary>
public sealed class StaffLimitReachedException : Exception
{
    public StaffLimitReachedException()
        : base("The staff account limit has been reached.")
    {
    }

    public StaffLimitReachedException(string message)
        : base(message)
    {
    }

    public StaffLimitReachedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static StaffLimitReachedException For(int max) => new(
        $"This library already has {max} active staff accounts and pending invitations, the most allowed. " +
        "Deactivate an account or revoke a pending invitation first (the limit is the Staff:MaxAccounts setting).");
}
