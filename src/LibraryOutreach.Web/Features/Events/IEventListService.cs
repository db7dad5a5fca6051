namespace LibraryOutreach.Web.Features.Events;

/// <summary>The events list and month view: see <see cref="EventListService"/>.</summary>
public interface IEventListService
{
    Task<EventListResults> ListAsync(EventListQuery query, CancellationToken ct = default);

    /// <summary>
    /// Every event (matching the query's filters; its dates and paging ignored) on any day from
    /// <paramref name="first"/> to <paramref name="last"/>, including ones that started before or end after.
    /// </summary>
    Task<IReadOnlyList<EventListRow>> ListRangeAsync(EventListQuery query, DateOnly first, DateOnly last, CancellationToken ct = default);

    Task<EventListChoices> GetChoicesAsync(CancellationToken ct = default);

    /// <summary>Organizations whose name starts with (a word of) <paramref name="text"/>, for the organization filter.</summary>
    Task<IReadOnlyList<EventFilterChoice>> FindOrganizationsAsync(string? text, CancellationToken ct = default);
}
