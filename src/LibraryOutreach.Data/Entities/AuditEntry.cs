namespace LibraryOutreach.Data.Entities;

/// <summary>One audited change: who, when, which entity, and the field-level old and new values.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    /// <summary>Display name (or "system") at the time of the change, kept so history reads well after renames.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Created, Updated or Deleted (by the interceptor), or Merged (see <see cref="AuditActions.Merged"/>).</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>JSON array of <see cref="AuditChange"/>.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>One field's change inside an <see cref="AuditEntry"/>.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);
