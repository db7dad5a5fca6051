using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Interactions;

/// <summary>
/// An in-memory <see cref="IInteractionService"/> that applies the real rules (<see cref="InteractionValidation"/>) on
/// save, so forms show the service's own messages; <see cref="SaveError"/> is thrown instead when set.
/// </summary>
internal sealed class FakeInteractionService(TimeProvider clock) : IInteractionService
{
    public List<InteractionRow> Rows { get; } = [];

    public List<InteractionQuery> Queries { get; } = [];

    public List<InteractionInput> Saved { get; } = [];

    public List<PartyOption> Parties { get; } = [];

    public List<RecentOutreachItem> Recent { get; } = [];

    public Exception? SaveError { get; set; }

    public Task<InteractionResults> ListAsync(InteractionQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        return Task.FromResult(new InteractionResults(Rows.Count, Rows.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList()));
    }

    public Task<InteractionDetail> GetAsync(Guid id, CancellationToken ct = default) =>
        Task.FromException<InteractionDetail>(new RecordNotFoundException());

    public Task<Guid> CreateAsync(InteractionInput input, CancellationToken ct = default)
    {
        Save(input);
        return Task.FromResult(Guid.NewGuid());
    }

    public Task UpdateAsync(Guid id, InteractionInput input, Guid version, CancellationToken ct = default)
    {
        Save(input);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task<IReadOnlyList<PartyOption>> FindPartiesAsync(string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PartyOption>>([.. Parties.Where(p => text is not null && p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))]);

    public Task<PartyOption?> GetPartyAsync(Guid? contactId, Guid? organizationId, CancellationToken ct = default) =>
        Task.FromResult(Parties.FirstOrDefault(p => (contactId is not null && p.ContactId == contactId) || (contactId is null && p.OrganizationId == organizationId)));

    public Task<IReadOnlyList<RecentOutreachItem>> RecentAsync(Guid? contactId, Guid? organizationId, int count = InteractionService.RecentCount, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<RecentOutreachItem>>(Recent);

    private void Save(InteractionInput input)
    {
        if (SaveError is not null)
        {
            throw SaveError;
        }

        InteractionValidation.Check(input, clock);
        Saved.Add(input);
    }
}
