using LibraryOutreach.Web.Infrastructure.Records;
namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>Contacts for staff: see <see cref="ContactService"/>.</summary>
public interface IContactService
{
    Task<ContactResults> ListAsync(ContactQuery query, CancellationToken ct = default);

    Task<IReadOnlyList<Guid>> ListIdsAsync(ContactQuery query, CancellationToken ct = default);

    Task<ContactDetail> GetAsync(Guid id, CancellationToken ct = default);

    Task<Guid> CreateAsync(ContactInput input, CancellationToken ct = default);

    Task UpdateAsync(Guid id, ContactInput input, Guid version, CancellationToken ct = default);

    Task ArchiveAsync(Guid id, Guid version, CancellationToken ct = default);

    Task RestoreAsync(Guid id, Guid version, CancellationToken ct = default);

    Task DeleteAsync(Guid id, CancellationToken ct = default);

    Task<IReadOnlyList<TagChip>> ListTagsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<StaffOption>> ListStaffAsync(CancellationToken ct = default);
}
