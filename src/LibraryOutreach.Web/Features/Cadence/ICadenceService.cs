using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Cadence;

/// <summary>Stay-in-touch cadence as the pages use it (see <see cref="CadenceService"/>); an interface so component tests can fake it.</summary>
public interface ICadenceService
{
    Task<IReadOnlyList<RelationshipCadence>> ComputeAsync(CadenceScope scope, CancellationToken ct = default);

    Task<ReachOutResults> ListReachOutAsync(ReachOutQuery query, CancellationToken ct = default);

    Task<CadenceDetail> GetForContactAsync(Guid contactId, CancellationToken ct = default);

    Task<CadenceDetail> GetForOrganizationAsync(Guid organizationId, CancellationToken ct = default);

    Task SetContactCadenceAsync(Guid contactId, int? idealDays, int? maxDays, Guid version, CancellationToken ct = default);

    Task SetOrganizationCadenceAsync(Guid organizationId, int? idealDays, int? maxDays, Guid version, CancellationToken ct = default);

    Task<IReadOnlyList<CadenceRuleView>> ListRulesAsync(CancellationToken ct = default);

    Task SaveRuleAsync(PartnershipLevel? level, Guid? organizationTypeId, int? idealDays, int? maxDays, Guid? version, CancellationToken ct = default);
}
