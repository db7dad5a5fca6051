namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>Interactions (touches) for staff: see <see cref="InteractionService"/>.</summary>
public interface IInteractionService
{
    Task<InteractionResults> ListAsync(InteractionQuery query, CancellationToken ct = default);

    Task<InteractionDetail> GetAsync(Guid id, CancellationToken ct = default);

    Task<Guid> CreateAsync(InteractionInput input, CancellationToken ct = default);

    Task UpdateAsync(Guid id, InteractionInput input, Guid version, CancellationToken ct = default);

    Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default);

    /// <summary>Contacts (with their current organization) and organizations whose name starts with <paramref name="text"/>.</summary>
    Task<IReadOnlyList<PartyOption>> FindPartiesAsync(string? text, CancellationToken ct = default);

    /// <summary>The option for a contact or an organization, to prefill the form from its page; null when it no longer exists.</summary>
    Task<PartyOption?> GetPartyAsync(Guid? contactId, Guid? organizationId, CancellationToken ct = default);

    /// <summary>The latest interactions and events of a contact or an organization, newest first.</summary>
    Task<IReadOnlyList<RecentOutreachItem>> RecentAsync(Guid? contactId, Guid? organizationId, int count = InteractionService.RecentCount, CancellationToken ct = default);
}
