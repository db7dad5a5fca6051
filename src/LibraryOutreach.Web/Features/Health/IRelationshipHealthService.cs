using LibraryOutreach.Web.Features.Cadence;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// Two-way health of contacts and organizations, read from the precomputed <c>RelationshipHealth</c> table (kept in
/// step with every write; see docs/adr/0008-relationship-health-precomputed.md). Every method requires the Staff
/// policy. An interface so component tests and other features (the dashboard) can use or fake it.
/// </summary>
public interface IRelationshipHealthService
{
    /// <summary>One contact's or organization's health (archived ones too); throws <c>RecordNotFoundException</c> when it is gone or merged.</summary>
    Task<RelationshipHealth> GetAsync(RelationshipKind kind, Guid id, CancellationToken ct = default);

    /// <summary>One page of relationships with their health, filtered and sorted in the database.</summary>
    Task<HealthResults> ListAsync(HealthQuery query, CancellationToken ct = default);
}
