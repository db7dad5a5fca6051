using System.Globalization;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>The admin-editable list of organization types: staff read it, Admins add, rename, reorder and archive.</summary>
public sealed class OrganizationTypeService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard)
{
    private const int MaxNameLength = FieldLimits.TagName * 2;

    public async Task<IReadOnlyList<OrganizationTypeItem>> ListAsync(bool includeArchived, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.OrganizationTypes.AsNoTracking()
            .Where(t => includeArchived || !t.IsArchived)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new OrganizationTypeItem(t.Id, t.Name, t.SortOrder, t.IsArchived, db.Organizations.Count(o => o.TypeId == t.Id)))
            .ToListAsync(ct);
    }

    public async Task<Guid> CreateAsync(string name, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var type = new OrganizationType
        {
            Name = await ValidNameAsync(db, null, name, ct),
            SortOrder = (await db.OrganizationTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10,
        };
        db.OrganizationTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return type.Id;
    }

    public async Task RenameAsync(Guid id, string name, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var type = await FindAsync(db, id, ct);
        type.Name = await ValidNameAsync(db, id, name, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Swaps the type with its neighbour above (<paramref name="up"/>) or below.</summary>
    public async Task MoveAsync(Guid id, bool up, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var types = await db.OrganizationTypes.OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        var index = types.FindIndex(t => t.Id == id);
        if (index < 0)
        {
            throw new RecordNotFoundException("That organization type no longer exists.");
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= types.Count)
        {
            return;
        }

        (types[index], types[other]) = (types[other], types[index]);
        for (var i = 0; i < types.Count; i++)
        {
            types[i].SortOrder = (i + 1) * 10;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var type = await FindAsync(db, id, ct);
        type.IsArchived = archived;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a type no organization uses; a type in use can only be archived.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var type = await FindAsync(db, id, ct);
        var used = await db.Organizations.CountAsync(o => o.TypeId == id, ct);
        if (used > 0)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = string.Create(CultureInfo.InvariantCulture, $"\"{type.Name}\" is used by {used} organization(s), so it can't be deleted. Archive it instead."),
            });
        }

        db.OrganizationTypes.Remove(type);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<OrganizationType> FindAsync(OutreachDbContext db, Guid id, CancellationToken ct) =>
        await db.OrganizationTypes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new RecordNotFoundException("That organization type no longer exists.");

    private static async Task<string> ValidNameAsync(OutreachDbContext db, Guid? id, string name, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        string? error = null;
        if (trimmed.Length == 0)
        {
            error = "Name is required.";
        }
        else if (trimmed.Length > MaxNameLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Name can be at most {MaxNameLength} characters.");
        }
        else
        {
            var lower = trimmed.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL: lower() on both sides works on SQLite and PostgreSQL alike.
            var clash = await db.OrganizationTypes.AsNoTracking().Where(t => t.Id != id && t.Name.ToLower() == lower).Select(t => t.Name).FirstOrDefaultAsync(ct);
#pragma warning restore CA1862
            if (clash is not null)
            {
                error = $"There is already a type called \"{clash}\". Type names must be unique.";
            }
        }

        return error is null
            ? trimmed
            : throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = error });
    }
}
