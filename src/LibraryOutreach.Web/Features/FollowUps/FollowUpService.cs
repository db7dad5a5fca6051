using System.Globalization;
using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.FollowUps;

/// <summary>
/// Follow-ups (every method checks permissions): any staff member reads them and creates them; the assignee, the
/// person who created it, Supervisors and Admins edit, mark done or undone, and delete (<see cref="RecordPermissions.CanEdit"/>
/// with the assignee as owner). Saves carry the version the person loaded: a stale save is refused with
/// <see cref="ConcurrencyConflictException"/>. Every change is audited by the audit interceptor.
/// </summary>
public sealed class FollowUpService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    FollowUpChanges changes,
    ILogger<FollowUpService> logger) : IFollowUpService
{
    public const string AssigneeUnknown = "Choose an active staff member.";
    public const string ContactGone = "That contact no longer exists. Choose another or leave it empty.";
    public const string OrganizationGone = "That organization no longer exists. Choose another or leave it empty.";
    public const string EventGone = "That event no longer exists.";
    public const string NotYours = "You can change follow-ups assigned to you or that you created. Ask a Supervisor to change this one.";

    /// <summary>The current person's follow-ups: overdue, due today, upcoming (and done ones when asked), in that order.</summary>
    public async Task<IReadOnlyList<FollowUpView>> ListMineAsync(bool includeDone = false, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var me = UserId(user);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.FollowUps.AsNoTracking().Where(f => f.AssigneeId == me);
        if (!includeDone)
        {
            query = query.Where(f => f.DoneAt == null);
        }

        return [.. FollowUpOrder.Sort(await ProjectAsync(query, user, ct))];
    }

    /// <summary>How many of the current person's open follow-ups are due today or overdue (the navigation badge).</summary>
    public async Task<int> CountDueAsync(CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var me = UserId(user);
        var today = LibraryTime.Today(timeProvider);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.FollowUps.CountAsync(f => f.AssigneeId == me && f.DoneAt == null && f.DueDate <= today, ct);
    }

    /// <summary>Everyone's follow-ups (Supervisors and Admins), filtered by assignee and state, one page at a time.</summary>
    public async Task<FollowUpResults> ListAllAsync(FollowUpQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var user = await guard.RequireAsync(Policies.Supervisor);
        var today = LibraryTime.Today(timeProvider);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var followUps = db.FollowUps.AsNoTracking();
        if (!string.IsNullOrEmpty(query.AssigneeId))
        {
            followUps = followUps.Where(f => f.AssigneeId == query.AssigneeId);
        }

        followUps = query.State switch
        {
            FollowUpStateFilter.Open => followUps.Where(f => f.DoneAt == null),
            FollowUpStateFilter.Overdue => followUps.Where(f => f.DoneAt == null && f.DueDate < today),
            FollowUpStateFilter.DueToday => followUps.Where(f => f.DoneAt == null && f.DueDate == today),
            FollowUpStateFilter.Upcoming => followUps.Where(f => f.DoneAt == null && f.DueDate > today),
            FollowUpStateFilter.Done => followUps.Where(f => f.DoneAt != null),
            _ => followUps,
        };

        // Open ones first (the oldest due date first), then done ones; the same order as "My follow-ups".
        var ordered = followUps.OrderBy(f => f.DoneAt == null ? 0 : 1).ThenBy(f => f.DueDate).ThenBy(f => f.Title).ThenBy(f => f.Id);
        var size = Math.Clamp(query.PageSize, 1, FollowUpQuery.MaxPageSize);
        var total = await followUps.CountAsync(ct);
        var ids = await ordered.Skip(Math.Max(query.Page, 0) * size).Take(size).Select(f => f.Id).ToListAsync(ct);
        var rows = (await ProjectAsync(db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.Id)), user, ct)).ToDictionary(r => r.Id);
        return new FollowUpResults(total, [.. ids.Select(id => rows[id])]);
    }

    /// <summary>The follow-ups about one contact, organization or event (open ones first), for the panels on their pages.</summary>
    public async Task<IReadOnlyList<FollowUpView>> ListForAsync(Guid? contactId = null, Guid? organizationId = null, Guid? eventId = null, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.FollowUps.AsNoTracking();
        if (contactId is { } c)
        {
            query = query.Where(f => f.ContactId == c);
        }

        if (organizationId is { } o)
        {
            query = query.Where(f => f.OrganizationId == o);
        }

        if (eventId is { } e)
        {
            query = query.Where(f => f.EventId == e);
        }

        if (contactId is null && organizationId is null && eventId is null)
        {
            return [];
        }

        return [.. FollowUpOrder.Sort(await ProjectAsync(query, user, ct))];
    }

    public async Task<FollowUpView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await ProjectAsync(db.FollowUps.AsNoTracking().Where(f => f.Id == id), user, ct)).SingleOrDefault()
            ?? throw new RecordNotFoundException("That follow-up no longer exists.");
    }

    public async Task<Guid> CreateAsync(FollowUpInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.RequireAsync(Policies.Staff);
        FollowUpRules.ThrowIfInvalid(input.Title, input.DueDate, input.AssigneeId);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await CheckReferencesAsync(db, input, ct);
        var followUp = new FollowUp();
        Apply(input, followUp);
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Follow-up {FollowUpId} created", followUp.Id);
        changes.Raise();
        return followUp.Id;
    }

    public async Task UpdateAsync(Guid id, FollowUpInput input, Guid version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await guard.RequireAsync(Policies.Staff);
        FollowUpRules.ThrowIfInvalid(input.Title, input.DueDate, input.AssigneeId);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var followUp = await LoadForEditAsync(db, id, user, ct);
        await CheckReferencesAsync(db, input, ct);
        var proposed = Copy(followUp);
        Apply(input, proposed);
        if (followUp.Version != version)
        {
            throw await ConflictAsync(db, followUp, proposed, ct);
        }

        Apply(input, followUp);
        await SaveVersionedAsync(db, followUp, version, proposed, ct);
        logger.LogInformation("Follow-up {FollowUpId} updated", id);
        changes.Raise();
    }

    /// <summary>Marks a follow-up done (now, by the current person) or open again.</summary>
    public async Task SetDoneAsync(Guid id, bool done, Guid version, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var followUp = await LoadForEditAsync(db, id, user, ct);
        if ((followUp.DoneAt is not null) == done)
        {
            return;
        }

        var proposed = Copy(followUp);
        proposed.DoneAt = done ? timeProvider.GetUtcNow() : null;
        proposed.DoneById = done ? UserId(user) : null;
        if (followUp.Version != version)
        {
            throw await ConflictAsync(db, followUp, proposed, ct);
        }

        followUp.DoneAt = proposed.DoneAt;
        followUp.DoneById = proposed.DoneById;
        await SaveVersionedAsync(db, followUp, version, proposed, ct);
        logger.LogInformation("Follow-up {FollowUpId} marked {State}", id, done ? "done" : "open");
        changes.Raise();
    }

    public async Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var followUp = await LoadForEditAsync(db, id, user, ct);
        if (followUp.Version != version)
        {
            throw await ConflictAsync(db, followUp, Copy(followUp), ct);
        }

        db.FollowUps.Remove(followUp);
        db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ReloadConflictAsync(db, id, Copy(followUp), ct);
        }

        logger.LogInformation("Follow-up {FollowUpId} deleted", id);
        changes.Raise();
    }

    /// <summary>Field labels for the conflict dialog.</summary>
    public static string FieldLabel(string field) => field switch
    {
        "DueDate" => "Due date",
        "Assignee" => "Assigned to",
        "Done" => "Done",
        _ => field,
    };

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException();

    private static void Apply(FollowUpInput input, FollowUp followUp)
    {
        followUp.Title = input.Title.Trim();
        followUp.DueDate = input.DueDate!.Value;
        followUp.AssigneeId = input.AssigneeId!;
        followUp.ContactId = input.ContactId;
        followUp.OrganizationId = input.OrganizationId;
        followUp.EventId = input.EventId;
    }

    private static FollowUp Copy(FollowUp f) => new()
    {
        Title = f.Title,
        DueDate = f.DueDate,
        AssigneeId = f.AssigneeId,
        ContactId = f.ContactId,
        OrganizationId = f.OrganizationId,
        EventId = f.EventId,
        DoneAt = f.DoneAt,
        DoneById = f.DoneById,
    };

    private async Task<List<FollowUpView>> ProjectAsync(IQueryable<FollowUp> query, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = LibraryTime.Today(timeProvider);
        var rows = await query.Select(f => new
        {
            f.Id,
            f.Title,
            f.DueDate,
            f.AssigneeId,
            AssigneeName = f.Assignee!.DisplayName,
            f.ContactId,
            ContactName = f.Contact == null ? null : f.Contact.DisplayName,
            f.OrganizationId,
            OrganizationName = f.Organization == null ? null : f.Organization.Name,
            f.EventId,
            EventTitle = f.Event == null ? null : f.Event.Title,
            f.DoneAt,
            DoneByName = f.DoneBy == null ? null : f.DoneBy.DisplayName,
            f.CreatedById,
            f.Version,
        }).ToListAsync(ct);
        return [.. rows.Select(r => new FollowUpView(
            r.Id, r.Title, r.DueDate, r.AssigneeId, r.AssigneeName, r.ContactId, r.ContactName, r.OrganizationId, r.OrganizationName,
            r.EventId, r.EventTitle, r.DoneAt, r.DoneByName, FollowUpOrder.State(r.DueDate, r.DoneAt, today),
            RecordPermissions.CanEdit(user, new FollowUp { CreatedById = r.CreatedById }, r.AssigneeId), r.Version))];
    }

    private static async Task<FollowUp> LoadForEditAsync(OutreachDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new RecordNotFoundException("That follow-up no longer exists.");
        if (!RecordPermissions.CanEdit(user, followUp, followUp.AssigneeId))
        {
            throw new AccessDeniedException(NotYours);
        }

        return followUp;
    }

    /// <summary>The assignee must be an active account; a linked contact, organization or event must still exist.</summary>
    private static async Task CheckReferencesAsync(OutreachDbContext db, FollowUpInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await db.Users.AnyAsync(u => u.Id == input.AssigneeId && u.IsActive, ct))
        {
            errors[nameof(FollowUpInput.AssigneeId)] = AssigneeUnknown;
        }

        if (input.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.MergedIntoId == null, ct))
        {
            errors[nameof(FollowUpInput.ContactId)] = ContactGone;
        }

        if (input.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId && o.MergedIntoId == null, ct))
        {
            errors[nameof(FollowUpInput.OrganizationId)] = OrganizationGone;
        }

        if (input.EventId is { } eventId && !await db.OutreachEvents.AnyAsync(e => e.Id == eventId, ct))
        {
            errors[nameof(FollowUpInput.EventId)] = EventGone;
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }
    }

    private static async Task SaveVersionedAsync(OutreachDbContext db, FollowUp followUp, Guid version, FollowUp proposed, CancellationToken ct)
    {
        db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
        db.Entry(followUp).Property(f => f.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ReloadConflictAsync(db, followUp.Id, proposed, ct);
        }
    }

    private static async Task<ConcurrencyConflictException> ReloadConflictAsync(OutreachDbContext db, Guid id, FollowUp proposed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new RecordNotFoundException("That follow-up was deleted while you were editing it.");
        return await ConflictAsync(db, current, proposed, ct);
    }

    private static async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, FollowUp current, FollowUp proposed, CancellationToken ct)
    {
        var userIds = new[] { current.AssigneeId, proposed.AssigneeId, current.UpdatedById }.OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var theirs = Describe(current, names);
        var yours = Describe(proposed, names);
        var differences = theirs
            .Where(pair => !string.Equals(pair.Value, yours[pair.Key], StringComparison.Ordinal))
            .Select(pair => new FieldDifference(pair.Key, pair.Value, yours[pair.Key]))
            .ToList();
        var changedBy = current.UpdatedById is { } id ? names.GetValueOrDefault(id) : null;
        return new ConcurrencyConflictException(differences, changedBy);
    }

    private static Dictionary<string, string?> Describe(FollowUp f, Dictionary<string, string> names) => new(StringComparer.Ordinal)
    {
        ["Title"] = f.Title,
        ["DueDate"] = f.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Assignee"] = names.GetValueOrDefault(f.AssigneeId, f.AssigneeId),
        ["Done"] = f.DoneAt is null ? "No" : "Yes",
    };
}
