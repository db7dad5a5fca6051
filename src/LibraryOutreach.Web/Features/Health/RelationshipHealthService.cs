using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// Reads two-way health from the precomputed table (see <see cref="HealthRefresher"/> and
/// <see cref="RelationshipHealthInterceptor"/> for how it is kept). A detail page whose row is stale (the day turned,
/// or a cadence setting changed) recomputes that one row; the Relationships page first has the coordinator refresh
/// every stale row, once, for everyone. Staff policy throughout.
/// </summary>
public sealed class RelationshipHealthService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    HealthRefreshCoordinator coordinator,
    IOptionsMonitor<HealthOptions> options,
    TimeProvider time) : IRelationshipHealthService
{
    private const int ContactKind = (int)RelationshipKind.Contact;
    private const int OrganizationKind = (int)RelationshipKind.Organization;

    public async Task<RelationshipHealth> GetAsync(RelationshipKind kind, Guid id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var kindValue = (int)kind;
        var today = LibraryTime.Today(time);
        var row = await db.RelationshipHealth.AsNoTracking().SingleOrDefaultAsync(h => h.Kind == kindValue && h.EntityId == id, ct);
        if (row is null || row.ComputedFor < today)
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await HealthRefresher.RecomputeAsync(
                    db, kind == RelationshipKind.Contact ? [id] : [], kind == RelationshipKind.Organization ? [id] : [], options.CurrentValue, time, ct);
                await transaction.CommitAsync(ct);
            }

            row = await db.RelationshipHealth.AsNoTracking().SingleOrDefaultAsync(h => h.Kind == kindValue && h.EntityId == id, ct)
                ?? throw new RecordNotFoundException(kind == RelationshipKind.Contact ? "That contact no longer exists." : "That organization no longer exists.");
        }

        var ownerName = row.OwnerId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == row.OwnerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return HealthRows.ToModel(row, ownerName);
    }

    public async Task<HealthResults> ListAsync(HealthQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await coordinator.RefreshIfStaleAsync(full: false, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, query);
        var total = await rows.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, HealthQuery.MaxPageSize);
        var page = await Sort(rows, query.Sort, query.Descending)
            .Skip(Math.Max(query.Page, 0) * size)
            .Take(size)
            .ToListAsync(ct);
        var owners = await OwnerNamesAsync(db, page, ct);
        return new HealthResults(total, [.. page.Select(r => HealthRows.ToModel(r, r.OwnerId is { } o && owners.TryGetValue(o, out var name) ? name : null))]);
    }

    public async Task<ReachOutResults> ListNeedingAttentionAsync(string? ownerId, int take, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await coordinator.RefreshIfStaleAsync(full: false, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var onTrack = (int)CadenceStatus.OnTrack;
        var rows = Filter(db, new HealthQuery(OwnerId: ownerId)).Where(h => h.CadenceStatus != onTrack);
        var total = await rows.CountAsync(ct);
        // CadenceRules.UrgencyKey in SQL: by status (overdue, due, never touched), then overdue and due by the day the
        // maximum ran or runs out (last touch + maximum days: the furthest past it first, the fewest days left first).
        var page = await rows
            .OrderBy(h => h.CadenceStatus)
            .ThenBy(h => h.LastTouch!.Value.AddDays(h.CadenceMaxDays))
            .ThenBy(h => h.NameKey).ThenBy(h => h.Kind).ThenBy(h => h.EntityId)
            .Take(Math.Clamp(take, 1, ReachOutQuery.MaxPageSize))
            .ToListAsync(ct);
        var owners = await OwnerNamesAsync(db, page, ct);
        return new ReachOutResults(total, [.. page.Select(r => new RelationshipCadence(
            (RelationshipKind)r.Kind,
            r.EntityId,
            r.Name,
            r.OwnerId,
            r.OwnerId is { } o && owners.TryGetValue(o, out var name) ? name : null,
            new CadenceDays(r.CadenceIdealDays, r.CadenceMaxDays, (CadenceSource)r.CadenceSource),
            r.LastTouch,
            CadenceRules.DaysSince(r.LastTouch, r.ComputedFor),
            (CadenceStatus)r.CadenceStatus))]);
    }

    private static async Task<Dictionary<string, string>> OwnerNamesAsync(OutreachDbContext db, IReadOnlyList<RelationshipHealthRow> page, CancellationToken ct)
    {
        var ownerIds = page.Where(r => r.OwnerId != null).Select(r => r.OwnerId!).Distinct().ToArray();
        return ownerIds.Length == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    internal static IQueryable<RelationshipHealthRow> Filter(OutreachDbContext db, HealthQuery query)
    {
        var rows = db.RelationshipHealth.AsNoTracking();
        if (!query.IncludeArchived)
        {
            rows = rows.Where(h => !h.IsArchived);
        }

        if (query.Kind is { } kind)
        {
            var kindValue = (int)kind;
            rows = rows.Where(h => h.Kind == kindValue);
        }

        rows = query.Flag switch
        {
            HealthFlagFilter.AnyFlag => rows.Where(h => h.HasAnyFlag),
            HealthFlagFilter.LibraryAlwaysReachesOut => rows.Where(h => h.LibraryAlwaysReachesOut),
            HealthFlagFilter.LibrarySlowToAnswer => rows.Where(h => h.LibrarySlowToAnswer),
            HealthFlagFilter.Neglected => rows.Where(h => h.Neglected),
            HealthFlagFilter.NoFlag => rows.Where(h => !h.HasAnyFlag),
            _ => rows,
        };

        if (!string.IsNullOrEmpty(query.OwnerId))
        {
            var owner = query.OwnerId;
            rows = rows.Where(h => h.OwnerId == owner
                || (h.Kind == OrganizationKind && db.OrganizationCoOwners.Any(c => c.OrganizationId == h.EntityId && c.UserId == owner)));
        }

        // A contact matches a level or type through its current organizations (as its cadence does).
        var current = db.Affiliations.Where(a => a.EndDate == null && a.Organization!.MergedIntoId == null && !a.Organization.IsArchived);
        if (query.Level is { } level)
        {
            rows = rows.Where(h => h.Kind == OrganizationKind
                ? h.PartnershipLevel == level
                : current.Any(a => a.ContactId == h.EntityId && a.Organization!.PartnershipLevel == level));
        }

        if (query.OrganizationTypeId is { } typeId)
        {
            rows = rows.Where(h => h.Kind == OrganizationKind
                ? h.OrganizationTypeId == typeId
                : current.Any(a => a.ContactId == h.EntityId && a.Organization!.TypeId == typeId));
        }

        return rows;
    }

    /// <summary>Sorts by the column; rows without a value for it come last in both directions; ties by name.</summary>
    internal static IQueryable<RelationshipHealthRow> Sort(IQueryable<RelationshipHealthRow> rows, HealthSort sort, bool descending)
    {
        var ordered = sort switch
        {
            // Fewest days since the last touch = the latest touch.
            HealthSort.DaysSinceLastTouch => descending
                ? rows.OrderBy(h => h.LastTouch == null).ThenBy(h => h.LastTouch)
                : rows.OrderBy(h => h.LastTouch == null).ThenByDescending(h => h.LastTouch),
            HealthSort.PartnerShare => descending
                ? rows.OrderBy(h => h.PartnerShare == null).ThenByDescending(h => h.PartnerShare)
                : rows.OrderBy(h => h.PartnerShare == null).ThenBy(h => h.PartnerShare),
            HealthSort.Responsiveness => descending
                ? rows.OrderBy(h => h.Responsiveness == null).ThenByDescending(h => h.Responsiveness)
                : rows.OrderBy(h => h.Responsiveness == null).ThenBy(h => h.Responsiveness),
            HealthSort.TouchesInWindow => descending
                ? rows.OrderByDescending(h => h.TouchesInWindow)
                : rows.OrderBy(h => h.TouchesInWindow),
            _ => descending ? rows.OrderByDescending(h => h.NameKey) : rows.OrderBy(h => h.NameKey),
        };
        return sort == HealthSort.Name
            ? ordered.ThenBy(h => h.Kind).ThenBy(h => h.EntityId)
            : ordered.ThenBy(h => h.NameKey).ThenBy(h => h.Kind).ThenBy(h => h.EntityId);
    }
}
