using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>Merging duplicate organizations: see <see cref="OrganizationMergeService"/>.</summary>
public interface IOrganizationMergeService
{
    /// <summary>What merging <paramref name="duplicateId"/> into <paramref name="survivorId"/> would move, with both records' current versions. Saves nothing.</summary>
    Task<MergeSummary> PreviewAsync(Guid survivorId, Guid duplicateId, CancellationToken ct = default);

    /// <summary>Merges <paramref name="duplicateId"/> into <paramref name="survivorId"/> if both still have the versions the person saw.</summary>
    Task<MergeSummary> MergeAsync(Guid survivorId, Guid survivorVersion, Guid duplicateId, Guid duplicateVersion, CancellationToken ct = default);

    /// <summary>The live organization that <paramref name="mergedId"/> was merged into; null when it was not merged (or no longer exists).</summary>
    Task<MergedInto?> FindSurvivorAsync(Guid mergedId, CancellationToken ct = default);
}
