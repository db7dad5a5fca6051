using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;

namespace LibraryOutreach.ComponentTests.Features.Cadence;

/// <summary>Relationships in memory, sorted by the real urgency rules.</summary>
internal sealed class FakeCadenceService : ICadenceService
{
    public List<RelationshipCadence> All { get; } = [];

    public List<ReachOutQuery> Queries { get; } = [];

    public CadenceDetail? Detail { get; set; }

    public Task<IReadOnlyList<RelationshipCadence>> ComputeAsync(CadenceScope scope, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<RelationshipCadence>>(CadenceService.Sort(All));

    public Task<ReachOutResults> ListReachOutAsync(ReachOutQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        var rows = CadenceService.Sort(All).Where(r => query.Filter != ReachOutFilter.NeedsAttention || r.Status != CadenceStatus.OnTrack).ToList();
        return Task.FromResult(new ReachOutResults(rows.Count, rows));
    }

    public Task<CadenceDetail> GetForContactAsync(Guid contactId, CancellationToken ct = default) => Task.FromResult(Detail ?? Untouched(contactId));

    public Task<CadenceDetail> GetForOrganizationAsync(Guid organizationId, CancellationToken ct = default) => Task.FromResult(Detail ?? Untouched(organizationId));

    private static CadenceDetail Untouched(Guid id) => new(
        new RelationshipCadence(RelationshipKind.Contact, id, "", null, null, new CadenceDays(90, 180, CadenceSource.PartnershipLevel), null, null, CadenceStatus.NeverTouched),
        null, null, false, Guid.Empty);

    public Task SetContactCadenceAsync(Guid contactId, int? idealDays, int? maxDays, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task SetOrganizationCadenceAsync(Guid organizationId, int? idealDays, int? maxDays, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task<IReadOnlyList<CadenceRuleView>> ListRulesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<CadenceRuleView>>([]);

    public Task SaveRuleAsync(PartnershipLevel? level, Guid? organizationTypeId, int? idealDays, int? maxDays, Guid? version, CancellationToken ct = default) => Task.CompletedTask;
}
