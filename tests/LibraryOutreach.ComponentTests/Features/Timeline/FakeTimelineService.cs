using LibraryOutreach.Web.Features.Timeline;

namespace LibraryOutreach.ComponentTests.Features.Timeline;

/// <summary>An in-memory timeline: <see cref="Entries"/> (newest first) paged by position; every call is recorded.</summary>
internal sealed class FakeTimelineService : ITimelineService
{
    public List<TimelineEntry> Entries { get; } = [];

    public List<(TimelineSubject Subject, TimelineFilter Filter, TimelineCursor? After)> Calls { get; } = [];

    /// <summary>When set, pages wait for it (to see the loading state).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<TimelinePage> PageAsync(TimelineSubject subject, TimelineFilter filter, TimelineCursor? after = null, int pageSize = ITimelineService.DefaultPageSize, CancellationToken ct = default)
    {
        Calls.Add((subject, filter, after));
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        var matching = Entries.Where(e => filter.Includes(e.Type)).ToList();
        var start = after is null ? 0 : matching.FindIndex(e => e.Key == after.Key) + 1;
        var page = matching.Skip(start).Take(pageSize).ToList();
        var next = start + pageSize < matching.Count ? new TimelineCursor(page[^1].At, page[^1].Kind, page[^1].Key, 0) : null;
        return new TimelinePage(page, next);
    }
}
