using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Reports;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Home;

/// <summary>
/// The home page. The person's own lists come from the features that own them (follow-ups, the events list, and the
/// precomputed two-way health for "needs attention" and the flags: top rows and a count, no cadence computed here); the
/// library's figures are added up by the database: events per month, touches per month and initiator (one GROUP BY),
/// contacts added per month, and organizations reached by type (one index seek per organization).
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider time,
    IFollowUpService followUps,
    IEventListService events,
    IRelationshipHealthService health) : IDashboardService
{
    public async Task<Dashboard> GetAsync(CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException();
        var everyone = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);
        var today = LibraryTime.Today(time);

        // The library's figures (the heavier half: a year of interactions) run on their own context on a pool thread
        // (Microsoft.Data.Sqlite's async methods complete synchronously) while the person's lists are read: two queries
        // at a time, one per core of the standard machine. They touch nothing of the scope but the context factory.
        var libraryFigures = Task.Run(() => LibraryFiguresAsync(today, ct), ct);
        (List<FollowUpView> Due, EventListResults Upcoming, ReachOutResults Attention, HealthResults Warnings) personal;
        try
        {
            personal = await PersonalAsync(me, everyone, today, ct);
        }
        catch
        {
            // Never leave the other half running, or its failure unobserved, when this half throws.
            await Task.WhenAny(libraryFigures);
            _ = libraryFigures.Exception;
            throw;
        }

        var (due, upcoming, attention, warnings) = personal;
        var (months, initiators, reach) = await libraryFigures;
        return new Dashboard(today, due, upcoming, attention, warnings, everyone, months, initiators, reach);
    }

    private async Task<(List<FollowUpView> Due, EventListResults Upcoming, ReachOutResults Attention, HealthResults Warnings)> PersonalAsync(
        string me, bool everyone, DateOnly today, CancellationToken ct)
    {
        var due = (await followUps.ListMineAsync(includeDone: false, ct))
            .Where(f => f.State is FollowUpState.Overdue or FollowUpState.DueToday)
            .ToList();
        var upcoming = await events.ListAsync(
            new EventListQuery
            {
                From = today,
                To = today.AddDays(DashboardDays.UpcomingDays - 1),
                StaffUserId = me,
                Descending = false,
                PageSize = DashboardDays.UpcomingRows,
            },
            ct);
        var attention = await health.ListNeedingAttentionAsync(everyone ? null : me, DashboardDays.AttentionRows, ct);
        var warnings = await health.ListAsync(
            new HealthQuery(Flag: HealthFlagFilter.AnyFlag, OwnerId: everyone ? null : me, Sort: HealthSort.DaysSinceLastTouch, Descending: true, PageSize: DashboardDays.AttentionRows),
            ct);

        return (due, upcoming, attention, warnings);
    }

    /// <summary>The last 12 months of the whole library: per month, touches by initiator, organizations reached by type.</summary>
    private async Task<(List<MonthFigures> Months, InitiatorFigures Initiators, List<TypeReach> Reach)> LibraryFiguresAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var zone = time.LocalTimeZone;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var start = LibraryTime.StartOfDay(firstMonth, zone).ToUniversalTime();
        var end = LibraryTime.StartOfDay(nextMonth, zone).ToUniversalTime();

        var eventMonths = await db.OutreachEvents.AsNoTracking()
            .Where(e => e.StartDate >= firstMonth && e.StartDate < nextMonth)
            .GroupBy(e => new { e.StartDate.Year, e.StartDate.Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Events = g.Count(),
                Attendance = g.Sum(e => (long?)e.Attendance),
                Recorded = g.Count(e => e.Attendance != null),
            })
            .ToListAsync(ct);

        var interactions = db.Interactions.AsNoTracking().Where(i => i.OccurredAt >= start && i.OccurredAt < end);

        // Touches per month and initiator: one pass over the 12 months' interactions, 36 rows back.
        var bounds = Enumerable.Range(0, 13).Select(m => LibraryTime.StartOfDay(firstMonth.AddMonths(m), zone).ToUniversalTime()).ToArray();
        var b = bounds;
        var touchRows = await interactions
            .Select(i => new
            {
                Month = i.OccurredAt < b[1] ? 0 : i.OccurredAt < b[2] ? 1 : i.OccurredAt < b[3] ? 2 : i.OccurredAt < b[4] ? 3 : i.OccurredAt < b[5] ? 4
                    : i.OccurredAt < b[6] ? 5 : i.OccurredAt < b[7] ? 6 : i.OccurredAt < b[8] ? 7 : i.OccurredAt < b[9] ? 8 : i.OccurredAt < b[10] ? 9
                    : i.OccurredAt < b[11] ? 10 : 11,
                i.InitiatedBy,
            })
            .GroupBy(x => new { x.Month, x.InitiatedBy })
            .Select(g => new { g.Key.Month, g.Key.InitiatedBy, Count = g.Count() })
            .ToListAsync(ct);
        var touchMonths = new int[12];
        foreach (var row in touchRows)
        {
            touchMonths[row.Month] += row.Count;
        }

        var contactMonths = await MonthCountsAsync(
            db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null && c.CreatedAt >= start && c.CreatedAt < end).Select(c => c.CreatedAt), bounds, ct);

        var months = Enumerable.Range(0, 12).Select(m =>
        {
            var day = firstMonth.AddMonths(m);
            var row = eventMonths.FirstOrDefault(r => r.Year == day.Year && r.Month == day.Month);
            var attendance = row is null ? default : new ReportCount(row.Attendance ?? 0, row.Recorded, row.Events - row.Recorded);
            return new MonthFigures(day.Year, day.Month, row?.Events ?? 0, attendance, touchMonths[m], contactMonths[m]);
        }).ToList();

        // Organizations reached: at an event in the 12 months, or with an interaction in them (one seek per organization
        // on the (OrganizationId, OccurredAt) index rather than reading the months' interactions again).
        var eventOrganizations = db.OutreachEventOrganizations
            .Where(o => db.OutreachEvents.Any(e => e.Id == o.EventId && e.StartDate >= firstMonth && e.StartDate < nextMonth))
            .Select(o => o.OrganizationId);
        var byType = await db.Organizations.AsNoTracking()
            .Where(o => eventOrganizations.Contains(o.Id) || db.Interactions.Any(i => i.OrganizationId == o.Id && i.OccurredAt >= start && i.OccurredAt < end))
            .GroupBy(o => o.TypeId)
            .Select(g => new { TypeId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var typeNames = await db.OrganizationTypes.AsNoTracking().Select(t => new { t.Id, t.Name, t.SortOrder }).ToListAsync(ct);
        var reach = byType
            .Join(typeNames, r => r.TypeId, t => t.Id, (r, t) => (t.SortOrder, Reach: new TypeReach(t.Name, r.Count)))
            .OrderByDescending(x => x.Reach.Organizations).ThenBy(x => x.SortOrder)
            .Select(x => x.Reach)
            .ToList();

        int Initiated(InitiatedBy side) => touchRows.Where(x => x.InitiatedBy == side).Sum(x => x.Count);
        return (months, new InitiatorFigures(Initiated(InitiatedBy.Library), Initiated(InitiatedBy.Partner), Initiated(InitiatedBy.Mutual)), reach);
    }

    /// <summary>How many of <paramref name="instants"/> fall in each month between consecutive <paramref name="bounds"/>, counted in one query.</summary>
    private static async Task<int[]> MonthCountsAsync(IQueryable<DateTimeOffset> instants, DateTimeOffset[] bounds, CancellationToken ct)
    {
        // A CASE per month in one GROUP BY would be clearer in SQL; EF translates this nested conditional the same way.
        var b = bounds;
        var rows = await instants
            .Select(at =>
                at < b[1] ? 0 : at < b[2] ? 1 : at < b[3] ? 2 : at < b[4] ? 3 : at < b[5] ? 4 : at < b[6] ? 5
                : at < b[7] ? 6 : at < b[8] ? 7 : at < b[9] ? 8 : at < b[10] ? 9 : at < b[11] ? 10 : 11)
            .GroupBy(m => m)
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var counts = new int[12];
        foreach (var row in rows)
        {
            counts[row.Month] = row.Count;
        }

        return counts;
    }
}
