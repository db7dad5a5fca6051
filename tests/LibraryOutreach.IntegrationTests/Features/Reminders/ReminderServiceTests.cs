using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Reminders;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Reminders;

/// <summary>
/// The daily reminders on both providers, driven by a fake clock: notifications, a digest sent once per person and day
/// across two service instances and a second host (a restart), and a failed send retried on the next tick.
/// </summary>
public class ReminderServiceTests
{
    // 10 March 2026, the Tuesday after the spring-forward jump in New York.
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static DateTimeOffset Local(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), ReminderTestApp.Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, minute))));

    private sealed record Library(StaffUser Sam, StaffUser Tia, StaffUser Ned, Guid Overdue, Guid DueToday, Guid Lapsed);

    private static async Task<Library> SeedAsync(ReminderTestApp app)
    {
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        var ned = await app.CreateUserAsync("ned@library.test", Roles.Supervisor, "Ned Supervisor");
        var overdue = new FollowUp { Title = "Send the flyer", DueDate = Day.AddDays(-2), AssigneeId = sam.Id };
        var dueToday = new FollowUp { Title = "Call the principal", DueDate = Day, AssigneeId = sam.Id };
        var later = new FollowUp { Title = "Book the room", DueDate = Day.AddDays(5), AssigneeId = tia.Id };
        var finished = new FollowUp { Title = "Old task", DueDate = Day.AddDays(-9), AssigneeId = tia.Id, DoneAt = Local(Day, 6).AddDays(-1).ToUniversalTime(), DoneById = tia.Id };
        // Ned's contact was last touched 200 days ago: past the "contact" level's 180.
        var lapsed = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel", OwnerId = ned.Id };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(overdue, dueToday, later, finished, lapsed);
            db.Interactions.Add(new Interaction { OccurredAt = Local(Day, 12).AddDays(-200).ToUniversalTime(), Channel = ContactChannel.Phone, StaffUserId = ned.Id, ContactId = lapsed.Id, Summary = "Call" });
            await db.SaveChangesAsync();
        });
        return new Library(sam, tia, ned, overdue.Id, dueToday.Id, lapsed.Id);
    }

    private static async Task<ReminderRunResult> RunAsync(ReminderTestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RunAsync_TwoInstancesAndARestart_SendEachPersonOneDigestAndOneNotificationPerThingPerDay(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var first = await ReminderTestApp.StartAsync(database, ReminderTestApp.ClockAt(Local(Day, 6, 59)));
        var town = await SeedAsync(first);

        // Before the digest hour nothing happens.
        Assert.Equal(new ReminderRunResult(0, 0, 0, 0), await RunAsync(first));

        first.Clock.SetUtcNow(Local(Day, 7, 30).ToUniversalTime());
        var results = await Task.WhenAll(RunAsync(first), RunAsync(first));

        Assert.Equal(2, results.Sum(r => r.EmailsSent));
        var sent = first.Email.Sent;
        Assert.Equal(["ned@library.test", "sam@library.test"], sent.Select(e => e.To).Order(StringComparer.Ordinal));
        var sams = sent.Single(e => e.To == "sam@library.test");
        Assert.Contains("Send the flyer", sams.Body, StringComparison.Ordinal);
        Assert.Contains("Call the principal", sams.Body, StringComparison.Ordinal);
        Assert.Contains("https://outreach.example-library.org/follow-ups", sams.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Book the room", sams.Body, StringComparison.Ordinal);
        Assert.Contains("Edna Krabappel", sent.Single(e => e.To == "ned@library.test").Body, StringComparison.Ordinal);

        var notifications = await first.WithDbAsync(db => db.Notifications.AsNoTracking().Select(n => new { n.UserId, n.Kind, n.SubjectId }).ToListAsync());
        Assert.Equal(3, notifications.Count);
        Assert.Contains(notifications, n => n.UserId == town.Sam.Id && n.Kind == NotificationKind.FollowUpOverdue && n.SubjectId == town.Overdue);
        Assert.Contains(notifications, n => n.UserId == town.Sam.Id && n.Kind == NotificationKind.FollowUpDue && n.SubjectId == town.DueToday);
        Assert.Contains(notifications, n => n.UserId == town.Ned.Id && n.Kind == NotificationKind.ContactOverdue && n.SubjectId == town.Lapsed);
        var digests = await first.WithDbAsync(db => db.ReminderDigests.AsNoTracking().ToListAsync());
        Assert.Equal(3, digests.Count);
        Assert.Null(digests.Single(d => d.UserId == town.Tia.Id).SentAt);
        Assert.NotNull(digests.Single(d => d.UserId == town.Sam.Id).SentAt);

        // Later ticks, and a second host on the same database (a restart: nothing kept in memory), send nothing more.
        first.Clock.SetUtcNow(Local(Day, 18).ToUniversalTime());
        Assert.Equal(0, (await RunAsync(first)).EmailsSent);
        Assert.Equal(2, first.Email.Sent.Count);
        Assert.Equal(3, await first.WithDbAsync(db => db.Notifications.CountAsync()));

        // Disposed before the first host (it removes the shared database).
        await using var restarted = await ReminderTestApp.StartAsync(database, ReminderTestApp.ClockAt(Local(Day, 18, 5)));
        Assert.Equal(new ReminderRunResult(0, 0, 0, 0), await RunAsync(restarted));
        Assert.Empty(restarted.Email.Sent);
        Assert.Equal(3, await restarted.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RunAsync_SendFails_IsNotMarkedSentAndIsRetriedOnTheNextTick(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = await ReminderTestApp.StartAsync(database, ReminderTestApp.ClockAt(Local(Day, 8)));
        var town = await SeedAsync(app);
        app.Email.FailuresLeft = 5;

        var failed = await RunAsync(app);

        Assert.Equal((0, 2), (failed.EmailsSent, failed.EmailsFailed));
        Assert.Empty(app.Email.Sent);
        Assert.False(await app.WithDbAsync(db => db.ReminderDigests.AnyAsync(d => d.UserId == town.Sam.Id)));
        // The notifications are there already, and a retry does not repeat them.
        Assert.Equal(3, await app.WithDbAsync(db => db.Notifications.CountAsync()));

        app.Email.FailuresLeft = 0;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await RunAsync(app);

        Assert.Equal((2, 0), (retried.EmailsSent, retried.EmailsFailed));
        Assert.Equal(2, app.Email.Sent.Count);
        Assert.Equal(3, await app.WithDbAsync(db => db.Notifications.CountAsync()));
        Assert.NotNull(await app.WithDbAsync(db => db.ReminderDigests.Where(d => d.UserId == town.Sam.Id).Select(d => d.SentAt).SingleAsync()));
        Assert.Equal(0, (await RunAsync(app)).EmailsSent);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task RunAsync_NextDay_OverdueFollowUpIsNotNotifiedAgainButTheDigestComesAgain(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = await ReminderTestApp.StartAsync(database, ReminderTestApp.ClockAt(Local(Day, 9)));
        var town = await SeedAsync(app);
        await RunAsync(app);

        app.Clock.SetUtcNow(Local(Day.AddDays(1), 9).ToUniversalTime());
        var next = await RunAsync(app);

        Assert.Equal(2, next.EmailsSent);
        var sams = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == town.Sam.Id).Select(n => new { n.Kind, n.SubjectId, n.Day }).ToListAsync());
        // Day 1: overdue (flyer) + due today (principal); day 2: the principal's follow-up turned overdue. The flyer is not repeated.
        Assert.Equal(3, sams.Count);
        Assert.Single(sams, n => n.SubjectId == town.Overdue);
        Assert.Contains(sams, n => n.SubjectId == town.DueToday && n.Kind == NotificationKind.FollowUpOverdue && n.Day == Day.AddDays(1));
        // Ned's contact is still overdue and not touched since: not notified again.
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == town.Ned.Id)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Notifications_EachPersonSeesCountsAndMarksReadOnlyTheirOwn(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = await ReminderTestApp.StartAsync(database, ReminderTestApp.ClockAt(Local(Day, 8)));
        var town = await SeedAsync(app);
        await RunAsync(app);

        var sams = await app.AsAsync<NotificationService, IReadOnlyList<NotificationView>>(town.Sam, Roles.Staff, s => s.ListAsync());
        Assert.Equal(2, await app.AsAsync<NotificationService, int>(town.Sam, Roles.Staff, s => s.CountUnreadAsync()));
        Assert.All(sams, n => Assert.Equal(("follow-ups", false), (n.Link, n.IsRead)));
        Assert.Contains(sams, n => n.Text == "Follow-up due today: Call the principal");

        // Tia can neither see nor mark Sam's.
        Assert.Empty(await app.AsAsync<NotificationService, IReadOnlyList<NotificationView>>(town.Tia, Roles.Staff, s => s.ListAsync()));
        await app.AsAsync<NotificationService>(town.Tia, Roles.Staff, s => s.MarkReadAsync(sams[0].Id));
        Assert.Equal(2, await app.AsAsync<NotificationService, int>(town.Sam, Roles.Staff, s => s.CountUnreadAsync()));

        await app.AsAsync<NotificationService>(town.Sam, Roles.Staff, s => s.MarkReadAsync(sams[0].Id));
        Assert.Equal(1, await app.AsAsync<NotificationService, int>(town.Sam, Roles.Staff, s => s.CountUnreadAsync()));
        var listed = await app.AsAsync<NotificationService, IReadOnlyList<NotificationView>>(town.Sam, Roles.Staff, s => s.ListAsync());
        Assert.Equal([false, true], listed.Select(n => n.IsRead));
        await app.AsAsync<NotificationService>(town.Sam, Roles.Staff, s => s.MarkAllReadAsync());
        Assert.Equal(0, await app.AsAsync<NotificationService, int>(town.Sam, Roles.Staff, s => s.CountUnreadAsync()));
        Assert.Equal(1, await app.AsAsync<NotificationService, int>(town.Ned, Roles.Supervisor, s => s.CountUnreadAsync()));
    }
}
