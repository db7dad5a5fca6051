using LibraryOutreach.Web.Features.FollowUps;

namespace LibraryOutreach.ComponentTests.Features.FollowUps;

/// <summary>Follow-ups in memory, ordered by the real rules (<see cref="FollowUpOrder"/>).</summary>
internal sealed class FakeFollowUpService(FollowUpChanges changes, DateOnly today) : IFollowUpService
{
    public List<FollowUpView> Items { get; } = [];

    public List<FollowUpInput> Created { get; } = [];

    public List<bool> MineQueries { get; } = [];

    public FollowUpView Add(string title, int dueInDays, bool done = false)
    {
        var due = today.AddDays(dueInDays);
        DateTimeOffset? doneAt = done ? new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero) : null;
        var item = new FollowUpView(Guid.CreateVersion7(), title, due, "me", "Sam Staff", null, null, null, null, null, null, doneAt, done ? "Sam Staff" : null,
            FollowUpOrder.State(due, doneAt, today), true, Guid.CreateVersion7());
        Items.Add(item);
        return item;
    }

    public Task<IReadOnlyList<FollowUpView>> ListMineAsync(bool includeDone = false, CancellationToken ct = default)
    {
        MineQueries.Add(includeDone);
        return Task.FromResult<IReadOnlyList<FollowUpView>>([.. FollowUpOrder.Sort(Items.Where(i => includeDone || i.DoneAt is null))]);
    }

    public Task<int> CountDueAsync(CancellationToken ct = default) =>
        Task.FromResult(Items.Count(i => i.State is FollowUpState.Overdue or FollowUpState.DueToday));

    public Task<FollowUpResults> ListAllAsync(FollowUpQuery query, CancellationToken ct = default) =>
        Task.FromResult(new FollowUpResults(Items.Count, Items));

    public Task<IReadOnlyList<FollowUpView>> ListForAsync(Guid? contactId = null, Guid? organizationId = null, Guid? eventId = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<FollowUpView>>([.. FollowUpOrder.Sort(Items)]);

    public Task<FollowUpView> GetAsync(Guid id, CancellationToken ct = default) => Task.FromResult(Items.Single(i => i.Id == id));

    public Task<Guid> CreateAsync(FollowUpInput input, CancellationToken ct = default)
    {
        Created.Add(input);
        var item = Add(input.Title, input.DueDate!.Value.DayNumber - today.DayNumber);
        changes.Raise();
        return Task.FromResult(item.Id);
    }

    public Task UpdateAsync(Guid id, FollowUpInput input, Guid version, CancellationToken ct = default) => Task.CompletedTask;

    public Task SetDoneAsync(Guid id, bool done, Guid version, CancellationToken ct = default)
    {
        var index = Items.FindIndex(i => i.Id == id);
        var item = Items[index];
        DateTimeOffset? doneAt = done ? new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero) : null;
        Items[index] = item with { DoneAt = doneAt, State = FollowUpOrder.State(item.DueDate, doneAt, today) };
        changes.Raise();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        Items.RemoveAll(i => i.Id == id);
        changes.Raise();
        return Task.CompletedTask;
    }
}
