namespace LibraryOutreach.Web.Features.Timeline;

/// <summary>The relationship timeline of a contact or an organization, one page at a time.</summary>
public interface ITimelineService
{
    /// <summary>Default and largest page sizes.</summary>
    const int DefaultPageSize = 50;
    const int MaxPageSize = 200;

    /// <summary>The page after <paramref name="after"/> (the first page when null), newest first.</summary>
    Task<TimelinePage> PageAsync(TimelineSubject subject, TimelineFilter filter, TimelineCursor? after = null, int pageSize = DefaultPageSize, CancellationToken ct = default);
}
