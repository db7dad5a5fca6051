using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Cadence;

/// <summary>
/// Stay-in-touch cadence: computes, for many contacts and organizations at once, their cadence (see
/// <see cref="CadenceRules"/> for which setting wins), their last touch (the latest of their interactions and the events
/// they attended or were involved in, up to today) and their status, in a fixed handful of queries whatever the number
/// of records. Also the Admin settings (per partnership level and organization type) and the per-record overrides.
/// Archived and merged records are left out.
/// </summary>
public sealed class CadenceService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    ILogger<CadenceService> logger) : ICadenceService
{
    public const string NotYours = "You can change the cadence of records you created or own. Ask a Supervisor to change this one.";

    /// <summary>The cadence, last touch and status of every relationship in <paramref name="scope"/>, most urgent first.</summary>
    public async Task<IReadOnlyList<RelationshipCadence>> ComputeAsync(CadenceScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return Sort(await ComputeAsync(db, scope, timeProvider, ct));
    }

    /// <summary>"Due to reach out": one page of relationships by urgency, filtered by owner and status.</summary>
    public async Task<ReachOutResults> ListReachOutAsync(ReachOutQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = await ComputeAsync(new CadenceScope(OwnerId: query.OwnerId), ct);
        var matching = all.Where(r => query.Filter switch
        {
            ReachOutFilter.NeedsAttention => r.Status != CadenceStatus.OnTrack,
            ReachOutFilter.Overdue => r.Status == CadenceStatus.Overdue,
            ReachOutFilter.Due => r.Status == CadenceStatus.Due,
            ReachOutFilter.NeverTouched => r.Status == CadenceStatus.NeverTouched,
            ReachOutFilter.OnTrack => r.Status == CadenceStatus.OnTrack,
            _ => true,
        }).ToList();
        var size = Math.Clamp(query.PageSize, 1, ReachOutQuery.MaxPageSize);
        return new ReachOutResults(matching.Count, [.. matching.Skip(Math.Max(query.Page, 0) * size).Take(size)]);
    }

    /// <summary>Orders by <see cref="CadenceRules.UrgencyKey"/>, then name.</summary>
    public static List<RelationshipCadence> Sort(IEnumerable<RelationshipCadence> relationships) =>
        [.. relationships
            .OrderBy(r => CadenceRules.UrgencyKey(r.Status, r.DaysSince, r.Cadence))
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Id)];

    public async Task<CadenceDetail> GetForContactAsync(Guid contactId, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId && c.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That contact no longer exists.");
        var relationship = (await ComputeAsync(db, new CadenceScope(Organizations: false, Ids: [contactId], IncludeArchived: true), timeProvider, ct)).Single();
        return new CadenceDetail(relationship, contact.CadenceIdealDays, contact.CadenceMaxDays, RecordPermissions.CanEdit(user, contact, contact.OwnerId), contact.Version);
    }

    public async Task<CadenceDetail> GetForOrganizationAsync(Guid organizationId, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId && o.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That organization no longer exists.");
        var relationship = (await ComputeAsync(db, new CadenceScope(Contacts: false, Ids: [organizationId], IncludeArchived: true), timeProvider, ct)).Single();
        return new CadenceDetail(relationship, organization.CadenceIdealDays, organization.CadenceMaxDays, RecordPermissions.CanEdit(user, organization, organization.OwnerId), organization.Version);
    }

    /// <summary>Sets (both values) or clears (both null) a contact's own cadence; version-checked like any edit of the contact.</summary>
    public async Task SetContactCadenceAsync(Guid contactId, int? idealDays, int? maxDays, Guid version, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        ThrowIfInvalidOverride(idealDays, maxDays);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That contact no longer exists.");
        CheckEdit(user, contact, contact.OwnerId);
        contact.CadenceIdealDays = idealDays;
        contact.CadenceMaxDays = maxDays;
        await SaveVersionedAsync(db, contact, version, ct);
        logger.LogInformation("Contact {ContactId} cadence set to {Ideal}/{Max}", contactId, idealDays, maxDays);
    }

    public async Task SetOrganizationCadenceAsync(Guid organizationId, int? idealDays, int? maxDays, Guid version, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        ThrowIfInvalidOverride(idealDays, maxDays);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId && o.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That organization no longer exists.");
        CheckEdit(user, organization, organization.OwnerId);
        organization.CadenceIdealDays = idealDays;
        organization.CadenceMaxDays = maxDays;
        await SaveVersionedAsync(db, organization, version, ct);
        logger.LogInformation("Organization {OrganizationId} cadence set to {Ideal}/{Max}", organizationId, idealDays, maxDays);
    }

    /// <summary>The settings: one row per partnership level, then one per organization type (unset when it has no rule).</summary>
    public async Task<IReadOnlyList<CadenceRuleView>> ListRulesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rules = await db.CadenceRules.AsNoTracking().ToListAsync(ct);
        var types = await db.OrganizationTypes.AsNoTracking().Where(t => !t.IsArchived).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        var levels = Enum.GetValues<PartnershipLevel>().OrderByDescending(l => l).Select(level =>
        {
            var rule = rules.SingleOrDefault(r => r.PartnershipLevel == level);
            var fallback = DefaultFor(level);
            return new CadenceRuleView(rule?.Id, level, null, PartnershipLevels.Label(level), rule?.IdealDays ?? fallback.Ideal, rule?.MaxDays ?? fallback.Max, rule?.Version);
        });
        var byType = types.Select(type =>
        {
            var rule = rules.SingleOrDefault(r => r.OrganizationTypeId == type.Id);
            return new CadenceRuleView(rule?.Id, null, type.Id, type.Name, rule?.IdealDays, rule?.MaxDays, rule?.Version);
        });
        return [.. levels, .. byType];
    }

    /// <summary>
    /// Saves one settings row (Admins). A partnership level always has a cadence; an organization type's is removed when
    /// both values are null. <paramref name="version"/> is the row's version as loaded (null for a new type rule).
    /// </summary>
    public async Task SaveRuleAsync(PartnershipLevel? level, Guid? organizationTypeId, int? idealDays, int? maxDays, Guid? version, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        if ((level is null) == (organizationTypeId is null))
        {
            throw new ArgumentException("Give a partnership level or an organization type.");
        }

        var clearing = organizationTypeId is not null && idealDays is null && maxDays is null;
        if (!clearing)
        {
            var errors = CadenceRules.Validate(idealDays, maxDays);
            if (errors.Count > 0)
            {
                throw new RecordValidationException(errors);
            }
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rule = await db.CadenceRules.SingleOrDefaultAsync(r => level != null ? r.PartnershipLevel == level : r.OrganizationTypeId == organizationTypeId, ct);
        if (rule is null)
        {
            if (version is not null)
            {
                throw new ConcurrencyConflictException();
            }

            if (clearing)
            {
                return;
            }

            if (organizationTypeId is { } typeId && !await db.OrganizationTypes.AnyAsync(t => t.Id == typeId, ct))
            {
                throw new RecordNotFoundException("That organization type no longer exists.");
            }

            db.CadenceRules.Add(new CadenceRule { PartnershipLevel = level, OrganizationTypeId = organizationTypeId, IdealDays = idealDays!.Value, MaxDays = maxDays!.Value });
        }
        else
        {
            if (rule.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            if (clearing)
            {
                db.CadenceRules.Remove(rule);
            }
            else
            {
                rule.IdealDays = idealDays!.Value;
                rule.MaxDays = maxDays!.Value;
            }

            db.Entry(rule).Property(r => r.Version).OriginalValue = version.Value;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Someone else changed this cadence while you were editing it. Nothing was saved.", ex);
        }
        catch (DbUpdateException ex) when (rule is null)
        {
            // Two Admins added the same type's cadence at once (the unique index).
            throw new ConcurrencyConflictException("Someone else set this cadence while you were editing it. Nothing was saved.", ex);
        }

        logger.LogInformation("Cadence for {Subject} set to {Ideal}/{Max}", (object?)level ?? organizationTypeId, idealDays, maxDays);
    }

    /// <summary>The seeded cadence for a level, used should its row be missing.</summary>
    public static (int Ideal, int Max) DefaultFor(PartnershipLevel level)
    {
        var seeded = CadenceRuleConfiguration.Defaults.Single(d => d.Level == level);
        return (seeded.Ideal, seeded.Max);
    }

    /// <summary>
    /// The core computation, for this feature and others (notifications, digests) that already hold a context. Queries:
    /// the rules; the contacts, their current organizations, their latest interaction and latest event; the organizations,
    /// their latest interaction and latest event. Each aggregate is one GROUP BY over the scope's ids (a subquery), so the
    /// count of queries does not grow with the count of records.
    /// </summary>
    internal static async Task<List<RelationshipCadence>> ComputeAsync(OutreachDbContext db, CadenceScope scope, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zone = time.LocalTimeZone;
        var today = LibraryTime.LocalDate(now, zone);
        var rules = await db.CadenceRules.AsNoTracking().ToListAsync(ct);
        var levels = rules.Where(r => r.PartnershipLevel is not null).ToDictionary(r => r.PartnershipLevel!.Value, r => (r.IdealDays, r.MaxDays));
        var types = rules.Where(r => r.OrganizationTypeId is not null).ToDictionary(r => r.OrganizationTypeId!.Value, r => (r.IdealDays, r.MaxDays));
        (int, int) Level(PartnershipLevel level) => levels.TryGetValue(level, out var rule) ? rule : DefaultFor(level);
        CadenceDays Organization(int? ideal, int? max, Guid typeId, PartnershipLevel level) => CadenceRules.ForOrganization(
            ideal is { } i && max is { } m ? (i, m) : null,
            types.TryGetValue(typeId, out var typeRule) ? typeRule : null,
            Level(level));
        DateOnly? Latest(DateTimeOffset? interaction, DateOnly? eventDay)
        {
            DateOnly? fromInteraction = interaction is { } at ? LibraryTime.LocalDate(at, zone) : null;
            DateOnly? fromEvent = eventDay is { } day ? (day > today ? today : day) : null;
            return fromInteraction > fromEvent || fromEvent is null ? fromInteraction : fromEvent;
        }

        RelationshipCadence Build(RelationshipKind kind, Guid id, string name, string? ownerId, string? ownerName, CadenceDays cadence, DateOnly? last)
        {
            var days = CadenceRules.DaysSince(last, today);
            return new RelationshipCadence(kind, id, name, ownerId, ownerName, cadence, last, days, CadenceRules.Status(last, today, cadence));
        }

        var result = new List<RelationshipCadence>();
        if (scope.Contacts)
        {
            var contacts = db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null);
            if (!scope.IncludeArchived)
            {
                contacts = contacts.Where(c => !c.IsArchived);
            }

            if (scope.OwnerId is { } owner)
            {
                contacts = contacts.Where(c => c.OwnerId == owner);
            }

            if (scope.Ids is { } ids)
            {
                contacts = contacts.Where(c => ids.Contains(c.Id));
            }

            var contactIds = contacts.Select(c => c.Id);
            var rows = await contacts.Select(c => new
            {
                c.Id,
                c.DisplayName,
                c.OwnerId,
                OwnerName = c.Owner == null ? null : c.Owner.DisplayName,
                c.CadenceIdealDays,
                c.CadenceMaxDays,
            }).ToListAsync(ct);
            var organizations = (await db.Affiliations.AsNoTracking()
                    .Where(a => a.EndDate == null && contactIds.Contains(a.ContactId) && a.Organization!.MergedIntoId == null && !a.Organization.IsArchived)
                    .Select(a => new { a.ContactId, a.Organization!.CadenceIdealDays, a.Organization.CadenceMaxDays, a.Organization.TypeId, a.Organization.PartnershipLevel })
                    .ToListAsync(ct))
                .ToLookup(a => a.ContactId, a => Organization(a.CadenceIdealDays, a.CadenceMaxDays, a.TypeId, a.PartnershipLevel));
            var interactions = await db.Interactions.AsNoTracking()
                .Where(i => i.ContactId != null && i.OccurredAt <= now && contactIds.Contains(i.ContactId.Value))
                .GroupBy(i => i.ContactId!.Value)
                .Select(g => new { Id = g.Key, Last = g.Max(i => i.OccurredAt) })
                .ToDictionaryAsync(g => g.Id, g => g.Last, ct);
            var events = await (
                    from link in db.OutreachEventContacts
                    join e in db.OutreachEvents on link.EventId equals e.Id
                    where e.StartDate <= today && contactIds.Contains(link.ContactId)
                    group e.EndDate by link.ContactId into g
                    select new { Id = g.Key, Last = g.Max() })
                .ToDictionaryAsync(g => g.Id, g => g.Last, ct);
            var noOrganization = Level(PartnershipLevel.Contact);
            result.AddRange(rows.Select(c => Build(
                RelationshipKind.Contact, c.Id, c.DisplayName, c.OwnerId, c.OwnerName,
                CadenceRules.ForContact(c.CadenceIdealDays is { } i && c.CadenceMaxDays is { } m ? (i, m) : null, organizations[c.Id], noOrganization),
                Latest(interactions.TryGetValue(c.Id, out var at) ? at : null, events.TryGetValue(c.Id, out var day) ? day : null))));
        }

        if (scope.Organizations)
        {
            var organizations = db.Organizations.AsNoTracking().Where(o => o.MergedIntoId == null);
            if (!scope.IncludeArchived)
            {
                organizations = organizations.Where(o => !o.IsArchived);
            }

            if (scope.OwnerId is { } owner)
            {
                organizations = organizations.Where(o => o.OwnerId == owner || o.CoOwners.Any(c => c.UserId == owner));
            }

            if (scope.Ids is { } ids)
            {
                organizations = organizations.Where(o => ids.Contains(o.Id));
            }

            var organizationIds = organizations.Select(o => o.Id);
            var rows = await organizations.Select(o => new
            {
                o.Id,
                o.Name,
                o.OwnerId,
                OwnerName = o.Owner == null ? null : o.Owner.DisplayName,
                o.CadenceIdealDays,
                o.CadenceMaxDays,
                o.TypeId,
                o.PartnershipLevel,
            }).ToListAsync(ct);
            var interactions = await db.Interactions.AsNoTracking()
                .Where(i => i.OrganizationId != null && i.OccurredAt <= now && organizationIds.Contains(i.OrganizationId.Value))
                .GroupBy(i => i.OrganizationId!.Value)
                .Select(g => new { Id = g.Key, Last = g.Max(i => i.OccurredAt) })
                .ToDictionaryAsync(g => g.Id, g => g.Last, ct);
            var events = await (
                    from link in db.OutreachEventOrganizations
                    join e in db.OutreachEvents on link.EventId equals e.Id
                    where e.StartDate <= today && organizationIds.Contains(link.OrganizationId)
                    group e.EndDate by link.OrganizationId into g
                    select new { Id = g.Key, Last = g.Max() })
                .ToDictionaryAsync(g => g.Id, g => g.Last, ct);
            result.AddRange(rows.Select(o => Build(
                RelationshipKind.Organization, o.Id, o.Name, o.OwnerId, o.OwnerName,
                Organization(o.CadenceIdealDays, o.CadenceMaxDays, o.TypeId, o.PartnershipLevel),
                Latest(interactions.TryGetValue(o.Id, out var at) ? at : null, events.TryGetValue(o.Id, out var day) ? day : null))));
        }

        return result;
    }

    private static void ThrowIfInvalidOverride(int? idealDays, int? maxDays)
    {
        if (idealDays is null && maxDays is null)
        {
            return;
        }

        var errors = CadenceRules.Validate(idealDays, maxDays);
        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }
    }

    private static void CheckEdit(ClaimsPrincipal user, ITrackedEntity record, string? ownerId)
    {
        if (!RecordPermissions.CanEdit(user, record, ownerId))
        {
            throw new AccessDeniedException(NotYours);
        }
    }

    private static async Task SaveVersionedAsync<T>(OutreachDbContext db, T record, Guid version, CancellationToken ct)
        where T : TrackedEntity
    {
        if (record.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Someone else changed this record while you were editing it. Nothing was saved.", ex);
        }
    }
}
