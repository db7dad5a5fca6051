using LibraryOutreach.Web.Features.Contacts;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>Outreach events for staff: see <see cref="EventService"/>.</summary>
public interface IEventService
{
    Task<EventFormChoices> GetChoicesAsync(CancellationToken ct = default);

    /// <summary>Contacts whose name or email starts with <paramref name="text"/>, with their current organization.</summary>
    Task<IReadOnlyList<ContactOption>> SearchContactsAsync(string? text, CancellationToken ct = default);

    Task<IReadOnlyList<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken ct = default);

    Task<EventDetail> GetAsync(Guid id, CancellationToken ct = default);

    Task<Guid> CreateAsync(EventInput input, CancellationToken ct = default);

    Task UpdateAsync(Guid id, EventInput input, Guid version, CancellationToken ct = default);

    Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default);
}
