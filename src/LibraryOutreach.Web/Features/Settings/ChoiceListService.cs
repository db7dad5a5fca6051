using System.Globalization;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>What the settings pages need of an admin-editable choice list (<see cref="ChoiceListEditor"/>).</summary>
public interface IChoiceListService
{
    Task<IReadOnlyList<ChoiceListItem>> ListAsync(bool includeArchived, CancellationToken ct = default);

    Task<Guid> CreateAsync(string name, CancellationToken ct = default);

    Task RenameAsync(Guid id, string name, CancellationToken ct = default);

    Task MoveAsync(Guid id, bool up, CancellationToken ct = default);

    Task SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default);

    Task DeleteAsync(Guid id, CancellationToken ct = default);
}

/// <summary>
/// An admin-editable choice list (organization types, branches, event types): staff read it, Admins add, rename,
/// reorder and archive; an entry no record uses can be deleted, one in use only archived. Names are unique ignoring
/// case. A list says what it is called in messages and which records use its entries.
/// </summary>
public abstract class ChoiceListService<TEntry>(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard) : IChoiceListService
    where TEntry : class, IChoiceListEntry, new()
{
    /// <summary>As in "That organization type no longer exists."</summary>
    protected abstract string RecordName { get; }

    /// <summary>As in "There is already a type called …"; lower case, taking the article "a".</summary>
    protected abstract string ShortName { get; }

    /// <summary>As in "is used by 3 organization(s)".</summary>
    protected abstract string UsedByName { get; }

    /// <summary>The entry id of every record that uses an entry, one row per use.</summary>
    protected abstract IQueryable<Guid> Uses(OutreachDbContext db);

    public async Task<IReadOnlyList<ChoiceListItem>> ListAsync(bool includeArchived, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entries = await db.Set<TEntry>().AsNoTracking()
            .Where(t => includeArchived || !t.IsArchived)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.SortOrder, t.IsArchived })
            .ToListAsync(ct);
        var uses = await Uses(db).GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return entries.Select(t => new ChoiceListItem(t.Id, t.Name, t.SortOrder, t.IsArchived, uses.GetValueOrDefault(t.Id))).ToList();
    }

    public async Task<Guid> CreateAsync(string name, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entry = new TEntry
        {
            Name = await ValidNameAsync(db, null, name, ct),
            SortOrder = (await db.Set<TEntry>().MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10,
        };
        db.Set<TEntry>().Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    public async Task RenameAsync(Guid id, string name, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entry = await FindAsync(db, id, ct);
        entry.Name = await ValidNameAsync(db, id, name, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Swaps the entry with its neighbour above (<paramref name="up"/>) or below.</summary>
    public async Task MoveAsync(Guid id, bool up, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entries = await db.Set<TEntry>().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        var index = entries.FindIndex(t => t.Id == id);
        if (index < 0)
        {
            throw new RecordNotFoundException(NotFoundMessage);
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= entries.Count)
        {
            return;
        }

        (entries[index], entries[other]) = (entries[other], entries[index]);
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].SortOrder = (i + 1) * 10;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await NamedEntries.SetArchivedAsync<TEntry>(db, id, archived, NotFoundMessage, ct);
    }

    /// <summary>Deletes an entry no record uses; an entry in use can only be archived.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entry = await FindAsync(db, id, ct);
        var used = await Uses(db).CountAsync(u => u == id, ct);
        if (used > 0)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = string.Create(CultureInfo.InvariantCulture, $"\"{entry.Name}\" is used by {used} {UsedByName}, so it can't be deleted. Archive it instead."),
            });
        }

        db.Set<TEntry>().Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    private string NotFoundMessage => $"That {RecordName} no longer exists.";

    private Task<TEntry> FindAsync(OutreachDbContext db, Guid id, CancellationToken ct) => NamedEntries.FindAsync<TEntry>(db, id, NotFoundMessage, ct);

    private Task<string> ValidNameAsync(OutreachDbContext db, Guid? id, string name, CancellationToken ct) =>
        NamedEntries.ValidNameAsync<TEntry>(db, id, name, FieldLimits.ChoiceName, ShortName, ct);
}
