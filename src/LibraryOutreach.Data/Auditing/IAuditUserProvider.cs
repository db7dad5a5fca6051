namespace LibraryOutreach.Data.Auditing;

/// <summary>Who is making the change being saved. The host supplies it (signed-in user, CLI, background worker).</summary>
public interface IAuditUserProvider
{
    ValueTask<AuditUser> GetCurrentAsync(CancellationToken cancellationToken);
}

/// <summary>The author of an audited change. <see cref="UserId"/> is null for the system.</summary>
public sealed record AuditUser(string? UserId, string Name)
{
    public static AuditUser System { get; } = new(null, "system");
}
