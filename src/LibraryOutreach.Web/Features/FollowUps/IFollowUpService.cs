namespace LibraryOutreach.Web.Features.FollowUps;

/// <summary>Follow-ups as the pages use them (see <see cref="FollowUpService"/>); an interface so component tests can fake it.</summary>
public interface IFollowUpService
{
    Task<IReadOnlyList<FollowUpView>> ListMineAsync(bool includeDone = false, CancellationToken ct = default);

    Task<int> CountDueAsync(CancellationToken ct = default);

    Task<FollowUpResults> ListAllAsync(FollowUpQuery query, CancellationToken ct = default);

    Task<IReadOnlyList<FollowUpView>> ListForAsync(Guid? contactId = null, Guid? organizationId = null, Guid? eventId = null, CancellationToken ct = default);

    Task<FollowUpView> GetAsync(Guid id, CancellationToken ct = default);

    Task<Guid> CreateAsync(FollowUpInput input, CancellationToken ct = default);

    Task UpdateAsync(Guid id, FollowUpInput input, Guid version, CancellationToken ct = default);

    Task SetDoneAsync(Guid id, bool done, Guid version, CancellationToken ct = default);

    Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default);
}
