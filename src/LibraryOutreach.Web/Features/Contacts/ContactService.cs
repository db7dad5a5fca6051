using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// Contacts (every method checks permissions): reads and create for all staff; edit, archive and restore by
/// <see cref="RecordPermissions.CanEdit"/>; permanent delete for Admins. Saves carry the version the person
/// loaded, so a stale save is refused with <see cref="ConcurrencyConflictException"/> instead of overwriting.
/// </summary>
public sealed class ContactService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    ILogger<ContactService> logger) : IContactService
{
    public const string OwnerUnknown = "Choose an active staff member as owner.";
    public const string TagUnknown = "One of the chosen tags no longer exists.";

    public async Task<ContactResults> ListAsync(ContactQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contacts = Filter(db.Contacts.AsNoTracking(), query);
        var total = await contacts.CountAsync(ct);
        contacts = (query.Sort, query.Descending) switch
        {
            // Contacts without a current organization come last either way (providers differ on where NULLs sort).
            (ContactSort.Organization, false) => contacts.OrderBy(c => c.Affiliations.Any(a => a.EndDate == null) ? 0 : 1)
                .ThenBy(c => c.Affiliations.Where(a => a.EndDate == null).Min(a => a.Organization!.Name)).ThenBy(c => c.LastName).ThenBy(c => c.FirstName),
            (ContactSort.Organization, true) => contacts.OrderBy(c => c.Affiliations.Any(a => a.EndDate == null) ? 0 : 1)
                .ThenByDescending(c => c.Affiliations.Where(a => a.EndDate == null).Min(a => a.Organization!.Name)).ThenBy(c => c.LastName).ThenBy(c => c.FirstName),
            (ContactSort.Updated, false) => contacts.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            (ContactSort.Updated, true) => contacts.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
            (_, false) => contacts.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            (_, true) => contacts.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenBy(c => c.Id),
        };
        var size = Math.Clamp(query.PageSize, 1, ContactQuery.MaxPageSize);
        var rows = await contacts
            .Skip(Math.Max(query.Page, 0) * size)
            .Take(size)
            .Select(c => new ContactRow(
                c.Id,
                c.DisplayName,
                c.Title,
                c.Emails.Where(e => e.IsPrimary).Select(e => e.Address).FirstOrDefault(),
                c.Phones.Where(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(),
                c.Affiliations.Where(a => a.EndDate == null).OrderBy(a => a.Organization!.Name).Select(a => a.Organization!.Name).ToList(),
                c.Tags.OrderBy(t => t.Tag!.Name).Select(t => new TagChip(t.TagId, t.Tag!.Name, t.Tag.Color)).ToList(),
                c.Owner == null ? null : c.Owner.DisplayName,
                c.IsArchived))
            .AsSplitQuery()
            .ToListAsync(ct);
        return new ContactResults(total, rows);
    }

    /// <summary>The ids of every contact the list's filters match (all pages), in the list's order of names: for exports.</summary>
    public async Task<IReadOnlyList<Guid>> ListIdsAsync(ContactQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Filter(db.Contacts.AsNoTracking(), query).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The list's filters (archived, tag, owner, organization, text), shared by the list and the export.</summary>
    private static IQueryable<Contact> Filter(IQueryable<Contact> source, ContactQuery query)
    {
        var contacts = source.Where(c => c.MergedIntoId == null);
        if (!query.IncludeArchived)
        {
            contacts = contacts.Where(c => !c.IsArchived);
        }

        if (query.TagId is { } tagId)
        {
            contacts = contacts.Where(c => c.Tags.Any(t => t.TagId == tagId));
        }

        if (!string.IsNullOrEmpty(query.OwnerId))
        {
            contacts = contacts.Where(c => c.OwnerId == query.OwnerId);
        }

        if (query.OrganizationId is { } organizationId)
        {
            contacts = contacts.Where(c => c.Affiliations.Any(a => a.OrganizationId == organizationId && a.EndDate == null));
        }

        if (query.Text?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
            var pattern = LikePatterns.Prefix(text);
            var digits = Normalize.Phone(text) is { } d ? LikePatterns.Prefix(d) : null;
            contacts = contacts.Where(c =>
                EF.Functions.Like(c.DisplayName.ToLower(), pattern, LikePatterns.Escape)
                || EF.Functions.Like(c.FirstName.ToLower(), pattern, LikePatterns.Escape)
                || EF.Functions.Like(c.LastName.ToLower(), pattern, LikePatterns.Escape)
                || c.Emails.Any(e => EF.Functions.Like(e.NormalizedAddress, pattern, LikePatterns.Escape))
                || (digits != null && c.Phones.Any(p => EF.Functions.Like(p.Normalized, digits, LikePatterns.Escape))));
        }

        return contacts;
    }

    public async Task<ContactDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().AsSplitQuery()
            .Include(c => c.Emails)
            .Include(c => c.Phones)
            .Include(c => c.Tags).ThenInclude(t => t.Tag)
            .Include(c => c.Owner)
            .Include(c => c.Affiliations).ThenInclude(a => a.Organization)
            .SingleOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That contact no longer exists.");
        return new ContactDetail(
            contact.Id,
            contact.Version,
            contact.FirstName,
            contact.LastName,
            contact.DisplayName,
            contact.Title,
            contact.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => new ContactEmailView(e.Address, e.Label, e.IsPrimary)).ToList(),
            contact.Phones.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => new ContactPhoneView(p.Number, p.Label, p.IsPrimary)).ToList(),
            contact.PreferredChannel,
            contact.OwnerId,
            contact.Owner?.DisplayName,
            contact.Tags.Select(t => new TagChip(t.TagId, t.Tag!.Name, t.Tag.Color)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            contact.Affiliations
                .OrderBy(a => a.EndDate is null ? 0 : 1)
                .ThenByDescending(a => a.EndDate)
                .ThenByDescending(a => a.StartDate)
                .Select(a => new AffiliationView(a.Id, a.ContactId, contact.DisplayName, a.OrganizationId, a.Organization!.Name, a.Role, a.StartDate, a.EndDate, a.CreatedById))
                .ToList(),
            contact.Notes,
            contact.IsArchived,
            contact.ArchivedAt,
            RecordPermissions.CanEdit(user, contact, contact.OwnerId),
            RecordPermissions.CanDeletePermanently(user))
        {
            CanMerge = RecordPermissions.CanMerge(user),
        };
    }

    public async Task<Guid> CreateAsync(ContactInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.RequireAsync(Policies.Staff);
        var contact = new Contact();
        ContactValidation.Apply(input, contact);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await CheckReferencesAsync(db, contact.OwnerId, input.TagIds, ct);
        contact.Tags = input.TagIds.Distinct().Select(t => new ContactTag { TagId = t }).ToList();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Contact {ContactId} created", contact.Id);
        return contact.Id;
    }

    public async Task UpdateAsync(Guid id, ContactInput input, Guid version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await guard.RequireAsync(Policies.Staff);
        var proposed = new Contact();
        ContactValidation.Apply(input, proposed);
        var tagIds = input.TagIds.Distinct().ToList();
        proposed.Tags = tagIds.Select(t => new ContactTag { TagId = t }).ToList();

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contact = await LoadForEditAsync(db, id, user, ct);
        await CheckReferencesAsync(db, proposed.OwnerId, tagIds, ct);
        if (contact.Version != version)
        {
            throw await ConflictAsync(db, contact, proposed, ct);
        }

        contact.FirstName = proposed.FirstName;
        contact.LastName = proposed.LastName;
        contact.DisplayName = proposed.DisplayName;
        contact.Title = proposed.Title;
        contact.Notes = proposed.Notes;
        contact.PreferredChannel = proposed.PreferredChannel;
        contact.OwnerId = proposed.OwnerId;
        if (!SameEmails(contact.Emails, proposed.Emails))
        {
            db.ContactEmails.RemoveRange(contact.Emails);
            contact.Emails.Clear();
            contact.Emails.AddRange(proposed.Emails);
        }

        if (!SamePhones(contact.Phones, proposed.Phones))
        {
            db.ContactPhones.RemoveRange(contact.Phones);
            contact.Phones.Clear();
            contact.Phones.AddRange(proposed.Phones);
        }

        var removedTags = contact.Tags.Where(t => !tagIds.Contains(t.TagId)).ToList();
        db.ContactTags.RemoveRange(removedTags);
        contact.Tags.AddRange(tagIds.Where(t => contact.Tags.All(existing => existing.TagId != t)).Select(t => new ContactTag { TagId = t }));

        await SaveVersionedAsync(db, contact, version, proposed, ct);
        logger.LogInformation("Contact {ContactId} updated", id);
    }

    public Task ArchiveAsync(Guid id, Guid version, CancellationToken ct = default) => SetArchivedAsync(id, version, archived: true, ct);

    public Task RestoreAsync(Guid id, Guid version, CancellationToken ct = default) => SetArchivedAsync(id, version, archived: false, ct);

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        if (!RecordPermissions.CanDeletePermanently(user))
        {
            throw new AccessDeniedException("Only Admins can delete contacts permanently. Archive it instead.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new RecordNotFoundException("That contact no longer exists.");
        OutreachLogUses.RefuseDeleteIfUsed(contact.DisplayName, await OutreachLogUses.OfContactsAsync(db, [id], ct));
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Contact {ContactId} deleted permanently", id);
    }

    public async Task<IReadOnlyList<TagChip>> ListTagsAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await db.Tags.AsNoTracking().Where(t => !t.IsArchived).Select(t => new TagChip(t.Id, t.Name, t.Color)).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<IReadOnlyList<StaffOption>> ListStaffAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new StaffOption(u.Id, u.DisplayName)).ToListAsync(ct))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private async Task SetArchivedAsync(Guid id, Guid version, bool archived, CancellationToken ct)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contact = await LoadForEditAsync(db, id, user, ct);
        if (contact.IsArchived == archived)
        {
            return;
        }

        var proposed = Copy(contact);
        proposed.IsArchived = archived;
        if (contact.Version != version)
        {
            throw await ConflictAsync(db, contact, proposed, ct);
        }

        contact.IsArchived = archived;
        contact.ArchivedAt = archived ? timeProvider.GetUtcNow() : null;
        await SaveVersionedAsync(db, contact, version, proposed, ct);
        logger.LogInformation("Contact {ContactId} {Action}", id, archived ? "archived" : "restored");
    }

    private static async Task<Contact> LoadForEditAsync(OutreachDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var contact = await db.Contacts.AsSplitQuery()
            .Include(c => c.Emails)
            .Include(c => c.Phones)
            .Include(c => c.Tags)
            .SingleOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That contact no longer exists.");
        if (!RecordPermissions.CanEdit(user, contact, contact.OwnerId))
        {
            throw new AccessDeniedException("You can change contacts you created or own. Ask a Supervisor to change this one.");
        }

        return contact;
    }

    private static async Task CheckReferencesAsync(OutreachDbContext db, string? ownerId, IReadOnlyCollection<Guid> tagIds, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ownerId is not null && !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, ct))
        {
            errors[nameof(ContactInput.OwnerId)] = OwnerUnknown;
        }

        var distinct = tagIds.Distinct().ToList();
        if (distinct.Count > 0 && await db.Tags.CountAsync(t => distinct.Contains(t.Id), ct) != distinct.Count)
        {
            errors[nameof(ContactInput.TagIds)] = TagUnknown;
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }
    }

    /// <summary>Saves <paramref name="contact"/> only if it still has <paramref name="version"/>; the version always moves on.</summary>
    private static async Task SaveVersionedAsync(OutreachDbContext db, Contact contact, Guid version, Contact proposed, CancellationToken ct)
    {
        var entry = db.Entry(contact);
        entry.Property(c => c.Version).OriginalValue = version;
        // Child-only edits (emails, phones, tags) must still move the contact's version on.
        entry.Property(c => c.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Contacts.AsNoTracking().AsSplitQuery()
                .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags)
                .SingleOrDefaultAsync(c => c.Id == contact.Id, ct)
                ?? throw new RecordNotFoundException("That contact was deleted while you were editing it.");
            throw await ConflictAsync(db, current, proposed, ct);
        }
    }

    private static async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, Contact current, Contact proposed, CancellationToken ct)
    {
        var userIds = new[] { current.OwnerId, proposed.OwnerId, current.UpdatedById }.OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var tagIds = current.Tags.Concat(proposed.Tags).Select(t => t.TagId).Distinct().ToList();
        var tagNames = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var theirs = Describe(current, names, tagNames);
        var yours = Describe(proposed, names, tagNames);
        var differences = theirs
            .Where(pair => !string.Equals(pair.Value, yours[pair.Key], StringComparison.Ordinal))
            .Select(pair => new FieldDifference(pair.Key, pair.Value, yours[pair.Key]))
            .ToList();
        var changedBy = current.UpdatedById is { } id ? names.GetValueOrDefault(id) : null;
        return new ConcurrencyConflictException(differences, changedBy);
    }

    /// <summary>The contact's values as text, by field name, for showing what differs.</summary>
    private static Dictionary<string, string?> Describe(Contact c, Dictionary<string, string> names, Dictionary<Guid, string> tagNames) => new(StringComparer.Ordinal)
    {
        ["FirstName"] = c.FirstName,
        ["LastName"] = c.LastName,
        ["DisplayName"] = c.DisplayName,
        ["Title"] = c.Title,
        ["Emails"] = string.Join(", ", c.Emails.OrderByDescending(e => e.IsPrimary).Select(e => e.Label is null ? e.Address : $"{e.Address} ({e.Label})")),
        ["Phones"] = string.Join(", ", c.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Label is null ? p.Number : $"{p.Number} ({p.Label})")),
        ["PreferredChannel"] = c.PreferredChannel?.ToString(),
        ["Owner"] = c.OwnerId is null ? null : names.GetValueOrDefault(c.OwnerId, c.OwnerId),
        ["Tags"] = string.Join(", ", c.Tags.Select(t => tagNames.GetValueOrDefault(t.TagId, "?")).Order(StringComparer.CurrentCultureIgnoreCase)),
        ["Notes"] = c.Notes,
        ["Archived"] = c.IsArchived ? "Yes" : "No",
    };

    private static Contact Copy(Contact c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        DisplayName = c.DisplayName,
        Title = c.Title,
        Emails = c.Emails,
        Phones = c.Phones,
        PreferredChannel = c.PreferredChannel,
        OwnerId = c.OwnerId,
        Tags = c.Tags,
        Notes = c.Notes,
        IsArchived = c.IsArchived,
    };

    private static bool SameEmails(List<ContactEmail> a, List<ContactEmail> b) =>
        a.Count == b.Count && a.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Zip(b).All(p =>
            p.First.Address == p.Second.Address && p.First.Label == p.Second.Label && p.First.IsPrimary == p.Second.IsPrimary);

    private static bool SamePhones(List<ContactPhone> a, List<ContactPhone> b) =>
        a.Count == b.Count && a.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Zip(b).All(p =>
            p.First.Number == p.Second.Number && p.First.Label == p.Second.Label && p.First.IsPrimary == p.Second.IsPrimary);
}
