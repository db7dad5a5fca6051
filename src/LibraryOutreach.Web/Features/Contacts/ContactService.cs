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

    /// <summary>Sorts after every organization name in SQLite's binary (UTF-8) order: the largest code point.</summary>
    private const string LastString = "\U0010FFFF";

    /// <summary>
    /// One page of contacts and the total. Shaped for SQLite at 50,000 contacts without planner statistics (see
    /// docs/performance.md): the tag filter is a join (driven by the tag's index, not a probe per contact); a search
    /// looks emails and phones up once (IN, not a correlated subquery per contact) and runs once; the filter and order
    /// give the page's ids, and the page's details, organizations and tags are read for those ids only (not by
    /// repeating the filtered, ordered query for each collection).
    /// </summary>
    public async Task<ContactResults> ListAsync(ContactQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contacts = Filter(db, query);
        var sqlite = db.Database.IsSqlite();
        var search = !string.IsNullOrWhiteSpace(query.Text);

        contacts = (query.Sort, query.Descending, sqlite) switch
        {
            // Contacts without a current organization come last either way (providers differ on where NULLs sort).
            // On SQLite one subquery per contact does it: NULL sorts last when descending, and ascending a missing
            // name counts as the largest string there is (U+10FFFF); the CASE below costs a second subquery.
            (ContactSort.Organization, false, true) => contacts
                .OrderBy(c => c.Affiliations.Where(a => a.EndDate == null).Min(a => a.Organization!.Name) ?? LastString)
                .ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            (ContactSort.Organization, true, true) => contacts
                .OrderByDescending(c => c.Affiliations.Where(a => a.EndDate == null).Min(a => a.Organization!.Name))
                .ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            (ContactSort.Organization, false, false) => contacts.OrderBy(c => c.Affiliations.Any(a => a.EndDate == null) ? 0 : 1)
                .ThenBy(c => c.Affiliations.Where(a => a.EndDate == null).Min(a => a.Organization!.Name)).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            (ContactSort.Organization, true, false) => contacts.OrderBy(c => c.Affiliations.Any(a => a.EndDate == null) ? 0 : 1)
                .ThenByDescending(c => c.Affiliations.Where(a => a.EndDate == null).Min(a => a.Organization!.Name)).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            (ContactSort.Updated, false, _) => contacts.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            (ContactSort.Updated, true, _) => contacts.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
            (_, false, _) => contacts.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            (_, true, _) => contacts.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenBy(c => c.Id),
        };
        var size = Math.Clamp(query.PageSize, 1, ContactQuery.MaxPageSize);
        var skip = Math.Max(query.Page, 0) * size;
        int total;
        List<Guid> ids;
        if (search)
        {
            // A search is the costly filter (it reads every name): run it once, for the ordered ids of every match (a
            // search matches a small part of the contacts), and take the total and the page from them. Other filters
            // are cheap enough to run twice, and reading every id of a large match would cost more.
            var all = await contacts.Select(c => c.Id).ToListAsync(ct);
            total = all.Count;
            ids = [.. all.Skip(skip).Take(size)];
        }
        else
        {
            total = await contacts.CountAsync(ct);
            ids = await contacts.Skip(skip).Take(size).Select(c => c.Id).ToListAsync(ct);
        }

        if (ids.Count == 0)
        {
            return new ContactResults(total, []);
        }

        var rows = (await db.Contacts.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    c.DisplayName,
                    c.Title,
                    Email = c.Emails.Where(e => e.IsPrimary).Select(e => e.Address).FirstOrDefault(),
                    Phone = c.Phones.Where(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(),
                    OwnerName = c.Owner == null ? null : c.Owner.DisplayName,
                    c.IsArchived,
                })
                .ToListAsync(ct))
            .ToDictionary(c => c.Id);
        var organizations = (await db.Affiliations.AsNoTracking()
                .Where(a => ids.Contains(a.ContactId) && a.EndDate == null)
                .OrderBy(a => a.Organization!.Name)
                .Select(a => new { a.ContactId, a.Organization!.Name })
                .ToListAsync(ct))
            .ToLookup(a => a.ContactId, a => a.Name);
        var tags = (await db.ContactTags.AsNoTracking()
                .Where(t => ids.Contains(t.ContactId))
                .OrderBy(t => t.Tag!.Name)
                .Select(t => new { t.ContactId, Chip = new TagChip(t.TagId, t.Tag!.Name, t.Tag.Color) })
                .ToListAsync(ct))
            .ToLookup(t => t.ContactId, t => t.Chip);
        return new ContactResults(total, [.. ids.Select(id => rows[id]).Select(c => new ContactRow(
            c.Id, c.DisplayName, c.Title, c.Email, c.Phone, [.. organizations[c.Id]], [.. tags[c.Id]], c.OwnerName, c.IsArchived))]);
    }

    /// <summary>The ids of every contact the list's filters match (all pages), in the list's order of names: for exports.</summary>
    public async Task<IReadOnlyList<Guid>> ListIdsAsync(ContactQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Filter(db, query).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The list's filters (archived, tag, owner, organization, text), shared by the list and the export.</summary>
    private static IQueryable<Contact> Filter(OutreachDbContext db, ContactQuery query)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (!query.IncludeArchived)
        {
            contacts = contacts.Where(c => !c.IsArchived);
        }

        if (query.TagId is { } tagId)
        {
            // A contact has a tag at most once (the link's key), so the join adds no duplicates.
            contacts = contacts.Join(db.ContactTags.Where(t => t.TagId == tagId), c => c.Id, t => t.ContactId, (c, t) => c);
        }

        if (!string.IsNullOrEmpty(query.OwnerId))
        {
            contacts = contacts.Where(c => c.OwnerId == query.OwnerId);
        }

        if (query.OrganizationId is { } organizationId)
        {
            contacts = contacts.Where(c => c.Affiliations.Any(a => a.OrganizationId == organizationId && a.EndDate == null));
        }

        var text = query.Text?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(text))
        {
            contacts = Search(db, contacts, text, db.Database.IsSqlite());
        }

        return contacts;
    }

    /// <summary>
    /// Contacts whose display, first or last name, an email address or (when <paramref name="text"/> has digits) a
    /// phone number's digits start with <paramref name="text"/> (already lower case), case-insensitively.
    /// </summary>
    private static IQueryable<Contact> Search(OutreachDbContext db, IQueryable<Contact> contacts, string text, bool sqlite)
    {
        var pattern = LikePatterns.Prefix(text);
        // Emails and phones as IN (the matching contact ids, found once), not a subquery for every contact.
        var byEmail = db.ContactEmails.Where(e => EF.Functions.Like(e.NormalizedAddress, pattern, LikePatterns.Escape)).Select(e => e.ContactId);
        var digits = Normalize.Phone(text) is { } d ? LikePatterns.Prefix(d) : null;
        var byPhone = db.ContactPhones.Where(p => digits != null && EF.Functions.Like(p.Normalized, digits, LikePatterns.Escape)).Select(p => p.ContactId);
        // SQLite's LIKE already ignores case for ASCII letters and its lower() changes nothing else, so lower() there
        // only costs time (half the scan); PostgreSQL's LIKE is case-sensitive and needs it.
        return sqlite
            ? contacts.Where(c =>
                EF.Functions.Like(c.DisplayName, pattern, LikePatterns.Escape)
                || EF.Functions.Like(c.FirstName, pattern, LikePatterns.Escape)
                || EF.Functions.Like(c.LastName, pattern, LikePatterns.Escape)
                || byEmail.Contains(c.Id)
                || (digits != null && byPhone.Contains(c.Id)))
            : contacts.Where(c =>
                EF.Functions.Like(c.DisplayName.ToLower(), pattern, LikePatterns.Escape)
                || EF.Functions.Like(c.FirstName.ToLower(), pattern, LikePatterns.Escape)
                || EF.Functions.Like(c.LastName.ToLower(), pattern, LikePatterns.Escape)
                || byEmail.Contains(c.Id)
                || (digits != null && byPhone.Contains(c.Id)));
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
