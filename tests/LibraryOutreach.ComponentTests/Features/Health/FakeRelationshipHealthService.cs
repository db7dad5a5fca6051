using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Health;

/// <summary>Health as a test sets it; a relationship without one gets an empty, never-touched health.</summary>
public sealed class FakeRelationshipHealthService : IRelationshipHealthService
{
    public static readonly DateOnly Today = new(2026, 3, 15);

    public Dictionary<(RelationshipKind, Guid), RelationshipHealth> Health { get; } = [];

    public List<HealthQuery> Queries { get; } = [];

    public List<RelationshipHealth> Rows { get; } = [];

    public bool Missing { get; set; }

    public static RelationshipHealth Empty(RelationshipKind kind, Guid id, string name = "Edna Krabappel") => new(
        kind, id, name, null, null, Today, HealthCalculator.WindowFrom(Today, 12),
        0, 0, 0, 0, 0, null, null, null, null, null,
        new CadenceDays(90, 180, CadenceSource.PartnershipLevel), CadenceStatus.NeverTouched,
        0, 0, null, HealthCalculator.Quarters([], Today, 12), HealthTrend.Steady, []);

    public Task<RelationshipHealth> GetAsync(RelationshipKind kind, Guid id, CancellationToken ct = default) =>
        Missing
            ? throw new RecordNotFoundException("That contact no longer exists.")
            : Task.FromResult(Health.TryGetValue((kind, id), out var health) ? health : Empty(kind, id));

    public Task<HealthResults> ListAsync(HealthQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Queries.Add(query);
        var matching = Rows.Where(r => query.Flag switch
        {
            HealthFlagFilter.Neglected => r.HasFlag(HealthWarning.Neglected),
            HealthFlagFilter.AnyFlag => r.Flags.Count > 0,
            _ => true,
        }).ToList();
        return Task.FromResult(new HealthResults(matching.Count, [.. matching.Skip(query.Page * query.PageSize).Take(query.PageSize)]));
    }

    /// <summary>The rows whose cadence status is not on track, in the order given.</summary>
    public Task<ReachOutResults> ListNeedingAttentionAsync(string? ownerId, int take, CancellationToken ct = default)
    {
        var matching = Rows.Where(r => r.Status != CadenceStatus.OnTrack && (ownerId is null || r.OwnerId == ownerId))
            .Select(r => new RelationshipCadence(r.Kind, r.Id, r.Name, r.OwnerId, r.OwnerName, r.Cadence, r.LastTouch, r.DaysSince, r.Status))
            .ToList();
        return Task.FromResult(new ReachOutResults(matching.Count, [.. matching.Take(take)]));
    }
}
