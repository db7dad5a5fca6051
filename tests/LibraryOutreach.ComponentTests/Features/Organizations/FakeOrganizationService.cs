using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.ComponentTests.Features.Organizations;

/// <summary>An in-memory <see cref="IOrganizationService"/>: rows and details as given; writes fail with <see cref="FailWith"/> if set.</summary>
internal sealed class FakeOrganizationService : IOrganizationService
{
    public List<OrganizationRow> Rows { get; } = [];

    public Dictionary<Guid, OrganizationDetail> Details { get; } = [];

    public OrganizationChoices Choices { get; set; } = new([new TypeRef(Guid.NewGuid(), "School")], [], []);

    public Exception? FailWith { get; set; }

    public List<string> Calls { get; } = [];

    public List<OrganizationQuery> Queries { get; } = [];

    public Task<OrganizationListResult> ListAsync(OrganizationQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        return Task.FromResult(new OrganizationListResult(Rows.Count, [.. Rows.Skip(query.Page * query.PageSize).Take(query.PageSize)]));
    }

    public List<OrganizationQuery> IdQueries { get; } = [];

    public Task<IReadOnlyList<Guid>> ListIdsAsync(OrganizationQuery query, CancellationToken ct = default)
    {
        IdQueries.Add(query);
        IReadOnlyList<Guid> ids = [.. Rows.Where(r => query.IncludeArchived || !r.IsArchived).Select(r => r.Id)];
        return Task.FromResult(ids);
    }

    public Task<OrganizationDetail> GetAsync(Guid id, CancellationToken ct = default) =>
        Details.TryGetValue(id, out var detail) ? Task.FromResult(detail) : Task.FromException<OrganizationDetail>(new RecordNotFoundException());

    public Task<Guid> CreateAsync(OrganizationInput input, CancellationToken ct = default)
    {
        Calls.Add($"Create:{input.Name}");
        return FailWith is { } error ? Task.FromException<Guid>(error) : Task.FromResult(Guid.NewGuid());
    }

    public Task UpdateAsync(Guid id, OrganizationInput input, Guid version, CancellationToken ct = default)
    {
        Calls.Add($"Update:{input.Name}");
        return FailWith is { } error ? Task.FromException(error) : Task.CompletedTask;
    }

    public Task ArchiveAsync(Guid id, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task RestoreAsync(Guid id, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task DeleteAsync(Guid id, CancellationToken ct = default) => Task.CompletedTask;

    public Task<OrganizationChoices> GetChoicesAsync(CancellationToken ct = default) => Task.FromResult(Choices);
}
