using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Organizations;

/// <summary>An <see cref="IOrganizationMergeService"/> that records calls and answers <see cref="Summary"/>.</summary>
internal sealed class FakeOrganizationMergeService : IOrganizationMergeService
{
    public List<string> Calls { get; } = [];

    public Func<Guid, Guid, MergeSummary>? Summary { get; set; }

    public MergedInto? Survivor { get; set; }

    public Task<MergeSummary> PreviewAsync(Guid survivorId, Guid duplicateId, CancellationToken ct = default)
    {
        Calls.Add($"Preview:{survivorId}:{duplicateId}");
        return Task.FromResult(Summary?.Invoke(survivorId, duplicateId) ?? throw new InvalidOperationException("No summary set."));
    }

    public Task<MergeSummary> MergeAsync(Guid survivorId, Guid survivorVersion, Guid duplicateId, Guid duplicateVersion, CancellationToken ct = default)
    {
        Calls.Add($"Merge:{survivorId}:{survivorVersion}:{duplicateId}:{duplicateVersion}");
        return Task.FromResult(Summary!(survivorId, duplicateId));
    }

    public Task<MergedInto?> FindSurvivorAsync(Guid mergedId, CancellationToken ct = default) => Task.FromResult(Survivor);
}
