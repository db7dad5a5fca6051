using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Reminders;

/// <summary>The background worker in the real host, its timer driven by the fake clock: it ticks, sends, and retries after a failed send.</summary>
public class ReminderWorkerTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), what);
    }

    [Fact]
    public async Task Worker_EachTimerTick_RunsTheReminders_AndAFailedSendIsRetriedOnTheNextTick()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // 06:59 in New York: the tick at start-up finds nothing due yet (the digest hour is 7).
        var start = new DateTimeOffset(Day.ToDateTime(new TimeOnly(6, 59)), TimeSpan.FromHours(-4));
        await using var app = await ReminderTestApp.StartAsync(database, ReminderTestApp.ClockAt(start), worker: true);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await app.WithDbAsync(async db =>
        {
            db.FollowUps.Add(new FollowUp { Title = "Call the principal", DueDate = Day, AssigneeId = sam.Id });
            await db.SaveChangesAsync();
        });
        app.Email.FailuresLeft = 1;

        // The next tick (60 s on the fake clock, 07:00): the send fails and is not recorded.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => app.Email.FailuresLeft == 0, "the worker tried to send on the first tick");
        Assert.Empty(app.Email.Sent);
        Assert.False(await app.WithDbAsync(db => db.ReminderDigests.AnyAsync(d => d.UserId == sam.Id && d.SentAt != null)));

        // The tick after: sent once; later ticks send nothing more.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => app.Email.Sent.Count == 1, "the worker retried on the next tick");
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        Assert.Single(app.Email.Sent);
        Assert.Equal("sam@library.test", app.Email.Sent[0].To);
    }
}
