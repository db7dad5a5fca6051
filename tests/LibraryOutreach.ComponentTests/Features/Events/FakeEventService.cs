using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Events;

/// <summary>An in-memory <see cref="IEventService"/>: saves go to <see cref="Created"/>; <see cref="SaveError"/> is thrown when set.</summary>
internal sealed class FakeEventService : IEventService
{
    public EventFormChoices Choices { get; set; } = new([], [], [], []);

    public List<ContactOption> Contacts { get; } = [];

    public List<OrganizationOption> Organizations { get; } = [];

    public List<EventInput> Created { get; } = [];

    public EventDetail? Detail { get; set; }

    public Exception? SaveError { get; set; }

    public Guid NewId { get; } = Guid.NewGuid();

    public List<Guid> Deleted { get; } = [];

    public Task<EventFormChoices> GetChoicesAsync(CancellationToken ct = default) => Task.FromResult(Choices);

    public Task<IReadOnlyList<ContactOption>> SearchContactsAsync(string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ContactOption>>([.. Contacts.Where(c => c.Name.StartsWith(text ?? "", StringComparison.OrdinalIgnoreCase))]);

    public Task<IReadOnlyList<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OrganizationOption>>([.. Organizations.Where(o => o.Name.StartsWith(text ?? "", StringComparison.OrdinalIgnoreCase))]);

    public Task<EventDetail> GetAsync(Guid id, CancellationToken ct = default) =>
        Detail is { } detail ? Task.FromResult(detail) : Task.FromException<EventDetail>(new RecordNotFoundException());

    public Task<Guid> CreateAsync(EventInput input, CancellationToken ct = default)
    {
        if (SaveError is not null)
        {
            return Task.FromException<Guid>(SaveError);
        }

        Created.Add(input);
        return Task.FromResult(NewId);
    }

    public Task UpdateAsync(Guid id, EventInput input, Guid version, CancellationToken ct = default)
    {
        if (SaveError is not null)
        {
            return Task.FromException(SaveError);
        }

        Created.Add(input);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        Deleted.Add(id);
        return Task.CompletedTask;
    }
}
