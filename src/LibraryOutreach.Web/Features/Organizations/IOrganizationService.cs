namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>Organizations: see <see cref="OrganizationService"/>.</summary>
public interface IOrganizationService
{
    Task<OrganizationListResult> ListAsync(OrganizationQuery query, CancellationToken ct = default);

    Task<IReadOnlyList<Guid>> ListIdsAsync(OrganizationQuery query, CancellationToken ct = default);

    Task<OrganizationDetail> GetAsync(Guid id, CancellationToken ct = default);

    Task<Guid> CreateAsync(OrganizationInput input, CancellationToken ct = default);

    Task UpdateAsync(Guid id, OrganizationInput input, Guid version, CancellationToken ct = default);

    Task ArchiveAsync(Guid id, Guid version, CancellationToken ct = default);

    Task RestoreAsync(Guid id, Guid version, CancellationToken ct = default);

    Task DeleteAsync(Guid id, CancellationToken ct = default);

    /// <summary>What the filters and the dialog offer: active types (in order), active tags and active staff (by name).</summary>
    Task<OrganizationChoices> GetChoicesAsync(CancellationToken ct = default);
}
