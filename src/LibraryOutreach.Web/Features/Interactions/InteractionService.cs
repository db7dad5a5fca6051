using System.Globalization;
using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>
/// Interactions ("touches"), every method checking permissions: all staff read and log them; a Staff member edits or
/// deletes the ones they had or logged, Supervisors and Admins anyone's (<see cref="RecordPermissions.CanEdit"/>).
/// Saves carry the version the person loaded, so a stale save is refused with <see cref="ConcurrencyConflictException"/>.
/// Times are stored in UTC and returned in the library's time zone (<see cref="LibraryTime"/>). Saves are audited by the
/// audit interceptor.
/// </summary>
public sealed class InteractionService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    ILogger<InteractionService> logger) : IInteractionService
{
    /// <summary>How many entries a "Recent outreach" panel shows.</summary>
    public const int RecentCount = 5;

    /// <summary>How many options the "who" field offers at most.</summary>
    public const int PartyLimit = 10;

    public const string NotYours = "You can change touches you logged or had. Ask a Supervisor to change this one.";

    private const string NotFound = "That interaction no longer exists.";

    private TimeZoneInfo Zone => timeProvider.LocalTimeZone;

    public async Task<InteractionResults> ListAsync(InteractionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, query);
        IOrderedQueryable<Interaction> ordered = (query.Sort, query.Descending) switch
        {
            (InteractionSort.Channel, false) => rows.OrderBy(i => i.Channel).ThenByDescending(i => i.OccurredAt),
            (InteractionSort.Channel, true) => rows.OrderByDescending(i => i.Channel).ThenByDescending(i => i.OccurredAt),
            (InteractionSort.InitiatedBy, false) => rows.OrderBy(i => i.InitiatedBy).ThenByDescending(i => i.OccurredAt),
            (InteractionSort.InitiatedBy, true) => rows.OrderByDescending(i => i.InitiatedBy).ThenByDescending(i => i.OccurredAt),
            (InteractionSort.Summary, false) => rows.OrderBy(i => i.Summary).ThenByDescending(i => i.OccurredAt),
            (InteractionSort.Summary, true) => rows.OrderByDescending(i => i.Summary).ThenByDescending(i => i.OccurredAt),
            (_, false) => rows.OrderBy(i => i.OccurredAt),
            (_, true) => rows.OrderByDescending(i => i.OccurredAt),
        };
        var size = Math.Clamp(query.PageSize, 1, InteractionQuery.MaxPageSize);
        var skip = Math.Max(query.Page, 0) * size;
        var total = await rows.CountAsync(ct);
        var page = await ordered.ThenBy(i => i.Id).Skip(skip).Take(size)
            .Select(i => new
            {
                i.Id,
                i.Version,
                i.OccurredAt,
                i.Channel,
                i.InitiatedBy,
                i.StaffUserId,
                StaffName = i.StaffUser!.DisplayName,
                i.ContactId,
                ContactName = i.Contact == null ? null : i.Contact.DisplayName,
                i.OrganizationId,
                OrganizationName = i.Organization == null ? null : i.Organization.Name,
                i.Summary,
                i.CreatedById,
            })
            .ToListAsync(ct);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return new InteractionResults(total, [.. page.Select(i => new InteractionRow(
            i.Id, i.Version, LibraryTime.ToLocal(i.OccurredAt, Zone), i.Channel, i.InitiatedBy, i.StaffUserId, i.StaffName,
            i.ContactId, i.ContactName, i.OrganizationId, i.OrganizationName, i.Summary,
            RecordPermissions.CanEdit(user, new Interaction { CreatedById = i.CreatedById }, i.StaffUserId)))]);
    }

    private IQueryable<Interaction> Filter(OutreachDbContext db, InteractionQuery query)
    {
        var rows = db.Interactions.AsNoTracking();
        if (query.From is { } from)
        {
            // Compared in UTC: PostgreSQL takes only UTC, and SQLite's stored form orders by UTC only among UTC values.
            var start = LibraryTime.StartOfDay(from, Zone).ToUniversalTime();
            rows = rows.Where(i => i.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = LibraryTime.StartOfDay(to.AddDays(1), Zone).ToUniversalTime();
            rows = rows.Where(i => i.OccurredAt < end);
        }

        if (query.Channel is { } channel)
        {
            rows = rows.Where(i => i.Channel == channel);
        }

        if (query.InitiatedBy is { } initiatedBy)
        {
            rows = rows.Where(i => i.InitiatedBy == initiatedBy);
        }

        if (!string.IsNullOrEmpty(query.StaffUserId))
        {
            rows = rows.Where(i => i.StaffUserId == query.StaffUserId);
        }

        if (query.ContactId is { } contactId)
        {
            rows = rows.Where(i => i.ContactId == contactId);
        }

        if (query.OrganizationId is { } organizationId)
        {
            rows = rows.Where(i => i.OrganizationId == organizationId);
        }

        var text = query.Text?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(text))
        {
            // Part of a name ("elementary" finds "Springfield Elementary").
            var pattern = "%" + LikePatterns.Prefix(text);
            rows = rows.Where(i =>
                (i.Contact != null && EF.Functions.Like(i.Contact.DisplayName.ToLower(), pattern, LikePatterns.Escape))
                || (i.Organization != null && EF.Functions.Like(i.Organization.Name.ToLower(), pattern, LikePatterns.Escape)));
        }

        return rows;
    }

    public async Task<InteractionDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var i = await db.Interactions.AsNoTracking()
            .Include(x => x.StaffUser).Include(x => x.Contact).Include(x => x.Organization).Include(x => x.Event)
            .SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new RecordNotFoundException(NotFound);
        return new InteractionDetail(
            i.Id, i.Version, LibraryTime.ToLocal(i.OccurredAt, Zone), i.Channel, i.InitiatedBy, i.StaffUser?.DisplayName ?? i.StaffUserId,
            i.ContactId, i.Contact?.DisplayName, i.OrganizationId, i.Organization?.Name, i.EventId, i.Event?.Title,
            i.Summary, i.Notes, RecordPermissions.CanEdit(user, i, i.StaffUserId));
    }

    public async Task<Guid> CreateAsync(InteractionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await guard.RequireAsync(Policies.Staff);
        var valid = InteractionValidation.Check(input, timeProvider);
        var interaction = new Interaction
        {
            StaffUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException(),
        };
        Apply(interaction, valid);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await CheckReferencesAsync(db, valid, ct);
        db.Interactions.Add(interaction);
        await SaveAsync(db, valid, ct);
        logger.LogInformation("Interaction {InteractionId} logged", interaction.Id);
        return interaction.Id;
    }

    public async Task UpdateAsync(Guid id, InteractionInput input, Guid version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await guard.RequireAsync(Policies.Staff);
        var valid = InteractionValidation.Check(input, timeProvider);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var interaction = await LoadForEditAsync(db, id, user, ct);
        await CheckReferencesAsync(db, valid, ct);
        var proposed = new Interaction { StaffUserId = interaction.StaffUserId };
        Apply(proposed, valid);
        if (interaction.Version != version)
        {
            throw await ConflictAsync(db, interaction, proposed, ct);
        }

        Apply(interaction, valid);
        db.Entry(interaction).Property(i => i.Version).OriginalValue = version;
        try
        {
            await SaveAsync(db, valid, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Interactions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
                ?? throw new RecordNotFoundException("That interaction was deleted while you were editing it.");
            throw await ConflictAsync(db, current, proposed, ct);
        }

        logger.LogInformation("Interaction {InteractionId} updated", id);
    }

    public async Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var interaction = await LoadForEditAsync(db, id, user, ct);
        if (interaction.Version != version)
        {
            throw await ConflictAsync(db, interaction, interaction, ct);
        }

        db.Entry(interaction).Property(i => i.Version).OriginalValue = version;
        db.Interactions.Remove(interaction);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed or deleted this interaction meanwhile. Nothing was deleted.");
        }

        logger.LogInformation("Interaction {InteractionId} deleted", id);
    }

    public async Task<IReadOnlyList<PartyOption>> FindPartiesAsync(string? text, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        if (LikePatterns.ForName(text) is not { } patterns)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.MergedIntoId == null && !c.IsArchived)
            .Where(c => EF.Functions.Like(c.DisplayName.ToLower(), patterns.Start, LikePatterns.Escape)
                || EF.Functions.Like(c.DisplayName.ToLower(), patterns.AnyWord, LikePatterns.Escape)
                || EF.Functions.Like(c.LastName.ToLower(), patterns.Start, LikePatterns.Escape))
            .OrderBy(c => c.DisplayName).ThenBy(c => c.Id)
            .Take(PartyLimit)
            .Select(c => new
            {
                c.Id,
                c.DisplayName,
                Organization = c.Affiliations.Where(a => a.EndDate == null).OrderBy(a => a.Organization!.Name)
                    .Select(a => new { a.OrganizationId, a.Organization!.Name }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => !o.IsArchived)
            .WhereNameMatches(patterns)
            .Take(PartyLimit)
            .Select(o => new PartyOption(null, o.Id, o.Name, null))
            .ToListAsync(ct);
        return
        [
            .. contacts.Select(c => new PartyOption(c.Id, c.Organization?.OrganizationId, c.DisplayName, c.Organization?.Name)),
            .. organizations,
        ];
    }

    public async Task<PartyOption?> GetPartyAsync(Guid? contactId, Guid? organizationId, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (contactId is { } cid)
        {
            var contact = await db.Contacts.AsNoTracking()
                .Where(c => c.Id == cid && c.MergedIntoId == null)
                .Select(c => new
                {
                    c.DisplayName,
                    Organization = c.Affiliations.Where(a => a.EndDate == null && (organizationId == null || a.OrganizationId == organizationId))
                        .OrderBy(a => a.Organization!.Name).Select(a => new { a.OrganizationId, a.Organization!.Name }).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(ct);
            return contact is null ? null : new PartyOption(cid, contact.Organization?.OrganizationId, contact.DisplayName, contact.Organization?.Name);
        }

        if (organizationId is { } oid)
        {
            return await db.Organizations.AsNoTracking().Where(o => o.Id == oid && o.MergedIntoId == null)
                .Select(o => new PartyOption(null, o.Id, o.Name, null)).SingleOrDefaultAsync(ct);
        }

        return null;
    }

    public async Task<IReadOnlyList<RecentOutreachItem>> RecentAsync(Guid? contactId, Guid? organizationId, int count = RecentCount, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        if (contactId is null && organizationId is null)
        {
            return [];
        }

        var take = Math.Clamp(count, 1, 50);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var interactions = db.Interactions.AsNoTracking();
        var events = db.OutreachEvents.AsNoTracking();
        if (contactId is { } cid)
        {
            interactions = interactions.Where(i => i.ContactId == cid);
            events = events.Where(e => e.Contacts.Any(c => c.ContactId == cid));
        }
        else
        {
            interactions = interactions.Where(i => i.OrganizationId == organizationId);
            events = events.Where(e => e.Organizations.Any(o => o.OrganizationId == organizationId));
        }

        var touches = await interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(take)
            .Select(i => new { i.Id, i.OccurredAt, i.Summary, i.Channel, i.InitiatedBy, StaffName = i.StaffUser!.DisplayName })
            .ToListAsync(ct);
        var meetings = await events.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.StartsAt).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new { e.Id, e.Title, e.StartDate, e.StartsAt, TypeName = e.Type!.Name })
            .ToListAsync(ct);
        return
        [
            .. touches.Select(i => new RecentOutreachItem(
                    RecentOutreachKind.Interaction, i.Id, LibraryTime.ToLocal(i.OccurredAt, Zone), false, i.Summary,
                    string.Create(CultureInfo.CurrentCulture, $"{ContactText.Channel(i.Channel)} · initiated by {InteractionText.InitiatedBy(i.InitiatedBy).ToLowerInvariant()} · {i.StaffName}"),
                    $"interactions/{i.Id}"))
                .Concat(meetings.Select(e => new RecentOutreachItem(
                    RecentOutreachKind.Event, e.Id,
                    e.StartsAt is { } startsAt ? LibraryTime.ToLocal(startsAt, Zone) : LibraryTime.StartOfDay(e.StartDate, Zone),
                    e.StartsAt is null, e.Title, e.TypeName, $"events/{e.Id}")))
                .OrderByDescending(r => r.At)
                .Take(take),
        ];
    }

    private static void Apply(Interaction interaction, InteractionValidation.Valid valid)
    {
        interaction.ContactId = valid.ContactId;
        interaction.OrganizationId = valid.OrganizationId;
        interaction.Channel = valid.Channel;
        interaction.InitiatedBy = valid.InitiatedBy;
        interaction.Summary = valid.Summary;
        interaction.Notes = valid.Notes;
        interaction.OccurredAt = valid.OccurredAt;
        interaction.EventId = valid.EventId;
    }

    private static async Task<Interaction> LoadForEditAsync(OutreachDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var interaction = await db.Interactions.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new RecordNotFoundException(NotFound);
        if (!RecordPermissions.CanEdit(user, interaction, interaction.StaffUserId))
        {
            throw new AccessDeniedException(NotYours);
        }

        return interaction;
    }

    /// <summary>The contact, organization and event must still exist (not deleted or merged away meanwhile).</summary>
    private static async Task CheckReferencesAsync(OutreachDbContext db, InteractionValidation.Valid valid, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (valid.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.MergedIntoId == null, ct))
        {
            errors[InteractionValidation.PartyKey] = InteractionValidation.ContactGone;
        }
        else if (valid.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId && o.MergedIntoId == null, ct))
        {
            errors[InteractionValidation.PartyKey] = InteractionValidation.OrganizationGone;
        }

        if (valid.EventId is { } eventId && !await db.OutreachEvents.AnyAsync(e => e.Id == eventId, ct))
        {
            errors[nameof(InteractionInput.EventId)] = InteractionValidation.EventGone;
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }
    }

    /// <summary>Saves; a contact or organization deleted between the check and the save fails the foreign key: same message.</summary>
    private static async Task SaveAsync(OutreachDbContext db, InteractionValidation.Valid valid, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await CheckReferencesAsync(db, valid, ct);
            throw;
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, Interaction current, Interaction proposed, CancellationToken ct)
    {
        var contactIds = new[] { current.ContactId, proposed.ContactId }.OfType<Guid>().ToList();
        var organizationIds = new[] { current.OrganizationId, proposed.OrganizationId }.OfType<Guid>().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var changedBy = current.UpdatedById is { } uid ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var theirs = Describe(current, contacts, organizations);
        var yours = Describe(proposed, contacts, organizations);
        var differences = theirs
            .Where(pair => !string.Equals(pair.Value, yours[pair.Key], StringComparison.Ordinal))
            .Select(pair => new FieldDifference(pair.Key, pair.Value, yours[pair.Key]))
            .ToList();
        return new ConcurrencyConflictException(differences, changedBy);
    }

    private Dictionary<string, string?> Describe(Interaction i, Dictionary<Guid, string> contacts, Dictionary<Guid, string> organizations) => new(StringComparer.Ordinal)
    {
        ["OccurredAt"] = LibraryTime.ToLocal(i.OccurredAt, Zone).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture),
        ["Who"] = InteractionText.PartyName(
            i.ContactId is { } c ? contacts.GetValueOrDefault(c, "?") : null,
            i.OrganizationId is { } o ? organizations.GetValueOrDefault(o, "?") : null),
        ["Channel"] = ContactText.Channel(i.Channel),
        ["InitiatedBy"] = InteractionText.InitiatedBy(i.InitiatedBy),
        ["Summary"] = i.Summary,
        ["Notes"] = i.Notes,
    };
}
