using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// Reads events for the list and the month calendar (all staff). Filters are by the library's calendar days
/// (<see cref="OutreachEvent.StartDate"/>/<see cref="OutreachEvent.EndDate"/>), so a multi-day event is found on each
/// of its days and an all-day event on its day in any reader's zone. Creating and editing events is EventService's.
/// </summary>
public sealed class EventListService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard, TimeProvider timeProvider) : IEventListService
{
    /// <summary>At most this many events in one month view (a busy summer month has well under a hundred).</summary>
    public const int RangeLimit = 1000;

    public const int OrganizationLimit = 10;

    public async Task<EventListResults> ListAsync(EventListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var events = Filter(db, query);
        if (query.From is { } from)
        {
            events = events.Where(e => e.EndDate >= from);
        }

        if (query.To is { } to)
        {
            events = events.Where(e => e.StartDate <= to);
        }

        IOrderedQueryable<OutreachEvent> ordered = (query.Sort, query.Descending) switch
        {
            (EventListSort.Title, false) => events.OrderBy(e => e.Title).ThenByDescending(e => e.StartDate),
            (EventListSort.Title, true) => events.OrderByDescending(e => e.Title).ThenByDescending(e => e.StartDate),
            (EventListSort.Type, false) => events.OrderBy(e => e.Type!.Name).ThenByDescending(e => e.StartDate),
            (EventListSort.Type, true) => events.OrderByDescending(e => e.Type!.Name).ThenByDescending(e => e.StartDate),
            (_, false) => events.OrderBy(e => e.StartDate).ThenBy(e => e.StartsAt),
            (_, true) => events.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.StartsAt),
        };
        var size = Math.Clamp(query.PageSize, 1, EventListQuery.MaxPageSize);
        var skip = Math.Max(query.Page, 0) * size;
        var rows = await Project(ordered.ThenBy(e => e.Id).Skip(skip).Take(size)).ToListAsync(ct);
        // A first page that is not full holds every match: no second query to count them (the dashboard's case).
        var total = skip == 0 && rows.Count < size ? rows.Count : await events.CountAsync(ct);
        return new EventListResults(total, [.. rows.Select(ToLocal)]);
    }

    public async Task<IReadOnlyList<EventListRow>> ListRangeAsync(EventListQuery query, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await Project(Filter(db, query)
                .Where(e => e.StartDate <= last && e.EndDate >= first)
                .OrderBy(e => e.StartDate).ThenBy(e => e.StartsAt).ThenBy(e => e.Id)
                .Take(RangeLimit))
            .ToListAsync(ct);
        return [.. rows.Select(ToLocal)];
    }

    public async Task<EventListChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var types = await db.EventTypes.AsNoTracking().Where(t => !t.IsArchived).OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var branches = await db.Branches.AsNoTracking().Where(b => !b.IsArchived).OrderBy(b => b.SortOrder).ThenBy(b => b.Name)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().Where(t => !t.IsArchived).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new EventFilterChoice(u.Id, u.DisplayName)).ToListAsync(ct);
        return new EventListChoices(
            [.. types.Select(t => new EventFilterChoice(t.Id.ToString(), t.Name))],
            [.. branches.Select(b => new EventFilterChoice(b.Id.ToString(), b.Name))],
            [.. tags.Select(t => new EventFilterChoice(t.Id.ToString(), t.Name)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. staff.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }

    public async Task<IReadOnlyList<EventFilterChoice>> FindOrganizationsAsync(string? text, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        if (LikePatterns.ForName(text) is not { } patterns)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organizations = await db.Organizations.AsNoTracking()
            .WhereNameMatches(patterns)
            .Take(OrganizationLimit)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(ct);
        return [.. organizations.Select(o => new EventFilterChoice(o.Id.ToString(), o.Name))];
    }

    /// <summary>The filters other than dates: type, branch, staff present, organization involved, tag.</summary>
    private static IQueryable<OutreachEvent> Filter(OutreachDbContext db, EventListQuery query)
    {
        var events = db.OutreachEvents.AsNoTracking();
        if (query.TypeId is { } typeId)
        {
            events = events.Where(e => e.TypeId == typeId);
        }

        if (query.BranchId is { } branchId)
        {
            events = events.Where(e => e.BranchId == branchId);
        }

        if (!string.IsNullOrEmpty(query.StaffUserId))
        {
            // Driven from the person's events (the staff table's UserId index): an EXISTS per event made SQLite read every
            // event before the range's last day, as nothing indexes its other bound (EndDate).
            var staffId = query.StaffUserId;
            var theirs = db.OutreachEventStaff.Where(s => s.UserId == staffId).Select(s => s.EventId);
            events = events.Where(e => theirs.Contains(e.Id));
        }

        if (query.OrganizationId is { } organizationId)
        {
            events = events.Where(e => e.Organizations.Any(o => o.OrganizationId == organizationId));
        }

        if (query.TagId is { } tagId)
        {
            events = events.Where(e => e.Tags.Any(t => t.TagId == tagId));
        }

        return events;
    }

    private static IQueryable<EventListRow> Project(IQueryable<OutreachEvent> events) =>
        events.Select(e => new EventListRow(
            e.Id, e.Title, e.Type!.Name, e.Branch == null ? null : e.Branch.Name, e.Location, e.StartDate, e.EndDate, e.StartsAt, e.EndsAt));

    private EventListRow ToLocal(EventListRow row) => row with
    {
        StartsAt = row.StartsAt is { } s ? LibraryTime.ToLocal(s, timeProvider.LocalTimeZone) : null,
        EndsAt = row.EndsAt is { } e ? LibraryTime.ToLocal(e, timeProvider.LocalTimeZone) : null,
    };
}
