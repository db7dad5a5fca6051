using System.Text.Json;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Audit;

/// <summary>
/// Reads the audit log: the whole log for the Admin page (Admins only), and one outreach record's own history for its
/// page (any staff member, like the record itself). Every method checks.
/// </summary>
public sealed class AuditService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard)
{
    /// <summary>Most entries a record's history shows; the audit log has the rest.</summary>
    public const int MaxRecordHistory = 50;

    /// <summary>The kinds of record whose history staff may read on the record's page (outreach records, not accounts).</summary>
    public static readonly IReadOnlySet<string> RecordHistoryTypes = new HashSet<string>(StringComparer.Ordinal) { nameof(Contact), nameof(Organization), nameof(OutreachEvent) };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The changes to one contact or organization itself (its fields, archiving, merges into it), newest first, at most
    /// <see cref="MaxRecordHistory"/>. Any staff member: they can read the record, and account changes are never included.
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> ListForRecordAsync(string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        await guard.RequireAsync(Policies.Staff);
        if (!RecordHistoryTypes.Contains(entityType))
        {
            throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "Only contacts' and organizations' history is shown on their pages.");
        }

        var id = entityId.ToString();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == id)
            .OrderByDescending(a => a.At)
            .ThenByDescending(a => a.Id)
            .Take(MaxRecordHistory)
            .ToListAsync(cancellationToken);
        return rows.Select(ToRow).ToList();
    }

    /// <summary>Changes matching <paramref name="query"/>, newest first, one page at a time.</summary>
    public async Task<AuditSearchResult> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Admin);

        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(a => a.At)
            .ThenByDescending(a => a.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        return new AuditSearchResult(rows.Select(ToRow).ToList(), total, page, pageSize);
    }

    /// <summary>The kinds of record that appear in the log, with friendly labels, for the filter drop-down.</summary>
    public async Task<IReadOnlyList<AuditFilterOption>> ListEntityTypesAsync(CancellationToken cancellationToken)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        return types
            .Select(t => new AuditFilterOption(t, AuditDisplayNames.EntityType(t)))
            .OrderBy(o => o.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Everyone who appears in the log, for the filter drop-down: staff by their current name (falling back to
    /// the name recorded with the change for deleted accounts), and "System" for changes without a person.
    /// </summary>
    public async Task<IReadOnlyList<AuditFilterOption>> ListPeopleAsync(CancellationToken cancellationToken)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var authors = await db.AuditEntries
            .GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Name = g.Max(a => a.UserName) })
            .ToListAsync(cancellationToken);

        var ids = authors.Where(a => a.UserId != null).Select(a => a.UserId!).ToList();
        var current = await db.Users
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        var people = new List<AuditFilterOption>();
        foreach (var author in authors)
        {
            if (author.UserId is null)
            {
                people.Add(new AuditFilterOption(AuditQuery.SystemUserId, "System"));
            }
            else if (current.TryGetValue(author.UserId, out var user))
            {
                people.Add(new AuditFilterOption(author.UserId, $"{user.DisplayName} ({user.Email})"));
            }
            else
            {
                people.Add(new AuditFilterOption(author.UserId, $"{author.Name} (account removed)"));
            }
        }

        return people.OrderBy(p => p.Value == AuditQuery.SystemUserId).ThenBy(p => p.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (query.From is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }

        if (query.Until is { } until)
        {
            entries = entries.Where(a => a.At < until);
        }

        if (query.UserId == AuditQuery.SystemUserId)
        {
            entries = entries.Where(a => a.UserId == null);
        }
        else if (!string.IsNullOrEmpty(query.UserId))
        {
            entries = entries.Where(a => a.UserId == query.UserId);
        }

        if (!string.IsNullOrEmpty(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityIdContains))
        {
#pragma warning disable CA1862 // Translated to SQL: lower() on both sides works on SQLite and PostgreSQL alike.
            var text = query.EntityIdContains.Trim().ToLower();
            entries = entries.Where(a => a.EntityId.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        return entries;
    }

    private static AuditRow ToRow(AuditEntry entry) => new(
        entry.Id,
        entry.At,
        entry.UserId,
        entry.UserName,
        entry.Action,
        entry.EntityType,
        AuditDisplayNames.EntityType(entry.EntityType),
        entry.EntityId,
        ParseChanges(entry.Changes));

    internal static IReadOnlyList<AuditChange> ParseChanges(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<AuditChange>>(json, JsonOptions) ?? [];
        }
        catch (JsonException)
        {
            // A row written by hand or by an older version: show the entry without field details.
            return [];
        }
    }
}
