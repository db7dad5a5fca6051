using LibraryOutreach.Web.Features.FollowUps;

namespace LibraryOutreach.UnitTests.Features.FollowUps;

public class FollowUpOrderTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static FollowUpView View(string title, int dueInDays, bool done = false) => new(
        Guid.CreateVersion7(), title, Today.AddDays(dueInDays), "u", "Sam", null, null, null, null, null, null,
        done ? new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero) : null, done ? "Sam" : null,
        FollowUpOrder.State(Today.AddDays(dueInDays), done ? DateTimeOffset.UnixEpoch : null, Today), true, Guid.Empty);

    [Theory]
    [InlineData(-1, false, FollowUpState.Overdue)]
    [InlineData(0, false, FollowUpState.DueToday)]
    [InlineData(1, false, FollowUpState.Upcoming)]
    [InlineData(-5, true, FollowUpState.Done)]
    public void State_ByDueDateAndDone(int dueInDays, bool done, FollowUpState expected)
    {
        Assert.Equal(expected, FollowUpOrder.State(Today.AddDays(dueInDays), done ? DateTimeOffset.UnixEpoch : null, Today));
    }

    [Fact]
    public void Sort_OverdueOldestFirst_ThenDueToday_ThenUpcoming_ThenDone()
    {
        var sorted = FollowUpOrder.Sort([View("next week", 7), View("done", -3, done: true), View("today", 0), View("yesterday", -1), View("last month", -30), View("tomorrow", 1)]);

        Assert.Equal(["last month", "yesterday", "today", "tomorrow", "next week", "done"], sorted.Select(f => f.Title));
    }
}
