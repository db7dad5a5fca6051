using LibraryOutreach.Data;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>
/// Merges a duplicate organization into the one that stays (the survivor), for Supervisors and Admins
/// (<see cref="RecordPermissions.CanMerge"/>). In one transaction: people's affiliations and staff committee seats move
/// (one kept when the survivor already has the same), tags, co-owners and email domains are united, the duplicate's
/// owner becomes the owner when the survivor has none (a co-owner otherwise), its notes are appended under a line
/// naming it, and the survivor's empty website, phone, email and address are filled from it. Type and partnership level
/// stay the survivor's. The duplicate then points at the survivor (<see cref="Organization.MergedIntoId"/>) and is
/// archived. The survivor gets a "Merged" audit entry besides the field changes.
/// </summary>
public sealed class OrganizationMergeService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    IAuditUserProvider auditUser,
    TimeProvider timeProvider,
    ILogger<OrganizationMergeService> logger) : IOrganizationMergeService
{
    public const string NotAllowed = "Only Supervisors and Admins can merge duplicate organizations.";

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
            throw await ConflictAsync(db, survivor.UpdatedById, survivor.Name, ct);
        }

        if (duplicate.Version != duplicateVersion)
        {
            throw await ConflictAsync(db, duplicate.UpdatedById, duplicate.Name, ct);
        }

        var summary = await ApplyAsync(db, survivor, duplicate, ct);
        db.AuditEntries.Add(RecordMerging.AuditEntry(await auditUser.GetCurrentAsync(ct), timeProvider.GetUtcNow(), nameof(Organization), summary));
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
            var changedId = ex.Entries.Select(e => e.Entity).OfType<Organization>().Select(o => o.Id).FirstOrDefault(survivorId);
            var current = await db.Organizations.AsNoTracking().Where(o => o.Id == changedId).Select(o => new { o.Name, o.UpdatedById }).SingleOrDefaultAsync(ct)
                ?? throw new RecordNotFoundException("One of the two organizations was deleted while you were merging. Nothing was merged.");
            throw await ConflictAsync(db, current.UpdatedById, current.Name, ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Organization {DuplicateId} merged into {SurvivorId}", duplicateId, survivorId);
        return summary with { Survivor = summary.Survivor with { Version = survivor.Version }, Duplicate = summary.Duplicate with { Version = duplicate.Version, IsArchived = true } };
    }

    public async Task<MergedInto?> FindSurvivorAsync(Guid mergedId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await RecordMerging.FollowAsync(mergedId, async id =>
        {
            var row = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.MergedIntoId }).SingleOrDefaultAsync(ct);
            return row is null ? null : (row.Name, row.MergedIntoId);
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

    /// <summary>Both organizations, tracked with their co-owners and tags; refuses self-merges and merged records.</summary>
    private static async Task<(Organization Survivor, Organization Duplicate)> LoadPairAsync(OutreachDbContext db, Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        RecordMerging.RefuseSelfMerge(survivorId, duplicateId);
        var organizations = await db.Organizations.AsSplitQuery()
            .Include(o => o.CoOwners)
            .Include(o => o.Tags)
            .Where(o => o.Id == survivorId || o.Id == duplicateId)
            .ToListAsync(ct);
        var survivor = organizations.SingleOrDefault(o => o.Id == survivorId) ?? throw new RecordNotFoundException("That organization no longer exists.");
        var duplicate = organizations.SingleOrDefault(o => o.Id == duplicateId) ?? throw new RecordNotFoundException("The duplicate organization no longer exists.");
        if (survivor.MergedIntoId is { } survivorInto)
        {
            throw new RecordValidationException(RecordMerging.SurvivorAlreadyMerged(survivor.Name, await NameAsync(db, survivorInto, ct)));
        }

        if (duplicate.MergedIntoId is { } duplicateInto)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [RecordMerging.DuplicateKey] = RecordMerging.DuplicateAlreadyMerged(duplicate.Name, await NameAsync(db, duplicateInto, ct)),
            });
        }

        return (survivor, duplicate);
    }

    /// <summary>Moves everything from <paramref name="duplicate"/> to <paramref name="survivor"/> in the change tracker (the caller saves, or not).</summary>
    private async Task<MergeSummary> ApplyAsync(OutreachDbContext db, Organization survivor, Organization duplicate, CancellationToken ct)
    {
        var survivorSide = new MergeSide(survivor.Id, survivor.Version, survivor.Name, survivor.IsArchived);
        var duplicateSide = new MergeSide(duplicate.Id, duplicate.Version, duplicate.Name, duplicate.IsArchived);
        var affiliations = await db.Affiliations.Where(a => a.OrganizationId == survivor.Id || a.OrganizationId == duplicate.Id).ToListAsync(ct);
        var seats = await db.CommitteeSeats.Where(s => s.OrganizationId == survivor.Id || s.OrganizationId == duplicate.Id).ToListAsync(ct);
        var survivorAffiliations = affiliations.Where(a => a.OrganizationId == survivor.Id).ToList();
        var duplicateAffiliations = affiliations.Where(a => a.OrganizationId == duplicate.Id).ToList();
        var survivorSeats = seats.Where(s => s.OrganizationId == survivor.Id).ToList();
        var duplicateSeats = seats.Where(s => s.OrganizationId == duplicate.Id).ToList();
        var tagCounts = (survivor.Tags.Count, duplicate.Tags.Count);
        var ownerCounts = (Owners(survivor).Count, Owners(duplicate).Count);
        var domainCounts = (survivor.EmailDomains.Count, duplicate.EmailDomains.Count);

        var filled = new List<string>();
        var counts = new List<MergeCount>
        {
            new("Affiliations", survivorAffiliations.Count, duplicateAffiliations.Count, AffiliationMerging.Move(
                db, duplicateAffiliations, survivorAffiliations, a => a.ContactId, a => a.OrganizationId = survivor.Id)),
            new("Committee seats", survivorSeats.Count, duplicateSeats.Count, MoveSeats(db, survivor, survivorSeats, duplicateSeats)),
            new("Tags", tagCounts.Item1, tagCounts.Item2, MoveTags(db, survivor, duplicate)),
            new("Owner and co-owners", ownerCounts.Item1, ownerCounts.Item2, MoveOwners(db, survivor, duplicate, filled)),
            new("Email domains", domainCounts.Item1, domainCounts.Item2, MoveEmailDomains(survivor, duplicate)),
        };
        if (await MoveTimelineItemsAsync(db, duplicate.Id, survivor.Id, ct) is { } timeline)
        {
            counts.Add(timeline);
        }

        if (survivor.Website is null && duplicate.Website is not null)
        {
            survivor.Website = duplicate.Website;
            filled.Add("Website");
        }

        if (survivor.Phone is null && duplicate.Phone is not null)
        {
            survivor.Phone = duplicate.Phone;
            survivor.PhoneNormalized = duplicate.PhoneNormalized ?? Normalize.Phone(duplicate.Phone);
            filled.Add("Phone");
        }

        if (survivor.Email is null && duplicate.Email is not null)
        {
            survivor.Email = duplicate.Email;
            filled.Add("Email");
        }

        if (survivor.Address is null && duplicate.Address is not null)
        {
            survivor.Address = duplicate.Address;
            filled.Add("Address");
        }

        var now = timeProvider.GetUtcNow();
        survivor.Notes = RecordMerging.AppendNotes(survivor.Notes, duplicate.Notes, duplicate.Name, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeProvider.LocalTimeZone).DateTime));

        // Organizations merged into the duplicate earlier now point straight at the survivor.
        foreach (var earlier in await db.Organizations.Where(o => o.MergedIntoId == duplicate.Id).ToListAsync(ct))
        {
            earlier.MergedIntoId = survivor.Id;
        }

        duplicate.MergedIntoId = survivor.Id;
        duplicate.ArchivedAt = duplicate.IsArchived ? duplicate.ArchivedAt ?? now : now;
        duplicate.IsArchived = true;
        return new MergeSummary(survivorSide, duplicateSide, counts, filled, !string.IsNullOrWhiteSpace(duplicate.Notes));
    }

    /// <summary>
    /// The outreach log entries of an organization (interactions, follow-ups, and the events' links) move from
    /// <paramref name="fromOrganizationId"/> to <paramref name="toOrganizationId"/> in <paramref name="db"/>'s tracked changes (saved with
    /// the merge; the preview never saves), one event link per event. Returns their count, or null when there are none.
    /// </summary>
    private static async Task<MergeCount?> MoveTimelineItemsAsync(OutreachDbContext db, Guid fromOrganizationId, Guid toOrganizationId, CancellationToken ct)
    {
        var interactions = await db.Interactions.Where(i => i.OrganizationId == fromOrganizationId || i.OrganizationId == toOrganizationId).ToListAsync(ct);
        var followUps = await db.FollowUps.Where(f => f.OrganizationId == fromOrganizationId || f.OrganizationId == toOrganizationId).ToListAsync(ct);
        var involvement = await db.OutreachEventOrganizations
            .Where(l => l.OrganizationId == fromOrganizationId || l.OrganizationId == toOrganizationId)
            .ToListAsync(ct);
        var survivorCount = interactions.Count(i => i.OrganizationId == toOrganizationId) + followUps.Count(f => f.OrganizationId == toOrganizationId)
            + involvement.Count(l => l.OrganizationId == toOrganizationId);
        var duplicateCount = interactions.Count + followUps.Count + involvement.Count - survivorCount;
        if (duplicateCount == 0)
        {
            return null;
        }

        foreach (var interaction in interactions.Where(i => i.OrganizationId == fromOrganizationId))
        {
            interaction.OrganizationId = toOrganizationId;
        }

        foreach (var followUp in followUps.Where(f => f.OrganizationId == fromOrganizationId))
        {
            followUp.OrganizationId = toOrganizationId;
        }

        // An event's organizations are link rows keyed by (event, organization): replace them, once per event.
        var involved = involvement.Where(l => l.OrganizationId == toOrganizationId).Select(l => l.EventId).ToHashSet();
        var moved = duplicateCount;
        foreach (var link in involvement.Where(l => l.OrganizationId == fromOrganizationId))
        {
            db.OutreachEventOrganizations.Remove(link);
            if (involved.Add(link.EventId))
            {
                db.OutreachEventOrganizations.Add(new OutreachEventOrganization { EventId = link.EventId, OrganizationId = toOrganizationId });
            }
            else
            {
                moved--;
            }
        }

        return new MergeCount("Outreach log entries", survivorCount, duplicateCount, moved);
    }

    /// <summary>Seats move unless the survivor has the same one (same person, role, and term); the duplicate's copy then goes.</summary>
    private static int MoveSeats(OutreachDbContext db, Organization survivor, List<CommitteeSeat> survivorSeats, List<CommitteeSeat> duplicateSeats)
    {
        var moved = 0;
        foreach (var seat in duplicateSeats)
        {
            if (survivorSeats.Exists(s => s.StaffUserId == seat.StaffUserId && RecordMerging.SameRole(s.Role, seat.Role) && s.TermStart == seat.TermStart && s.TermEnd == seat.TermEnd))
            {
                db.CommitteeSeats.Remove(seat);
                continue;
            }

            seat.OrganizationId = survivor.Id;
            survivorSeats.Add(seat);
            moved++;
        }

        return moved;
    }

    private static int MoveTags(OutreachDbContext db, Organization survivor, Organization duplicate)
    {
        var tagIds = survivor.Tags.Select(t => t.TagId).ToHashSet();
        var moved = 0;
        foreach (var tag in duplicate.Tags.ToList())
        {
            if (tagIds.Add(tag.TagId))
            {
                db.OrganizationTags.Add(new OrganizationTag { OrganizationId = survivor.Id, TagId = tag.TagId });
                moved++;
            }

            db.OrganizationTags.Remove(tag);
        }

        return moved;
    }

    /// <summary>
    /// The duplicate's owner becomes the owner when the survivor has none; the rest of the duplicate's owner and
    /// co-owners become co-owners. Counts the people newly on the survivor.
    /// </summary>
    private static int MoveOwners(OutreachDbContext db, Organization survivor, Organization duplicate, List<string> filled)
    {
        var people = Owners(survivor);
        var moved = 0;
        if (survivor.OwnerId is null && duplicate.OwnerId is { } owner)
        {
            survivor.OwnerId = owner;
            filled.Add("Owner");
            // Never owner and co-owner at once.
            db.OrganizationCoOwners.RemoveRange(survivor.CoOwners.Where(c => c.UserId == owner).ToList());
            moved += people.Add(owner) ? 1 : 0;
        }

        foreach (var userId in Owners(duplicate))
        {
            if (people.Add(userId))
            {
                db.OrganizationCoOwners.Add(new OrganizationCoOwner { OrganizationId = survivor.Id, UserId = userId });
                moved++;
            }
        }

        db.OrganizationCoOwners.RemoveRange(duplicate.CoOwners.ToList());
        return moved;
    }

    /// <summary>Owner and co-owners, as ids.</summary>
    private static HashSet<string> Owners(Organization organization) =>
        organization.CoOwners.Select(c => c.UserId).Prepend(organization.OwnerId).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static int MoveEmailDomains(Organization survivor, Organization duplicate)
    {
        var added = duplicate.EmailDomains.Where(d => !survivor.EmailDomains.Contains(d, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        survivor.EmailDomains = [.. survivor.EmailDomains, .. added];
        // Calendar attendees must match the survivor only.
        duplicate.EmailDomains = [];
        return added.Count;
    }

    private static async Task<string> NameAsync(OutreachDbContext db, Guid id, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "an organization that no longer exists";

    private static async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, string? updatedById, string name, CancellationToken ct)
    {
        var changedBy = updatedById is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == updatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new ConcurrencyConflictException(RecordMerging.Changed(changedBy, name));
    }
}
