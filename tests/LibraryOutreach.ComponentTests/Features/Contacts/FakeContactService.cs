using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Contacts;

/// <summary>An in-memory <see cref="IContactService"/>: lists <see cref="Rows"/>; create and update throw <see cref="SaveError"/> when set.</summary>
internal sealed class FakeContactService : IContactService
{
    public List<ContactRow> Rows { get; } = [];

    public List<TagChip> Tags { get; } = [];

    public List<StaffOption> Staff { get; } = [];

    public List<ContactQuery> Queries { get; } = [];

    public List<ContactInput> Saved { get; } = [];

    public ContactDetail? Detail { get; set; }

    public Exception? SaveError { get; set; }

    public Task<ContactResults> ListAsync(ContactQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        var rows = Rows.Where(r => query.Text is null || r.DisplayName.StartsWith(query.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        return Task.FromResult(new ContactResults(rows.Count, rows.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList()));
    }

    public List<ContactQuery> IdQueries { get; } = [];

    public Task<IReadOnlyList<Guid>> ListIdsAsync(ContactQuery query, CancellationToken ct = default)
    {
        IdQueries.Add(query);
        IReadOnlyList<Guid> ids = [.. Rows.Where(r => query.IncludeArchived || !r.IsArchived).Select(r => r.Id)];
        return Task.FromResult(ids);
    }

    /// <summary><see cref="Detail"/>; without one, the contact is gone (deleted or merged away).</summary>
    public Task<ContactDetail> GetAsync(Guid id, CancellationToken ct = default) =>
        Detail is { } detail ? Task.FromResult(detail) : Task.FromException<ContactDetail>(new RecordNotFoundException());

    public Task<Guid> CreateAsync(ContactInput input, CancellationToken ct = default)
    {
        Save(input);
        return Task.FromResult(Guid.NewGuid());
    }

    public Task UpdateAsync(Guid id, ContactInput input, Guid version, CancellationToken ct = default)
    {
        Save(input);
        return Task.CompletedTask;
    }

    public Task ArchiveAsync(Guid id, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task RestoreAsync(Guid id, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task DeleteAsync(Guid id, CancellationToken ct = default) => Task.CompletedTask;

    public Task<IReadOnlyList<TagChip>> ListTagsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<TagChip>>(Tags);

    public Task<IReadOnlyList<StaffOption>> ListStaffAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<StaffOption>>(Staff);

    private void Save(ContactInput input)
    {
        if (SaveError is not null)
        {
            throw SaveError;
        }

        Saved.Add(input);
    }
}
