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

    /// <summary>
    /// The relationships that need attention against their stay-in-touch cadence (overdue, due or never touched; not
    /// archived), <paramref name="ownerId"/>'s or everyone's when null, most urgent first as "Due to reach out" sorts
    /// them (<see cref="CadenceRules.UrgencyKey"/>): the first <paramref name="take"/> rows and the count of all.
    /// Read from the precomputed rows (their last touch and status are the health's: an organization's last touch
    /// includes its people's touches inside the window).
    /// </summary>
    Task<ReachOutResults> ListNeedingAttentionAsync(string? ownerId, int take, CancellationToken ct = default);
}
