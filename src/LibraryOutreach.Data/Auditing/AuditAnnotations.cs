using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Auditing;

/// <summary>How a property appears in the audit log.</summary>
public enum AuditMode
{
    /// <summary>Old and new values are recorded.</summary>
    Recorded = 0,

    /// <summary>A change is recorded, its values never are (password hashes, token hashes, secrets).</summary>
    Secret = 1,

    /// <summary>Not recorded at all (bookkeeping such as concurrency stamps and sign-in times).</summary>
    Ignored = 2,
}

public static class AuditAnnotations
{
    public const string ModeAnnotation = "LibraryOutreach:AuditMode";
    public const string EntityIgnoredAnnotation = "LibraryOutreach:AuditIgnored";

    /// <summary>Marks a property whose values must never appear in the audit log.</summary>
    public static PropertyBuilder<T> IsAuditSecret<T>(this PropertyBuilder<T> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(ModeAnnotation, AuditMode.Secret);
    }

    /// <summary>Marks a property whose changes are bookkeeping, not worth an audit entry.</summary>
    public static PropertyBuilder<T> IsAuditIgnored<T>(this PropertyBuilder<T> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(ModeAnnotation, AuditMode.Ignored);
    }

    /// <summary>Marks an entity type that is never audited (the audit log itself, key storage).</summary>
    public static EntityTypeBuilder<T> IsNotAudited<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(EntityIgnoredAnnotation, true);
    }

    public static AuditMode GetAuditMode(this IReadOnlyProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(ModeAnnotation)?.Value is AuditMode mode ? mode : AuditMode.Recorded;
    }

    public static bool IsAudited(this IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return entityType.FindAnnotation(EntityIgnoredAnnotation)?.Value is not true;
    }
}
