using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>
/// Counts the library's outreach the way the state survey does. Every figure is added up by the database (GROUP BY the
/// library's role, age group, setting and the breakdown key); the page's lines are then sums of those groups, so the
/// parts always add up to the totals. Supervisors and Admins only (<see cref="Policies.Supervisor"/>).
/// </summary>
public sealed class ReportService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider time,
    IOptions<LibraryOptions> library,
    IOptions<ReportOptions> options) : IReportService
{
    public const int MaxOutcomeChoices = 200;

    public async Task<ReportResult> RunAsync(ReportQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Supervisor);
        Validate(query);
        // Touches by initiator (the one query that reads every interaction of the range) run on their own context on a
        // pool thread (Microsoft.Data.Sqlite's async methods complete synchronously) while the rest is read: two
        // queries at a time, one per core of the standard machine.
        var initiators = Task.Run(() => InitiatorsAsync(query, ct), ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var events = Events(db, query);
        IReadOnlyList<ReportGroup> groups;
        ReachFigures reach;
        IReadOnlyList<BreakdownRow> breakdown;
        try
        {
            groups = await GroupAsync(db, events, ct);
            reach = await ReachAsync(db, query, events, ct);
            breakdown = query.Breakdown switch
            {
                ReportBreakdown.Branch => await ByBranchAsync(db, groups, ct),
                ReportBreakdown.Staff => await ByStaffAsync(db, events, ct),
                _ => [],
            };
        }
        catch
        {
            // Never leave the other query running, or its failure unobserved, when these throw.
            await Task.WhenAny(initiators);
            _ = initiators.Exception;
            throw;
        }

        var byInitiator = await initiators;
        reach = reach with
        {
            Touches = byInitiator.Touches,
            LibraryInitiated = byInitiator.Library,
            PartnerInitiated = byInitiator.Partner,
            Mutual = byInitiator.Mutual,
        };

        var branchName = query.BranchId is { } branchId ? await db.Branches.Where(b => b.Id == branchId).Select(b => b.Name).FirstOrDefaultAsync(ct) : null;
        var staffName = query.StaffUserId is { } staffId ? await db.Users.Where(u => u.Id == staffId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return new ReportResult(
            query,
            library.Value.Name,
            PeriodName(query.From, query.To),
            branchName,
            staffName,
            groups,
            reach,
            SurveyTable.Lines(groups, reach),
            breakdown,
            EventFigures.Of(groups));
    }

    public async Task<IReadOnlyList<OutcomeChoice>> ListOutcomesAsync(ReportQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Supervisor);
        Validate(query);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Events(db, query)
            .Where(e => e.Outcomes != null && e.Outcomes != "")
            .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(MaxOutcomeChoices)
            .Select(e => new OutcomeChoice(e.Id, e.Title, e.StartDate, e.Outcomes!))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<OutcomeChoice>> GetOutcomesAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        await guard.RequireAsync(Policies.Supervisor);
        if (eventIds.Count == 0)
        {
            return [];
        }

        var ids = eventIds.Distinct().Take(MaxOutcomeChoices).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.OutreachEvents.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.Outcomes != null && e.Outcomes != "")
            .OrderBy(e => e.StartDate).ThenBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new OutcomeChoice(e.Id, e.Title, e.StartDate, e.Outcomes!))
            .ToListAsync(ct);
    }

    public async Task<ReportChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Supervisor);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.IsArchived).ThenBy(b => b.SortOrder).ThenBy(b => b.Name)
            .Select(b => new { b.Id, b.Name, b.IsArchived }).ToListAsync(ct);
        var staff = (await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.IsActive }).ToListAsync(ct))
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase);
        return new ReportChoices(
            branches.Select(b => new ReportChoice(b.Id.ToString(), b.IsArchived ? b.Name + " (archived)" : b.Name)).ToList(),
            staff.Select(u => new ReportChoice(u.Id, u.IsActive ? u.DisplayName : u.DisplayName + " (inactive)")).ToList(),
            options.Value.FiscalYearStartMonth);
    }

    public async Task<string> ExportCsvAsync(ReportQuery query, CancellationToken ct = default) =>
        ReportCsv.Write(await RunAsync(query, ct));

    /// <summary>"FY 2025–26 (1 Jul 2025 – 30 Jun 2026)" when the range is a whole fiscal year, else the dates.</summary>
    public string PeriodName(DateOnly from, DateOnly to)
    {
        var range = ReportPeriods.RangeName(from, to);
        var month = options.Value.FiscalYearStartMonth;
        return from.Day == 1 && from.Month == month && to == from.AddYears(1).AddDays(-1)
            ? $"{ReportPeriods.FiscalYearName(from)} ({range})"
            : range;
    }

    private static void Validate(ReportQuery query)
    {
        if (query.To < query.From)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(ReportQuery.To)] = "The last day is before the first day." });
        }

        if (query.To.DayNumber - query.From.DayNumber >= ReportQuery.MaxDays)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(ReportQuery.To)] = "Choose a range of at most ten years." });
        }
    }

    private static IQueryable<OutreachEvent> Events(OutreachDbContext db, ReportQuery query)
    {
        var events = db.OutreachEvents.AsNoTracking().Where(e => e.StartDate >= query.From && e.StartDate <= query.To);
        if (query.BranchId is { } branchId)
        {
            events = events.Where(e => e.BranchId == branchId);
        }

        if (query.StaffUserId is { } staffId)
        {
            events = events.Where(e => e.Staff.Any(s => s.UserId == staffId));
        }

        return events;
    }

    /// <summary>
    /// One row per (branch, role, age group, setting): counts, sums, how many events recorded each sum, and the people met
    /// (each event's attendees counted on the attendees' key index), in one GROUP BY.
    /// </summary>
    private static async Task<IReadOnlyList<ReportGroup>> GroupAsync(OutreachDbContext db, IQueryable<OutreachEvent> events, CancellationToken ct)
    {
        var rows = await events
            .Select(e => new
            {
                e.BranchId,
                e.LibraryRole,
                e.AudienceAgeGroup,
                e.Setting,
                e.Attendance,
                e.LibraryCardsIssued,
                e.ItemsCheckedOut,
                e.MaterialsHandedOut,
                Contacts = db.OutreachEventContacts.Count(c => c.EventId == e.Id),
            })
            .GroupBy(e => new { e.BranchId, e.LibraryRole, e.AudienceAgeGroup, e.Setting })
            .Select(g => new
            {
                g.Key.BranchId,
                g.Key.LibraryRole,
                g.Key.AudienceAgeGroup,
                g.Key.Setting,
                Events = g.Count(),
                Attendance = g.Sum(e => (long?)e.Attendance),
                AttendanceRecorded = g.Count(e => e.Attendance != null),
                Cards = g.Sum(e => (long?)e.LibraryCardsIssued),
                CardsRecorded = g.Count(e => e.LibraryCardsIssued != null),
                Items = g.Sum(e => (long?)e.ItemsCheckedOut),
                ItemsRecorded = g.Count(e => e.ItemsCheckedOut != null),
                Materials = g.Sum(e => (long?)e.MaterialsHandedOut),
                MaterialsRecorded = g.Count(e => e.MaterialsHandedOut != null),
                Contacts = g.Sum(e => e.Contacts),
            })
            .ToListAsync(ct);

        return rows
            .Select(r => new ReportGroup(
                r.BranchId?.ToString(),
                r.LibraryRole,
                r.AudienceAgeGroup,
                r.Setting,
                r.Events,
                new ReportCount(r.Attendance ?? 0, r.AttendanceRecorded, r.Events - r.AttendanceRecorded),
                new ReportCount(r.Cards ?? 0, r.CardsRecorded, r.Events - r.CardsRecorded),
                new ReportCount(r.Items ?? 0, r.ItemsRecorded, r.Events - r.ItemsRecorded),
                new ReportCount(r.Materials ?? 0, r.MaterialsRecorded, r.Events - r.MaterialsRecorded),
                r.Contacts))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ThenBy(g => g.Role).ThenBy(g => g.AgeGroup).ThenBy(g => g.Setting)
            .ToList();
    }

    private static async Task<IReadOnlyList<BreakdownRow>> ByBranchAsync(OutreachDbContext db, IReadOnlyList<ReportGroup> groups, CancellationToken ct)
    {
        var branches = await db.Branches.AsNoTracking().Select(b => new { b.Id, b.Name, b.SortOrder }).ToListAsync(ct);
        var rows = branches
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(b => new BreakdownRow(b.Name, EventFigures.Of(groups.Where(g => g.Key == b.Id.ToString()))))
            .Where(r => r.Figures.Events > 0)
            .ToList();
        var none = EventFigures.Of(groups.Where(g => g.Key is null));
        if (none.Events > 0)
        {
            rows.Add(new BreakdownRow("No branch", none));
        }

        return rows;
    }

    /// <summary>
    /// One row per staff member present (an event with two staff members counts in both rows, so these rows add up to
    /// more than the total when events had several staff), and "No staff recorded" for events without any.
    /// </summary>
    private static async Task<IReadOnlyList<BreakdownRow>> ByStaffAsync(OutreachDbContext db, IQueryable<OutreachEvent> events, CancellationToken ct)
    {
        var rows = await (
                from s in db.OutreachEventStaff
                join e in events on s.EventId equals e.Id
                group e by new { s.UserId, e.LibraryRole } into g
                select new
                {
                    g.Key.UserId,
                    g.Key.LibraryRole,
                    Events = g.Count(),
                    Attendance = g.Sum(e => (long?)e.Attendance),
                    AttendanceRecorded = g.Count(e => e.Attendance != null),
                    Cards = g.Sum(e => (long?)e.LibraryCardsIssued),
                    CardsRecorded = g.Count(e => e.LibraryCardsIssued != null),
                    Items = g.Sum(e => (long?)e.ItemsCheckedOut),
                    ItemsRecorded = g.Count(e => e.ItemsCheckedOut != null),
                    Materials = g.Sum(e => (long?)e.MaterialsHandedOut),
                    MaterialsRecorded = g.Count(e => e.MaterialsHandedOut != null),
                })
            .ToListAsync(ct);
        var contacts = await (
                from s in db.OutreachEventStaff
                join e in events on s.EventId equals e.Id
                join c in db.OutreachEventContacts on e.Id equals c.EventId
                group c by new { s.UserId, e.LibraryRole } into g
                select new { g.Key.UserId, g.Key.LibraryRole, Count = g.Count() })
            .ToListAsync(ct);
        var unstaffed = events.Where(e => !e.Staff.Any());
        var none = await GroupAsync(db, unstaffed, ct);

        var contactsByKey = contacts.ToDictionary(c => (c.UserId, c.LibraryRole), c => c.Count);
        var groups = rows.Select(r => new ReportGroup(
            r.UserId,
            r.LibraryRole,
            null,
            EventSetting.Offsite,
            r.Events,
            new ReportCount(r.Attendance ?? 0, r.AttendanceRecorded, r.Events - r.AttendanceRecorded),
            new ReportCount(r.Cards ?? 0, r.CardsRecorded, r.Events - r.CardsRecorded),
            new ReportCount(r.Items ?? 0, r.ItemsRecorded, r.Events - r.ItemsRecorded),
            new ReportCount(r.Materials ?? 0, r.MaterialsRecorded, r.Events - r.MaterialsRecorded),
            contactsByKey.GetValueOrDefault((r.UserId, r.LibraryRole)))).ToList();
        var ids = groups.Select(g => g.Key!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var result = groups.GroupBy(g => g.Key!)
            .Select(g => new BreakdownRow(names.GetValueOrDefault(g.Key) ?? g.Key, EventFigures.Of(g)))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var unstaffedFigures = EventFigures.Of(none);
        if (unstaffedFigures.Events > 0)
        {
            result.Add(new BreakdownRow("No staff recorded", unstaffedFigures));
        }

        return result;
    }

    /// <summary>The range's interactions (by the staff member, when one is chosen).</summary>
    private static IQueryable<Interaction> Interactions(OutreachDbContext db, ReportQuery query, DateTimeOffset start, DateTimeOffset end)
    {
        var interactions = db.Interactions.AsNoTracking().Where(i => i.OccurredAt >= start && i.OccurredAt < end);
        return query.StaffUserId is { } staffId ? interactions.Where(i => i.StaffUserId == staffId) : interactions;
    }

    /// <summary>Touches by who started them: one GROUP BY over the range's interactions, on a context of its own. None for a branch (touches have no branch).</summary>
    private async Task<(int Touches, int Library, int Partner, int Mutual)> InitiatorsAsync(ReportQuery query, CancellationToken ct)
    {
        if (query.BranchId is not null)
        {
            return default;
        }

        var zone = time.LocalTimeZone;
        var start = LibraryTime.StartOfDay(query.From, zone).ToUniversalTime();
        var end = LibraryTime.StartOfDay(query.To.AddDays(1), zone).ToUniversalTime();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await Interactions(db, query, start, end).GroupBy(i => i.InitiatedBy).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Initiated(InitiatedBy side) => rows.Where(r => r.Key == side).Sum(r => r.Count);
        return (rows.Sum(r => r.Count), Initiated(InitiatedBy.Library), Initiated(InitiatedBy.Partner), Initiated(InitiatedBy.Mutual));
    }

    /// <summary>
    /// The organizations and the contacts reached (touches come from <see cref="InitiatorsAsync"/>), each counted with how
    /// many of them are new in one GROUP BY: a relationship is new when its first touch by anyone (an interaction, or an
    /// event on its first day) is inside the range, that is, nothing touched it before.
    /// </summary>
    private async Task<ReachFigures> ReachAsync(OutreachDbContext db, ReportQuery query, IQueryable<OutreachEvent> events, CancellationToken ct)
    {
        var zone = time.LocalTimeZone;
        var start = LibraryTime.StartOfDay(query.From, zone).ToUniversalTime();
        var end = LibraryTime.StartOfDay(query.To.AddDays(1), zone).ToUniversalTime();
        var from = query.From;

        var eventContacts = events.SelectMany(e => e.Contacts.Select(c => c.ContactId));
        var eventOrganizations = events.SelectMany(e => e.Organizations.Select(o => o.OrganizationId));
        IQueryable<Guid> contacts, organizations;
        if (query.BranchId is not null)
        {
            // Touches have no branch: a branch's report counts its events only.
            contacts = eventContacts;
            organizations = eventOrganizations;
        }
        else if (query.StaffUserId is not null)
        {
            // One person's touches are few: read them through their (StaffUserId, OccurredAt) index.
            var interactions = Interactions(db, query, start, end);
            contacts = eventContacts.Union(interactions.Where(i => i.ContactId != null).Select(i => i.ContactId!.Value));
            organizations = eventOrganizations.Union(interactions.Where(i => i.OrganizationId != null).Select(i => i.OrganizationId!.Value));
        }
        else
        {
            // Everyone's: one index seek per contact and organization on (ContactId, OccurredAt) and
            // (OrganizationId, OccurredAt), instead of reading a quarter of a million interactions again.
            contacts = db.Contacts.Where(c => eventContacts.Contains(c.Id)
                || db.Interactions.Any(i => i.ContactId == c.Id && i.OccurredAt >= start && i.OccurredAt < end)).Select(c => c.Id);
            organizations = db.Organizations.Where(o => eventOrganizations.Contains(o.Id)
                || db.Interactions.Any(i => i.OrganizationId == o.Id && i.OccurredAt >= start && i.OccurredAt < end)).Select(o => o.Id);
        }

        // New: reached in the range and never touched before it, by anyone (an interaction before it began, or an event
        // before its first day). The interaction test comes first: most relationships reached were touched before.
        var organizationCounts = await organizations
            .Select(id => !db.Interactions.Any(i => i.OrganizationId == id && i.OccurredAt < start)
                && !db.OutreachEventOrganizations.Any(x => x.OrganizationId == id && db.OutreachEvents.Any(e => e.Id == x.EventId && e.StartDate < from)))
            .GroupBy(isNew => isNew)
            .Select(g => new { IsNew = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var contactCounts = await contacts
            .Select(id => !db.Interactions.Any(i => i.ContactId == id && i.OccurredAt < start)
                && !db.OutreachEventContacts.Any(x => x.ContactId == id && db.OutreachEvents.Any(e => e.Id == x.EventId && e.StartDate < from)))
            .GroupBy(isNew => isNew)
            .Select(g => new { IsNew = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        // The touches are filled in by RunAsync from InitiatorsAsync.
        return new ReachFigures(
            0,
            0,
            0,
            0,
            organizationCounts.Sum(c => c.Count),
            contactCounts.Sum(c => c.Count),
            organizationCounts.Where(c => c.IsNew).Sum(c => c.Count),
            contactCounts.Where(c => c.IsNew).Sum(c => c.Count));
    }
}
