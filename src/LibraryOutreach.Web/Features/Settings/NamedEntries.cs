using System.Globalization;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>The rules shared by the admin-managed named entries (tags and the choice lists).</summary>
internal static class NamedEntries
{
    public static async Task<T> FindAsync<T>(OutreachDbContext db, Guid id, string notFoundMessage, CancellationToken ct)
        where T : class, INamedEntry =>
        await db.Set<T>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new RecordNotFoundException(notFoundMessage);

    /// <summary>Archived entries stay on the records that have them but can't be chosen any more.</summary>
    public static async Task SetArchivedAsync<T>(OutreachDbContext db, Guid id, bool archived, string notFoundMessage, CancellationToken ct)
        where T : class, INamedEntry
    {
        var entry = await FindAsync<T>(db, id, notFoundMessage, ct);
        entry.IsArchived = archived;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Why <paramref name="name"/> (trimmed) can't name the entry <paramref name="id"/> (null for a new one), or null:
    /// required, at most <paramref name="maxLength"/> characters, and unique ignoring case. <paramref name="noun"/> is the
    /// entry in lower case taking the article "a" ("tag", "type", "branch").
    /// </summary>
    public static async Task<string?> NameErrorAsync<T>(OutreachDbContext db, Guid? id, string name, int maxLength, string noun, CancellationToken ct)
        where T : class, INamedEntry
    {
        if (name.Length == 0)
        {
            return "Name is required.";
        }

        if (name.Length > maxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Name can be at most {maxLength} characters.");
        }

        var lower = name.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL: lower() on both sides works on SQLite and PostgreSQL alike.
        var clash = await db.Set<T>().AsNoTracking().Where(t => t.Id != id && t.Name.ToLower() == lower).Select(t => t.Name).FirstOrDefaultAsync(ct);
#pragma warning restore CA1862
        return clash is null ? null : $"There is already a {noun} called \"{clash}\". {char.ToUpperInvariant(noun[0])}{noun[1..]} names must be unique.";
    }

    /// <summary>Throws the validation error for the name field, if any; returns the name trimmed.</summary>
    public static async Task<string> ValidNameAsync<T>(OutreachDbContext db, Guid? id, string? name, int maxLength, string noun, CancellationToken ct)
        where T : class, INamedEntry
    {
        var trimmed = name?.Trim() ?? "";
        var error = await NameErrorAsync<T>(db, id, trimmed, maxLength, noun, ct);
        return error is null
            ? trimmed
            : throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = error });
    }
}
