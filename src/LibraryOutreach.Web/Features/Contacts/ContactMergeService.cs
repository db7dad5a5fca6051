using LibraryOutreach.Data;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// Merges a duplicate contact into the one that stays (the survivor), for Supervisors and Admins
/// (<see cref="RecordPermissions.CanMerge"/>). In one transaction: affiliations move (one kept when the survivor already
/// has the same), tags are united, the duplicate's emails and phones that the survivor lacks are added (the survivor
/// keeps its primary), its notes are appended under a line naming it, and the survivor's empty title, preferred
/// channel and owner are filled from it. The duplicate then points at the survivor (<see cref="Contact.MergedIntoId"/>)
/// and is archived; its page shows where it went. The survivor gets a "Merged" audit entry besides the field changes.
/// </summary>
public sealed class ContactMergeService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    IAuditUserProvider auditUser,
    TimeProvider timeProvider,
    ILogger<ContactMergeService> logger) : IContactMergeService
{
    public const string NotAllowed = "Only Supervisors and Admins can merge duplicate contacts.";

    public async Task<MergeSummary> PreviewAsync(Guid survivorId, Guid duplicateId, CancellationToken ct = default)
    {
        await RequireMergeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (survivor, duplicate) = await LoadPairAsync(db, survivorId, duplicateId, ct);
        // The same code as the merge, on tracked copies that are never saved: the preview can't drift from what happens.
        return await ApplyAsync(db, survivor, duplicate, ct);
    }

    public async Task<MergeSummary> MergeAsync(Guid survivorId, Guid survivorVersion, Guid duplicateId, Guid duplicateVersion, CancellationToken ct = default)
    {
        await RequireMergeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // One save commits everything below; the explicit transaction also covers bulk moves of later timeline items.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (survivor, duplicate) = await LoadPairAsync(db, survivorId, duplicateId, ct);
        if (survivor.Version != survivorVersion)
        {
            throw await ConflictAsync(db, survivor.UpdatedById, survivor.DisplayName, ct);
        }

        if (duplicate.Version != duplicateVersion)
        {
            throw await ConflictAsync(db, duplicate.UpdatedById, duplicate.DisplayName, ct);
        }

        var summary = await ApplyAsync(db, survivor, duplicate, ct);
        db.AuditEntries.Add(RecordMerging.AuditEntry(await auditUser.GetCurrentAsync(ct), timeProvider.GetUtcNow(), nameof(Contact), summary));
        RecordMerging.ExpectVersion(db, survivor, survivorVersion);
        RecordMerging.ExpectVersion(db, duplicate, duplicateVersion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var changedId = ex.Entries.Select(e => e.Entity).OfType<Contact>().Select(c => c.Id).FirstOrDefault(survivorId);
            var current = await db.Contacts.AsNoTracking().Where(c => c.Id == changedId).Select(c => new { c.DisplayName, c.UpdatedById }).SingleOrDefaultAsync(ct)
                ?? throw new RecordNotFoundException("One of the two contacts was deleted while you were merging. Nothing was merged.");
            throw await ConflictAsync(db, current.UpdatedById, current.DisplayName, ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Contact {DuplicateId} merged into {SurvivorId}", duplicateId, survivorId);
        return summary with { Survivor = summary.Survivor with { Version = survivor.Version }, Duplicate = summary.Duplicate with { Version = duplicate.Version, IsArchived = true } };
    }

    public async Task<MergedInto?> FindSurvivorAsync(Guid mergedId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await RecordMerging.FollowAsync(mergedId, async id =>
        {
            var row = await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.DisplayName, c.MergedIntoId }).SingleOrDefaultAsync(ct);
            return row is null ? null : (row.DisplayName, row.MergedIntoId);
        });
    }

    private async Task RequireMergeAsync()
    {
        var user = await guard.RequireAsync(Policies.Staff);
        if (!RecordPermissions.CanMerge(user))
        {
            throw new AccessDeniedException(NotAllowed);
        }
    }

    /// <summary>Both contacts, tracked with everything that moves; refuses self-merges and merged records.</summary>
    private static async Task<(Contact Survivor, Contact Duplicate)> LoadPairAsync(OutreachDbContext db, Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        RecordMerging.RefuseSelfMerge(survivorId, duplicateId);
        var contacts = await db.Contacts.AsSplitQuery()
            .Include(c => c.Emails)
            .Include(c => c.Phones)
            .Include(c => c.Tags)
            .Include(c => c.Affiliations)
            .Where(c => c.Id == survivorId || c.Id == duplicateId)
            .ToListAsync(ct);
        var survivor = contacts.SingleOrDefault(c => c.Id == survivorId) ?? throw new RecordNotFoundException("That contact no longer exists.");
        var duplicate = contacts.SingleOrDefault(c => c.Id == duplicateId) ?? throw new RecordNotFoundException("The duplicate contact no longer exists.");
        if (survivor.MergedIntoId is { } survivorInto)
        {
            throw new RecordValidationException(RecordMerging.SurvivorAlreadyMerged(survivor.DisplayName, await NameAsync(db, survivorInto, ct)));
        }

        if (duplicate.MergedIntoId is { } duplicateInto)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [RecordMerging.DuplicateKey] = RecordMerging.DuplicateAlreadyMerged(duplicate.DisplayName, await NameAsync(db, duplicateInto, ct)),
            });
        }

        return (survivor, duplicate);
    }

    /// <summary>Moves everything from <paramref name="duplicate"/> to <paramref name="survivor"/> in the change tracker (the caller saves, or not).</summary>
    private async Task<MergeSummary> ApplyAsync(OutreachDbContext db, Contact survivor, Contact duplicate, CancellationToken ct)
    {
        var survivorSide = new MergeSide(survivor.Id, survivor.Version, survivor.DisplayName, survivor.IsArchived);
        var duplicateSide = new MergeSide(duplicate.Id, duplicate.Version, duplicate.DisplayName, duplicate.IsArchived);
        // Counted before anything moves (EF's fix-up changes the collections as ids are re-pointed).
        var affiliations = (survivor.Affiliations.Count, duplicate.Affiliations.Count);
        var tags = (survivor.Tags.Count, duplicate.Tags.Count);
        var emails = (survivor.Emails.Count, duplicate.Emails.Count);
        var phones = (survivor.Phones.Count, duplicate.Phones.Count);
        var counts = new List<MergeCount>
        {
            new("Affiliations", affiliations.Item1, affiliations.Item2, AffiliationMerging.Move(
                db, duplicate.Affiliations, survivor.Affiliations, a => a.OrganizationId, a => a.ContactId = survivor.Id)),
            new("Tags", tags.Item1, tags.Item2, MoveTags(db, survivor, duplicate)),
            new("Emails", emails.Item1, emails.Item2, MoveEmails(db, survivor, duplicate)),
            new("Phones", phones.Item1, phones.Item2, MovePhones(db, survivor, duplicate)),
        };
        if (await MoveTimelineItemsAsync(db, duplicate.Id, survivor.Id, ct) is { } timeline)
        {
            counts.Add(timeline);
        }

        var filled = new List<string>();
        if (survivor.Title is null && duplicate.Title is not null)
        {
            survivor.Title = duplicate.Title;
            filled.Add("Title");
        }

        if (survivor.PreferredChannel is null && duplicate.PreferredChannel is not null)
        {
            survivor.PreferredChannel = duplicate.PreferredChannel;
            filled.Add("Preferred channel");
        }

        if (survivor.OwnerId is null && duplicate.OwnerId is not null)
        {
            survivor.OwnerId = duplicate.OwnerId;
            filled.Add("Owner");
        }

        var now = timeProvider.GetUtcNow();
        survivor.Notes = RecordMerging.AppendNotes(survivor.Notes, duplicate.Notes, duplicate.DisplayName, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeProvider.LocalTimeZone).DateTime));

        // Contacts merged into the duplicate earlier now point straight at the survivor.
        foreach (var earlier in await db.Contacts.Where(c => c.MergedIntoId == duplicate.Id).ToListAsync(ct))
        {
            earlier.MergedIntoId = survivor.Id;
        }

        duplicate.MergedIntoId = survivor.Id;
        duplicate.ArchivedAt = duplicate.IsArchived ? duplicate.ArchivedAt ?? now : now;
        duplicate.IsArchived = true;
        return new MergeSummary(survivorSide, duplicateSide, counts, filled, !string.IsNullOrWhiteSpace(duplicate.Notes));
    }

    /// <summary>
    /// The outreach log entries of a contact (interactions, follow-ups, and the events' links) move from
    /// <paramref name="fromContactId"/> to <paramref name="toContactId"/> in <paramref name="db"/>'s tracked changes (saved with
    /// the merge; the preview never saves), one event link per event. Returns their count, or null when there are none.
    /// </summary>
    private static async Task<MergeCount?> MoveTimelineItemsAsync(OutreachDbContext db, Guid fromContactId, Guid toContactId, CancellationToken ct)
    {
        var interactions = await db.Interactions.Where(i => i.ContactId == fromContactId || i.ContactId == toContactId).ToListAsync(ct);
        var followUps = await db.FollowUps.Where(f => f.ContactId == fromContactId || f.ContactId == toContactId).ToListAsync(ct);
        var attendance = await db.OutreachEventContacts.Where(l => l.ContactId == fromContactId || l.ContactId == toContactId).ToListAsync(ct);
        var survivorCount = interactions.Count(i => i.ContactId == toContactId) + followUps.Count(f => f.ContactId == toContactId)
            + attendance.Count(l => l.ContactId == toContactId);
        var duplicateCount = interactions.Count + followUps.Count + attendance.Count - survivorCount;
        if (duplicateCount == 0)
        {
            return null;
        }

        foreach (var interaction in interactions.Where(i => i.ContactId == fromContactId))
        {
            interaction.ContactId = toContactId;
        }

        foreach (var followUp in followUps.Where(f => f.ContactId == fromContactId))
        {
            followUp.ContactId = toContactId;
        }

        // Event attendance is a link row keyed by (event, contact): replace it, once per event.
        var attended = attendance.Where(l => l.ContactId == toContactId).Select(l => l.EventId).ToHashSet();
        var moved = duplicateCount;
        foreach (var link in attendance.Where(l => l.ContactId == fromContactId))
        {
            db.OutreachEventContacts.Remove(link);
            if (attended.Add(link.EventId))
            {
                db.OutreachEventContacts.Add(new OutreachEventContact { EventId = link.EventId, ContactId = toContactId });
            }
            else
            {
                moved--;
            }
        }

        return new MergeCount("Outreach log entries", survivorCount, duplicateCount, moved);
    }

    private static int MoveTags(OutreachDbContext db, Contact survivor, Contact duplicate)
    {
        var tagIds = survivor.Tags.Select(t => t.TagId).ToHashSet();
        var moved = 0;
        foreach (var tag in duplicate.Tags.ToList())
        {
            if (tagIds.Add(tag.TagId))
            {
                db.ContactTags.Add(new ContactTag { ContactId = survivor.Id, TagId = tag.TagId });
                moved++;
            }

            db.ContactTags.Remove(tag);
        }

        return moved;
    }

    /// <summary>The duplicate's emails the survivor lacks (by normalized address) move, not as primary unless the survivor had none; the rest go.</summary>
    private static int MoveEmails(OutreachDbContext db, Contact survivor, Contact duplicate)
    {
        var known = survivor.Emails.Select(e => e.NormalizedAddress).ToHashSet(StringComparer.Ordinal);
        var survivorHasAny = known.Count > 0;
        var moved = 0;
        foreach (var email in duplicate.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).ToList())
        {
            if (!known.Add(email.NormalizedAddress))
            {
                db.ContactEmails.Remove(email);
                continue;
            }

            email.ContactId = survivor.Id;
            email.IsPrimary = !survivorHasAny && email.IsPrimary;
            moved++;
        }

        return moved;
    }

    /// <summary>The same rule as <see cref="MoveEmails"/>, by the phone's digits.</summary>
    private static int MovePhones(OutreachDbContext db, Contact survivor, Contact duplicate)
    {
        var known = survivor.Phones.Select(p => p.Normalized).ToHashSet(StringComparer.Ordinal);
        var survivorHasAny = known.Count > 0;
        var moved = 0;
        foreach (var phone in duplicate.Phones.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).ToList())
        {
            if (!known.Add(phone.Normalized))
            {
                db.ContactPhones.Remove(phone);
                continue;
            }

            phone.ContactId = survivor.Id;
            phone.IsPrimary = !survivorHasAny && phone.IsPrimary;
            moved++;
        }

        return moved;
    }

    private static async Task<string> NameAsync(OutreachDbContext db, Guid id, CancellationToken ct) =>
        await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => c.DisplayName).SingleOrDefaultAsync(ct) ?? "a contact that no longer exists";

    private static async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, string? updatedById, string name, CancellationToken ct)
    {
        var changedBy = updatedById is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == updatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new ConcurrencyConflictException(RecordMerging.Changed(changedBy, name));
    }
}
