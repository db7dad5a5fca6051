using System.Text.RegularExpressions;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>Tags (name + colour) on contacts and organizations: everyone on staff reads them, Admins manage them.</summary>
public sealed partial class TagService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard)
{
    public async Task<IReadOnlyList<TagItem>> ListAsync(bool includeArchived, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var tags = await db.Tags.AsNoTracking()
            .Where(t => includeArchived || !t.IsArchived)
            .Select(t => new TagItem(t.Id, t.Name, t.Color, t.IsArchived))
            .ToListAsync(ct);
        return [.. tags.OrderBy(t => t.IsArchived).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<Guid> CreateAsync(string name, string color, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var tag = new Tag();
        await ApplyAsync(db, tag, name, color, ct);
        db.Tags.Add(tag);
        await db.SaveChangesAsync(ct);
        return tag.Id;
    }

    /// <summary>Renames and/or recolours a tag.</summary>
    public async Task UpdateAsync(Guid id, string name, string color, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var tag = await FindAsync(db, id, ct);
        await ApplyAsync(db, tag, name, color, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Archived tags stay on the records that have them but can't be chosen any more.</summary>
    public async Task SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await NamedEntries.SetArchivedAsync<Tag>(db, id, archived, NotFound, ct);
    }

    private const string NotFound = "That tag no longer exists.";

    private static Task<Tag> FindAsync(OutreachDbContext db, Guid id, CancellationToken ct) => NamedEntries.FindAsync<Tag>(db, id, NotFound, ct);

    private static async Task ApplyAsync(OutreachDbContext db, Tag tag, string name, string color, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var trimmed = name?.Trim() ?? "";
        if (await NamedEntries.NameErrorAsync<Tag>(db, tag.Id, trimmed, FieldLimits.TagName, "tag", ct) is { } nameError)
        {
            errors["Name"] = nameError;
        }

        var colour = color?.Trim().ToLowerInvariant() ?? "";
        if (!ColorPattern().IsMatch(colour))
        {
            errors["Color"] = "Colour must be a hex colour like #1f5f8b.";
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        tag.Name = trimmed;
        tag.Color = colour;
    }

    [GeneratedRegex("^#[0-9a-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
