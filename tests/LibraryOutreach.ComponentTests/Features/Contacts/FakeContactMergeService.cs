using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Contacts;

/// <summary>An <see cref="IContactMergeService"/> that records calls: previews answer <see cref="Summary"/>, or throw <see cref="PreviewError"/>; merges throw <see cref="MergeError"/> when set.</summary>
internal sealed class FakeContactMergeService : IContactMergeService
{
    public List<string> Calls { get; } = [];

    public Func<Guid, Guid, MergeSummary>? Summary { get; set; }

    public Exception? PreviewError { get; set; }

    public Exception? MergeError { get; set; }

    public MergedInto? Survivor { get; set; }

    public Task<MergeSummary> PreviewAsync(Guid survivorId, Guid duplicateId, CancellationToken ct = default)
    {
        Calls.Add($"Preview:{survivorId}:{duplicateId}");
        if (PreviewError is not null)
        {
            return Task.FromException<MergeSummary>(PreviewError);
        }

        return Task.FromResult(Summary?.Invoke(survivorId, duplicateId) ?? throw new InvalidOperationException("No summary set."));
    }

    public Task<MergeSummary> MergeAsync(Guid survivorId, Guid survivorVersion, Guid duplicateId, Guid duplicateVersion, CancellationToken ct = default)
    {
        Calls.Add($"Merge:{survivorId}:{survivorVersion}:{duplicateId}:{duplicateVersion}");
        if (MergeError is { } error)
        {
            MergeError = null;
            return Task.FromException<MergeSummary>(error);
        }

        return Task.FromResult(Summary!(survivorId, duplicateId));
    }

    public Task<MergedInto?> FindSurvivorAsync(Guid mergedId, CancellationToken ct = default) => Task.FromResult(Survivor);
}
