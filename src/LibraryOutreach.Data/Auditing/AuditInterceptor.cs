using System.Globalization;
using System.Text.Json;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibraryOutreach.Data.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every create, update and delete in the same SaveChanges
/// (so the audit row commits or rolls back with the change). Keys of audited entities are generated
/// on the client (GUIDs), so they are known before the insert.
/// </summary>
public sealed class AuditInterceptor(IAuditUserProvider userProvider, TimeProvider timeProvider) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Synchronous saves have no async user lookup: attribute them to the system.
        AddAuditEntries(eventData.Context, AuditUser.System);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && HasAuditedChanges(context))
        {
            var user = await userProvider.GetCurrentAsync(cancellationToken);
            AddAuditEntries(context, user);
        }

        return result;
    }

    private static bool HasAuditedChanges(DbContext context)
    {
        var only = AuditOnly(context);
        return context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e, only));
    }

    /// <summary>The entity types a bulk operation limited this context's audit to (<see cref="OutreachDbContext.AuditOnly"/>), or null for all.</summary>
    private static IReadOnlySet<Type>? AuditOnly(DbContext context) => (context as OutreachDbContext)?.AuditOnly;

    private static bool IsAudited(EntityEntry entry, IReadOnlySet<Type>? only) =>
        entry.Metadata.IsAudited() && (only is null || only.Contains(entry.Metadata.ClrType));

    private void AddAuditEntries(DbContext? context, AuditUser user)
    {
        if (context is null)
        {
            return;
        }

        // Like SaveChanges itself: a caller that turned automatic detection off has told the context about its changes
        // (bulk work such as an import, where each detection pass reads tens of thousands of tracked entries).
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var only = AuditOnly(context);
        var now = timeProvider.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (!IsAudited(entry, only) || entry.State is EntityState.Detached or EntityState.Unchanged)
            {
                continue;
            }

            var changes = CollectChanges(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                At = now,
                UserId = user.UserId,
                UserName = user.Name,
                Action = entry.State switch
                {
                    EntityState.Added => AuditActions.Created,
                    EntityState.Deleted => AuditActions.Deleted,
                    _ => AuditActions.Updated,
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
            });
        }

        context.Set<AuditEntry>().AddRange(entries);
    }

    private static List<AuditChange> CollectChanges(EntityEntry entry)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var mode = property.Metadata.GetAuditMode();
            if (mode == AuditMode.Ignored)
            {
                continue;
            }

            string? oldValue = null;
            string? newValue = null;
            switch (entry.State)
            {
                case EntityState.Added:
                    newValue = Format(property.CurrentValue);
                    if (newValue is null)
                    {
                        continue;
                    }

                    break;
                case EntityState.Deleted:
                    oldValue = Format(property.OriginalValue);
                    break;
                case EntityState.Modified:
                    if (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue))
                    {
                        continue;
                    }

                    oldValue = Format(property.OriginalValue);
                    newValue = Format(property.CurrentValue);
                    break;
                default:
                    continue;
            }

            if (mode == AuditMode.Secret)
            {
                oldValue = oldValue is null ? null : "(hidden)";
                newValue = newValue is null ? null : "(hidden)";
            }

            changes.Add(new AuditChange(property.Metadata.Name, oldValue, newValue));
        }

        return changes;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join("|", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue) ?? ""));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
