using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// Writes the precomputed health rows: for the relationships a write affected (called by
/// <see cref="RelationshipHealthInterceptor"/> in the write's transaction), or for all of them (the daily refresh). Loads
/// each chunk's touches in a fixed handful of queries and leaves the formulas to <see cref="HealthCalculator"/>. The
/// cadence (which setting wins, and the last touch before the window) comes from
/// <see cref="CadenceService.ComputeAsync(OutreachDbContext, CadenceScope, TimeProvider, CancellationToken)"/>.
/// </summary>
public static class HealthRefresher
{
    private const int ChunkSize = 1000;

    /// <summary>From this many stale relationships on, the refresh computes every cadence at once.</summary>
    private const int BulkCadenceFrom = 5000;

    /// <summary>
    /// Recomputes the rows of these contacts and organizations in <paramref name="db"/>'s current transaction (if any):
    /// their old rows are deleted first (so that on PostgreSQL a concurrent recompute of the same rows waits, then reads
    /// committed data), then fresh rows are inserted for those that still exist and are not merged.
    /// </summary>
    public static async Task RecomputeAsync(
        OutreachDbContext db,
        IReadOnlyCollection<Guid> contactIds,
        IReadOnlyCollection<Guid> organizationIds,
        HealthOptions options,
        TimeProvider time,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contactIds);
        ArgumentNullException.ThrowIfNull(organizationIds);
        foreach (var chunk in contactIds.Chunk(ChunkSize))
        {
            await WriteAsync(db, RelationshipKind.Contact, chunk, null, options, time, ct);
        }

        foreach (var chunk in organizationIds.Chunk(ChunkSize))
        {
            await WriteAsync(db, RelationshipKind.Organization, chunk, null, options, time, ct);
        }
    }

    /// <summary>
    /// The daily refresh: recomputes every contact and organization (or, with <paramref name="onlyStale"/>, those whose
    /// row is missing or older than today), one transaction per chunk so that writers wait seconds at most, and deletes
    /// the rows of records that are gone or merged. Returns the number of rows written.
    /// </summary>
    public static async Task<int> RefreshAllAsync(OutreachDbContext db, HealthOptions options, TimeProvider time, bool onlyStale, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var today = LibraryTime.Today(time);
        var count = 0;
        const int contactKind = (int)RelationshipKind.Contact;
        const int organizationKind = (int)RelationshipKind.Organization;

        // Rows whose record is gone or merged (written outside the app, or before this feature existed).
        await db.RelationshipHealth
            .Where(h => h.Kind == contactKind && !db.Contacts.Any(c => c.Id == h.EntityId && c.MergedIntoId == null))
            .ExecuteDeleteAsync(ct);
        await db.RelationshipHealth
            .Where(h => h.Kind == organizationKind && !db.Organizations.Any(o => o.Id == h.EntityId && o.MergedIntoId == null))
            .ExecuteDeleteAsync(ct);

        var fresh = db.RelationshipHealth.Where(h => h.ComputedFor >= today);
        var contacts = db.Contacts.Where(c => c.MergedIntoId == null);
        var organizations = db.Organizations.Where(o => o.MergedIntoId == null);
        if (onlyStale)
        {
            contacts = contacts.Where(c => !fresh.Any(h => h.Kind == contactKind && h.EntityId == c.Id));
            organizations = organizations.Where(o => !fresh.Any(h => h.Kind == organizationKind && h.EntityId == o.Id));
        }

        var contactIds = await contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var organizationIds = await organizations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        if (contactIds.Count + organizationIds.Count == 0)
        {
            return 0;
        }

        // Many stale rows (the day turned): the cadence of every relationship in one go (a handful of GROUP BY queries);
        // a few: per chunk (WriteAsync), so that a handful of stale rows do not cost a computation of all of them.
        var cadence = contactIds.Count + organizationIds.Count > BulkCadenceFrom
            ? (await CadenceService.ComputeAsync(db, new CadenceScope(IncludeArchived: true), time, ct)).ToDictionary(r => (r.Kind, r.Id))
            : null;
        foreach (var (kind, ids) in new[] { (RelationshipKind.Contact, contactIds), (RelationshipKind.Organization, organizationIds) })
        {
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                count += await WriteAsync(db, kind, chunk, cadence, options, time, ct);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                }
            }
        }

        return count;
    }

    /// <summary>True when some live record has no row or a row older than today (the day turned, or settings marked them stale).</summary>
    public static async Task<bool> IsStaleAsync(OutreachDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = LibraryTime.Today(time);
        if (await db.RelationshipHealth.AnyAsync(h => h.ComputedFor < today, ct))
        {
            return true;
        }

        var records = await db.Contacts.CountAsync(c => c.MergedIntoId == null, ct) + await db.Organizations.CountAsync(o => o.MergedIntoId == null, ct);
        return records != await db.RelationshipHealth.CountAsync(ct);
    }

    /// <summary>Marks every row stale (a cadence setting changed): the next read or the worker recomputes them.</summary>
    public static Task<int> MarkAllStaleAsync(OutreachDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.RelationshipHealth.ExecuteUpdateAsync(s => s.SetProperty(h => h.ComputedFor, DateOnly.MinValue), ct);
    }

    private static async Task<int> WriteAsync(
        OutreachDbContext db,
        RelationshipKind kind,
        Guid[] ids,
        Dictionary<(RelationshipKind, Guid), RelationshipCadence>? cadence,
        HealthOptions options,
        TimeProvider time,
        CancellationToken ct)
    {
        var kindValue = (int)kind;
        await db.RelationshipHealth.Where(h => h.Kind == kindValue && EF.Parameter(ids).Contains(h.EntityId)).ExecuteDeleteAsync(ct);
        cadence ??= (await CadenceService.ComputeAsync(
                db,
                new CadenceScope(Contacts: kind == RelationshipKind.Contact, Organizations: kind == RelationshipKind.Organization, Ids: ids, IncludeArchived: true),
                time,
                ct))
            .ToDictionary(r => (r.Kind, r.Id));
        var rows = kind == RelationshipKind.Contact
            ? await BuildContactsAsync(db, ids, cadence, options, time, ct)
            : await BuildOrganizationsAsync(db, ids, cadence, options, time, ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        // Added explicitly, so no change detection: the context may be tracking a whole import.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.RelationshipHealth.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return rows.Count;
    }

    private sealed record Window(DateOnly Today, DateOnly From, DateTimeOffset FromInstant, DateTimeOffset Now, TimeZoneInfo Zone);

    private static Window WindowFor(HealthOptions options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var zone = time.LocalTimeZone;
        var today = LibraryTime.LocalDate(now, zone);
        var from = HealthCalculator.WindowFrom(today, options.WindowMonths);
        // UTC: PostgreSQL takes only offset 0 for timestamptz parameters (the library zone gives -04:00 etc.).
        return new Window(today, from, LibraryTime.StartOfDay(from, zone).ToUniversalTime(), now, zone);
    }

    private static async Task<List<RelationshipHealthRow>> BuildContactsAsync(
        OutreachDbContext db,
        Guid[] ids,
        Dictionary<(RelationshipKind, Guid), RelationshipCadence> cadence,
        HealthOptions options,
        TimeProvider time,
        CancellationToken ct)
    {
        var w = WindowFor(options, time);
        var records = await db.Contacts.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.Id) && c.MergedIntoId == null)
            .Select(c => new { c.Id, c.CreatedAt, c.IsArchived })
            .ToListAsync(ct);
        var interactions = (await db.Interactions.AsNoTracking()
                .Where(i => i.ContactId != null && EF.Parameter(ids).Contains(i.ContactId.Value) && i.OccurredAt >= w.FromInstant && i.OccurredAt <= w.Now)
                .Select(i => new { ContactId = i.ContactId!.Value, i.OccurredAt, i.InitiatedBy })
                .ToListAsync(ct))
            .ToLookup(i => i.ContactId, i => HealthTouch.Interaction(i.OccurredAt, LibraryTime.LocalDate(i.OccurredAt, w.Zone), i.InitiatedBy));
        var events = (await (
                    from link in db.OutreachEventContacts
                    join e in db.OutreachEvents on link.EventId equals e.Id
                    where EF.Parameter(ids).Contains(link.ContactId) && e.StartDate <= w.Today && e.EndDate >= w.From
                    select new { link.ContactId, e.EndDate })
                .AsNoTracking()
                .ToListAsync(ct))
            .ToLookup(e => e.ContactId, e => HealthTouch.Event(EventDay(e.EndDate, w.Today)));
        var rows = new List<RelationshipHealthRow>(records.Count);
        foreach (var record in records)
        {
            if (!cadence.TryGetValue((RelationshipKind.Contact, record.Id), out var relationship))
            {
                continue;
            }

            var touches = interactions[record.Id].Concat(events[record.Id]).ToList();
            var figures = HealthCalculator.Compute(
                touches, w.Today, w.Now, relationship.Cadence, relationship.LastTouch, LibraryTime.LocalDate(record.CreatedAt, w.Zone), options);
            rows.Add(ToRow(relationship, figures, record.IsArchived, null, null));
        }

        return rows;
    }

    private static async Task<List<RelationshipHealthRow>> BuildOrganizationsAsync(
        OutreachDbContext db,
        Guid[] ids,
        Dictionary<(RelationshipKind, Guid), RelationshipCadence> cadence,
        HealthOptions options,
        TimeProvider time,
        CancellationToken ct)
    {
        var w = WindowFor(options, time);
        var records = await db.Organizations.AsNoTracking()
            .Where(o => EF.Parameter(ids).Contains(o.Id) && o.MergedIntoId == null)
            .Select(o => new { o.Id, o.CreatedAt, o.IsArchived, o.PartnershipLevel, o.TypeId })
            .ToListAsync(ct);

        // Touches keyed by their source, so that an interaction with the organization and one of its people, or an event
        // both attended, counts once.
        var touches = new Dictionary<Guid, Dictionary<Guid, HealthTouch>>();
        void Add(Guid organizationId, Guid sourceId, HealthTouch touch)
        {
            if (!touches.TryGetValue(organizationId, out var byId))
            {
                touches[organizationId] = byId = [];
            }

            byId.TryAdd(sourceId, touch);
        }

        static bool WhileAffiliated(DateOnly day, DateOnly? start, DateOnly? end) => (start is null || start <= day) && (end is null || day <= end);

        var direct = await db.Interactions.AsNoTracking()
            .Where(i => i.OrganizationId != null && EF.Parameter(ids).Contains(i.OrganizationId.Value) && i.OccurredAt >= w.FromInstant && i.OccurredAt <= w.Now)
            .Select(i => new { OrganizationId = i.OrganizationId!.Value, i.Id, i.OccurredAt, i.InitiatedBy })
            .ToListAsync(ct);
        foreach (var i in direct)
        {
            Add(i.OrganizationId, i.Id, HealthTouch.Interaction(i.OccurredAt, LibraryTime.LocalDate(i.OccurredAt, w.Zone), i.InitiatedBy));
        }

        // The organizations' people (read first, then their touches by contact: the (contact, time) index, whatever
        // the planner would make of a join), and their touches while affiliated.
        var affiliations = await db.Affiliations.AsNoTracking()
            .Where(a => EF.Parameter(ids).Contains(a.OrganizationId) && a.Contact!.MergedIntoId == null)
            .Select(a => new { a.OrganizationId, a.ContactId, a.StartDate, a.EndDate })
            .ToListAsync(ct);
        var byContact = affiliations.ToLookup(a => a.ContactId);
        var people = affiliations.Select(a => a.ContactId).Distinct().ToArray();
        foreach (var chunk in people.Chunk(ChunkSize * 10))
        {
            var theirs = await db.Interactions.AsNoTracking()
                .Where(i => i.ContactId != null && EF.Parameter(chunk).Contains(i.ContactId.Value) && i.OccurredAt >= w.FromInstant && i.OccurredAt <= w.Now)
                .Select(i => new { ContactId = i.ContactId!.Value, i.Id, i.OccurredAt, i.InitiatedBy })
                .ToListAsync(ct);
            foreach (var i in theirs)
            {
                var day = LibraryTime.LocalDate(i.OccurredAt, w.Zone);
                foreach (var a in byContact[i.ContactId])
                {
                    if (WhileAffiliated(day, a.StartDate, a.EndDate))
                    {
                        Add(a.OrganizationId, i.Id, HealthTouch.Interaction(i.OccurredAt, day, i.InitiatedBy));
                    }
                }
            }

            var attended = await (
                    from link in db.OutreachEventContacts
                    join e in db.OutreachEvents on link.EventId equals e.Id
                    where EF.Parameter(chunk).Contains(link.ContactId) && e.StartDate <= w.Today && e.EndDate >= w.From
                    select new { link.ContactId, e.Id, e.EndDate })
                .AsNoTracking()
                .ToListAsync(ct);
            foreach (var e in attended)
            {
                var day = EventDay(e.EndDate, w.Today);
                foreach (var a in byContact[e.ContactId])
                {
                    if (WhileAffiliated(day, a.StartDate, a.EndDate))
                    {
                        Add(a.OrganizationId, e.Id, HealthTouch.Event(day));
                    }
                }
            }
        }

        var directEvents = await (
                from link in db.OutreachEventOrganizations
                join e in db.OutreachEvents on link.EventId equals e.Id
                where EF.Parameter(ids).Contains(link.OrganizationId) && e.StartDate <= w.Today && e.EndDate >= w.From
                select new { link.OrganizationId, e.Id, e.EndDate })
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var e in directEvents)
        {
            Add(e.OrganizationId, e.Id, HealthTouch.Event(EventDay(e.EndDate, w.Today)));
        }

        var rows = new List<RelationshipHealthRow>(records.Count);
        foreach (var record in records)
        {
            if (!cadence.TryGetValue((RelationshipKind.Organization, record.Id), out var relationship))
            {
                continue;
            }

            IReadOnlyCollection<HealthTouch> own = touches.TryGetValue(record.Id, out var byId) ? byId.Values : [];
            var figures = HealthCalculator.Compute(
                own, w.Today, w.Now, relationship.Cadence, relationship.LastTouch, LibraryTime.LocalDate(record.CreatedAt, w.Zone), options);
            rows.Add(ToRow(relationship, figures, record.IsArchived, record.PartnershipLevel, record.TypeId));
        }

        return rows;
    }

    /// <summary>An event counts on its last day, but not later than today (as the cadence counts it).</summary>
    private static DateOnly EventDay(DateOnly endDate, DateOnly today) => endDate > today ? today : endDate;

    private static RelationshipHealthRow ToRow(RelationshipCadence relationship, HealthFigures f, bool archived, PartnershipLevel? level, Guid? typeId) => new()
    {
        Kind = (int)relationship.Kind,
        EntityId = relationship.Id,
        Name = relationship.Name,
        NameKey = relationship.Name.ToLowerInvariant(),
        OwnerId = relationship.OwnerId,
        IsArchived = archived,
        PartnershipLevel = level,
        OrganizationTypeId = typeId,
        ComputedFor = f.Today,
        WindowFrom = f.WindowFrom,
        TouchesInWindow = f.TouchesInWindow,
        LibraryTouches = f.LibraryTouches,
        PartnerTouches = f.PartnerTouches,
        MutualTouches = f.MutualTouches,
        EventTouches = f.EventTouches,
        PartnerShare = f.PartnerShare,
        LastTouch = f.LastTouch,
        CadenceIdealDays = relationship.Cadence.IdealDays,
        CadenceMaxDays = relationship.Cadence.MaxDays,
        CadenceSource = (int)relationship.Cadence.Source,
        CadenceStatus = (int)f.Status,
        PartnerTouchesJudged = f.PartnerTouchesJudged,
        PartnerTouchesAnswered = f.PartnerTouchesAnswered,
        Responsiveness = f.Responsiveness,
        Quarters = HealthRows.FormatQuarters(f.Quarters),
        Trend = (int)f.Trend,
        LibraryAlwaysReachesOut = f.Flags.Contains(HealthWarning.LibraryAlwaysReachesOut),
        LibrarySlowToAnswer = f.Flags.Contains(HealthWarning.LibrarySlowToAnswer),
        Neglected = f.Flags.Contains(HealthWarning.Neglected),
        HasAnyFlag = f.Flags.Count > 0,
    };
}
