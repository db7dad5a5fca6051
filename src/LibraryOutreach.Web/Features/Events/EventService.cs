using System.Globalization;
using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// Outreach events (every method checks permissions): any staff member reads and logs them; edit and delete follow
/// <see cref="EventPermissions"/>. Saving an event writes, in one transaction, the event, its staff present,
/// organizations, contacts met (each one's timeline entry), tags, the people added inline (contacts, with an
/// affiliation when an organization was chosen) and the follow-ups added inline; if any part is invalid nothing is
/// saved. Saves carry the version the person loaded (ADR 0005): a stale save is refused with
/// <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class EventService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    EventTypeService eventTypes,
    BranchService branches,
    IContactService contacts,
    AffiliationService affiliations,
    ILogger<EventService> logger) : IEventService
{
    public const string NotFound = "That event no longer exists.";
    public const string TypeUnknown = "That event type no longer exists. Choose another.";
    public const string TypeArchived = "That event type was archived. Choose another.";
    public const string BranchUnknown = "That branch no longer exists. Choose another.";
    public const string StaffUnknown = "Choose active staff members.";
    public const string AssigneeUnknown = "Choose an active staff member.";
    public const string OrganizationGone = "That organization no longer exists. Choose another.";
    /// <summary>Contacts offered per search: with "Add … as a new person" they stay within the picker's 10 items.</summary>
    public const int MaxContactMatches = 8;

    public async Task<EventFormChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        var types = await eventTypes.ListAsync(includeArchived: false, ct);
        var branchList = await branches.ListAsync(includeArchived: false, ct);
        var staff = await contacts.ListStaffAsync(ct);
        var tags = await contacts.ListTagsAsync(ct);
        return new EventFormChoices(types, branchList, staff, tags);
    }

    public async Task<IReadOnlyList<ContactOption>> SearchContactsAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var results = await contacts.ListAsync(new ContactQuery { Text = text, PageSize = MaxContactMatches }, ct);
        return results.Rows.Select(r => new ContactOption(r.Id, r.DisplayName, r.Organizations.Count > 0 ? r.Organizations[0] : null)).ToList();
    }

    public async Task<IReadOnlyList<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken ct = default) =>
        await affiliations.SearchOrganizationsAsync(text, ct);

    public async Task<EventDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var e = await db.OutreachEvents.AsNoTracking().AsSplitQuery()
            .Include(x => x.Type)
            .Include(x => x.Branch)
            .Include(x => x.Staff).ThenInclude(s => s.User)
            .Include(x => x.Organizations).ThenInclude(o => o.Organization)
            .Include(x => x.Contacts).ThenInclude(c => c.Contact)
            .Include(x => x.Tags).ThenInclude(t => t.Tag)
            .SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new RecordNotFoundException(NotFound);
        var contactIds = e.Contacts.Select(c => c.ContactId).ToList();
        var currentOrganizations = (await db.Affiliations.AsNoTracking()
                .Where(a => contactIds.Contains(a.ContactId) && a.EndDate == null)
                .Select(a => new { a.ContactId, a.Organization!.Name })
                .ToListAsync(ct))
            .GroupBy(a => a.ContactId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Name).Order(StringComparer.CurrentCultureIgnoreCase).First());
        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.EventId == id)
            .OrderBy(f => f.DueDate).ThenBy(f => f.Title)
            .Select(f => new EventFollowUpView(f.Id, f.Title, f.DueDate, f.Assignee!.DisplayName, f.DoneAt))
            .ToListAsync(ct);
        var zone = timeProvider.LocalTimeZone;
        var canEdit = EventPermissions.CanEdit(user, e, e.Staff.Select(s => s.UserId));
        return new EventDetail(
            e.Id,
            e.Version,
            e.Title,
            e.TypeId,
            e.Type!.Name,
            e.StartDate,
            e.EndDate,
            e.StartsAt is { } s ? LibraryTime.ToLocal(s, zone) : null,
            e.EndsAt is { } en ? LibraryTime.ToLocal(en, zone) : null,
            e.Location,
            e.BranchId,
            e.Branch?.Name,
            e.LibraryRole,
            e.AudienceAgeGroup,
            e.Setting,
            e.Attendance,
            e.LibraryCardsIssued,
            e.ItemsCheckedOut,
            e.MaterialsHandedOut,
            e.Notes,
            e.Outcomes,
            e.Source,
            e.Staff.Select(x => new StaffOption(x.UserId, x.User!.DisplayName)).OrderBy(x => x.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList(),
            e.Organizations.Select(o => new OrganizationOption(o.OrganizationId, o.Organization!.Name)).OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            e.Contacts.Select(c => new ContactOption(c.ContactId, c.Contact!.DisplayName, currentOrganizations.GetValueOrDefault(c.ContactId)))
                .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            e.Tags.Select(t => new TagChip(t.TagId, t.Tag!.Name, t.Tag.Color)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            followUps,
            canEdit,
            canEdit);
    }

    public async Task<Guid> CreateAsync(EventInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var outreachEvent = new OutreachEvent { Source = EventSource.Manual };
        var typeName = await CheckAsync(db, input, currentTypeId: null, ct);
        EventValidation.Apply(input, outreachEvent, typeName, timeProvider.LocalTimeZone);
        var links = Links(input);
        outreachEvent.Staff = links.StaffIds.Select(u => new OutreachEventStaff { UserId = u }).ToList();
        outreachEvent.Organizations = links.OrganizationIds.Select(o => new OutreachEventOrganization { OrganizationId = o }).ToList();
        outreachEvent.Contacts = links.ContactIds.Select(c => new OutreachEventContact { ContactId = c }).ToList();
        outreachEvent.Tags = links.TagIds.Select(t => new OutreachEventTag { TagId = t }).ToList();
        db.OutreachEvents.Add(outreachEvent);
        AddNewPeopleAndFollowUps(db, input, outreachEvent);
        await SaveAsync(db, input, null, ct);
        logger.LogInformation("Event {EventId} logged with {Attendees} attendee(s)", outreachEvent.Id, outreachEvent.Contacts.Count);
        return outreachEvent.Id;
    }

    public async Task UpdateAsync(Guid id, EventInput input, Guid version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var outreachEvent = await LoadForEditAsync(db, id, user, ct);
        var typeName = await CheckAsync(db, input, outreachEvent.TypeId, ct);
        var proposed = new OutreachEvent();
        EventValidation.Apply(input, proposed, typeName, timeProvider.LocalTimeZone);
        var links = Links(input);
        if (outreachEvent.Version != version)
        {
            throw await ConflictAsync(db, outreachEvent, proposed, links, ct);
        }

        EventValidation.Apply(input, outreachEvent, typeName, timeProvider.LocalTimeZone);
        db.OutreachEventStaff.RemoveRange(outreachEvent.Staff.Where(s => !links.StaffIds.Contains(s.UserId)));
        outreachEvent.Staff.AddRange(links.StaffIds.Where(u => outreachEvent.Staff.All(s => s.UserId != u)).Select(u => new OutreachEventStaff { UserId = u }));
        db.OutreachEventOrganizations.RemoveRange(outreachEvent.Organizations.Where(o => !links.OrganizationIds.Contains(o.OrganizationId)));
        outreachEvent.Organizations.AddRange(links.OrganizationIds.Where(o => outreachEvent.Organizations.All(x => x.OrganizationId != o)).Select(o => new OutreachEventOrganization { OrganizationId = o }));
        db.OutreachEventContacts.RemoveRange(outreachEvent.Contacts.Where(c => !links.ContactIds.Contains(c.ContactId)));
        outreachEvent.Contacts.AddRange(links.ContactIds.Where(c => outreachEvent.Contacts.All(x => x.ContactId != c)).Select(c => new OutreachEventContact { ContactId = c }));
        db.OutreachEventTags.RemoveRange(outreachEvent.Tags.Where(t => !links.TagIds.Contains(t.TagId)));
        outreachEvent.Tags.AddRange(links.TagIds.Where(t => outreachEvent.Tags.All(x => x.TagId != t)).Select(t => new OutreachEventTag { TagId = t }));
        AddNewPeopleAndFollowUps(db, input, outreachEvent);
        RecordMerging.ExpectVersion(db, outreachEvent, version);
        await SaveAsync(db, input, (outreachEvent, proposed, links), ct);
        logger.LogInformation("Event {EventId} updated", id);
    }

    public async Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var outreachEvent = await LoadForEditAsync(db, id, user, ct);
        if (outreachEvent.Version != version)
        {
            throw await ConflictAsync(db, outreachEvent, null, null, ct);
        }

        db.OutreachEvents.Remove(outreachEvent);
        db.Entry(outreachEvent).Property(e => e.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed or deleted this event while you were looking at it. Nothing was deleted.");
        }

        logger.LogInformation("Event {EventId} deleted", id);
    }

    private static async Task<OutreachEvent> LoadForEditAsync(OutreachDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var outreachEvent = await db.OutreachEvents.AsSplitQuery()
            .Include(e => e.Staff)
            .Include(e => e.Organizations)
            .Include(e => e.Contacts)
            .Include(e => e.Tags)
            .SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new RecordNotFoundException(NotFound);
        if (!EventPermissions.CanEdit(user, outreachEvent, outreachEvent.Staff.Select(s => s.UserId)))
        {
            throw new AccessDeniedException(EventPermissions.Refused);
        }

        return outreachEvent;
    }

    private sealed record EventLinks(List<string> StaffIds, List<Guid> OrganizationIds, List<Guid> ContactIds, List<Guid> TagIds);

    private static EventLinks Links(EventInput input) => new(
        input.StaffIds.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList(),
        input.Organizations.Select(o => o.Id).Distinct().ToList(),
        input.Attendees.Select(a => a.Id).Distinct().ToList(),
        input.TagIds.Distinct().ToList());

    /// <summary>New contacts (and their affiliations) for the people added inline, and the follow-ups, all linked to the event.</summary>
    private static void AddNewPeopleAndFollowUps(OutreachDbContext db, EventInput input, OutreachEvent outreachEvent)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < input.NewPeople.Count; i++)
        {
            var person = input.NewPeople[i];
            var contact = EventValidation.ToContact(person, i, errors)!;
            db.Contacts.Add(contact);
            if (person.Organization is { } organization)
            {
                db.Affiliations.Add(new Affiliation { ContactId = contact.Id, OrganizationId = organization.Id });
            }

            outreachEvent.Contacts.Add(new OutreachEventContact { ContactId = contact.Id });
        }

        foreach (var f in input.FollowUps)
        {
            db.FollowUps.Add(new FollowUp { Title = f.Title!.Trim(), DueDate = f.DueDate!.Value, AssigneeId = f.AssigneeId!, EventId = outreachEvent.Id });
        }
    }

    /// <summary>
    /// Every message for <paramref name="input"/>, the form's own rules and its references (type, branch, staff,
    /// organizations, contacts deleted or merged meanwhile, tags, assignees) together; throws when there is any.
    /// Returns the type's name (the default title).
    /// </summary>
    private static async Task<string> CheckAsync(OutreachDbContext db, EventInput input, Guid? currentTypeId, CancellationToken ct)
    {
        var errors = EventValidation.Validate(input);
        var typeName = "";
        if (input.TypeId is { } typeId)
        {
            var type = await db.EventTypes.AsNoTracking().Where(t => t.Id == typeId).Select(t => new { t.Name, t.IsArchived }).SingleOrDefaultAsync(ct);
            if (type is null)
            {
                errors[nameof(EventInput.TypeId)] = TypeUnknown;
            }
            else if (type.IsArchived && typeId != currentTypeId)
            {
                errors[nameof(EventInput.TypeId)] = TypeArchived;
            }
            else
            {
                typeName = type.Name;
            }
        }

        if (input.BranchId is { } branchId && !await db.Branches.AnyAsync(b => b.Id == branchId, ct))
        {
            errors[nameof(EventInput.BranchId)] = BranchUnknown;
        }

        var links = Links(input);
        var assignees = input.FollowUps.Select(f => f.AssigneeId).OfType<string>().ToList();
        var people = links.StaffIds.Concat(assignees).Distinct(StringComparer.Ordinal).ToList();
        var active = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (links.StaffIds.Except(active, StringComparer.Ordinal).Any())
        {
            errors.TryAdd(nameof(EventInput.StaffIds), StaffUnknown);
        }

        for (var i = 0; i < input.FollowUps.Count; i++)
        {
            if (input.FollowUps[i].AssigneeId is { Length: > 0 } assignee && !active.Contains(assignee, StringComparer.Ordinal))
            {
                errors.TryAdd(EventValidation.FollowUpPrefix(i) + nameof(InlineFollowUpInput.AssigneeId), AssigneeUnknown);
            }
        }

        var organizationIds = links.OrganizationIds.Concat(input.NewPeople.Select(p => p.Organization?.Id).OfType<Guid>()).Distinct().ToList();
        var liveOrganizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id) && o.MergedIntoId == null).Select(o => o.Id).ToListAsync(ct);
        var goneOrganizations = input.Organizations.Where(o => !liveOrganizations.Contains(o.Id)).Select(o => o.Name).Distinct().ToList();
        if (goneOrganizations.Count > 0)
        {
            errors[nameof(EventInput.Organizations)] = Gone(goneOrganizations, "the organizations");
        }

        for (var i = 0; i < input.NewPeople.Count; i++)
        {
            if (input.NewPeople[i].Organization is { } organization && !liveOrganizations.Contains(organization.Id))
            {
                errors.TryAdd(EventValidation.NewPersonKey(i, nameof(NewPersonInput.Organization)), OrganizationGone);
            }
        }

        var liveContacts = await db.Contacts.AsNoTracking().Where(c => links.ContactIds.Contains(c.Id) && c.MergedIntoId == null).Select(c => c.Id).ToListAsync(ct);
        var goneContacts = input.Attendees.Where(a => !liveContacts.Contains(a.Id)).Select(a => a.Name).Distinct().ToList();
        if (goneContacts.Count > 0)
        {
            errors[nameof(EventInput.Attendees)] = Gone(goneContacts, "the contacts");
        }

        if (links.TagIds.Count > 0 && await db.Tags.CountAsync(t => links.TagIds.Contains(t.Id), ct) != links.TagIds.Count)
        {
            errors[nameof(EventInput.TagIds)] = ContactService.TagUnknown;
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        return typeName;
    }

    private DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? LibraryTime.ToLocal(i, timeProvider.LocalTimeZone) : null;

    private static string Gone(List<string> names, string where) => string.Create(
        CultureInfo.InvariantCulture,
        $"{string.Join(", ", names)} {(names.Count == 1 ? "is" : "are")} no longer in {where} (deleted or merged meanwhile). Remove them and save again.");

    /// <summary>
    /// The one SaveChanges (one transaction). A reference removed between the checks and the save breaks a foreign key:
    /// the checks run again to say which; a stale version becomes a conflict.
    /// </summary>
    private async Task SaveAsync(OutreachDbContext db, EventInput input, (OutreachEvent Event, OutreachEvent Proposed, EventLinks Links)? edit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (edit is { } e)
        {
            db.ChangeTracker.Clear();
            var current = await db.OutreachEvents.AsNoTracking().AsSplitQuery()
                .Include(x => x.Staff).Include(x => x.Organizations).Include(x => x.Contacts)
                .SingleOrDefaultAsync(x => x.Id == e.Event.Id, ct)
                ?? throw new RecordNotFoundException("That event was deleted while you were editing it.");
            throw await ConflictAsync(db, current, e.Proposed, e.Links, ct);
        }
        catch (DbUpdateException)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(ct);
            await CheckAsync(fresh, input, edit?.Event.TypeId, ct);
            throw;
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, OutreachEvent current, OutreachEvent? proposed, EventLinks? links, CancellationToken ct)
    {
        var userIds = current.Staff.Select(s => s.UserId).Concat(links?.StaffIds ?? []).Append(current.UpdatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var changedBy = current.UpdatedById is { } by ? names.GetValueOrDefault(by) : null;
        if (proposed is null || links is null)
        {
            return new ConcurrencyConflictException([], changedBy);
        }

        var typeIds = new[] { current.TypeId, proposed.TypeId };
        var types = await db.EventTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var contactIds = current.Contacts.Select(c => c.ContactId).Concat(links.ContactIds).Distinct().ToList();
        var contactNames = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var theirs = Describe(current, current.Staff.Select(s => s.UserId), current.Contacts.Select(c => c.ContactId), names, types, contactNames);
        var yours = Describe(proposed, links.StaffIds, links.ContactIds, names, types, contactNames);
        var differences = theirs
            .Where(pair => !string.Equals(pair.Value, yours[pair.Key], StringComparison.Ordinal))
            .Select(pair => new FieldDifference(pair.Key, pair.Value, yours[pair.Key]))
            .ToList();
        return new ConcurrencyConflictException(differences, changedBy);
    }

    private Dictionary<string, string?> Describe(
        OutreachEvent e,
        IEnumerable<string> staffIds,
        IEnumerable<Guid> contactIds,
        Dictionary<string, string> names,
        Dictionary<Guid, string> types,
        Dictionary<Guid, string> contactNames) => new(StringComparer.Ordinal)
        {
            ["Title"] = e.Title,
            ["Type"] = types.GetValueOrDefault(e.TypeId),
            ["When"] = EventText.When(e.StartDate, e.EndDate, Local(e.StartsAt), Local(e.EndsAt)),
            ["Location"] = e.Location,
            ["LibraryRole"] = EventText.Role(e.LibraryRole),
            ["AudienceAgeGroup"] = EventText.AgeGroup(e.AudienceAgeGroup),
            ["Setting"] = EventText.Setting(e.Setting),
            ["Attendance"] = EventText.Count(e.Attendance),
            ["LibraryCardsIssued"] = EventText.Count(e.LibraryCardsIssued),
            ["ItemsCheckedOut"] = EventText.Count(e.ItemsCheckedOut),
            ["MaterialsHandedOut"] = EventText.Count(e.MaterialsHandedOut),
            ["Staff"] = string.Join(", ", staffIds.Select(s => names.GetValueOrDefault(s, s)).Order(StringComparer.CurrentCultureIgnoreCase)),
            ["Attendees"] = string.Join(", ", contactIds.Select(c => contactNames.GetValueOrDefault(c, "?")).Order(StringComparer.CurrentCultureIgnoreCase)),
            ["Notes"] = e.Notes,
            ["Outcomes"] = e.Outcomes,
        };
}
