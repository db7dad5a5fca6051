using System.Net;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.CalendarSync;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.CalendarSync;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Infrastructure.ScaleOut;

/// <summary>
/// Two app instances (two hosts, each with its own data directory, as on two machines) sharing one real PostgreSQL
/// database: Data Protection keys, the calendar sync's lease, and the precomputed health read by the other instance.
/// </summary>
public sealed class TwoInstanceTests
{
    private static readonly Uri Localhost = new("http://localhost");

    [Fact]
    public async Task SignInOnOneInstance_IsValidOnTheOther_AndASecretProtectedOnOneIsReadOnTheOther()
    {
        await using var first = await OutreachAppFactory.CreateAsync(DatabaseProvider.Postgres);
        await using var second = new OutreachAppFactory(first.Database.SecondInstance());
        _ = second.Server;
        // A control: the same cookie on an instance of another database (other keys) must not be accepted.
        await using var stranger = await OutreachAppFactory.CreateAsync(DatabaseProvider.Postgres);
        await first.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");

        using var browser = new AccountClient(first);
        await browser.SignInAsync("sam@library.test");
        using var onSecond = new AccountClient(second);
        onSecond.Cookies.Add(browser.Cookies.GetCookies(Localhost));
        using var onStranger = new AccountClient(stranger);
        onStranger.Cookies.Add(browser.Cookies.GetCookies(Localhost));

        using var page = await onSecond.GetAsync("/contacts");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"sign-out-form\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal); // rendered for a signed-in person only
        using var refused = await onStranger.GetAsync("/contacts");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", AccountClient.RedirectTarget(refused), StringComparison.Ordinal);

        var secret = first.Services.GetRequiredService<CalendarSecrets>().Protect("refresh-token-of-sam");
        Assert.Equal("refresh-token-of-sam", second.Services.GetRequiredService<CalendarSecrets>().TryUnprotect(secret));

        // The keys live in the shared database, not in either instance's data directory.
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        foreach (var directory in new[] { first.Database.DataDirectory, second.Database.DataDirectory })
        {
            Assert.Empty(Directory.Exists(Path.Combine(directory, "keys")) ? Directory.GetFiles(Path.Combine(directory, "keys")) : []);
        }
    }

    [Fact]
    public async Task OneConnectionSyncedFromTwoInstances_RunsOnOnlyOne_AndACrashedInstancesLeaseIsTakenOverOnlyWhenItRunsOut()
    {
        await using var h = await CalendarSyncHarness.StartAsync(DatabaseProvider.Postgres, pageSize: 100);
        await using var second = h.StartSecondInstance();
        h.AddEvents(250);

        var id = await h.ConnectGoogleAsync();
        var slowPage = h.Google.Hold(r => r.IsEventList && r.Page == 2);

        var onFirst = h.SyncAsync(id);
        await slowPage.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var lease = await h.ConnectionAsync(id);
        Assert.Equal(h.App.Services.GetRequiredService<CalendarSyncInstance>().Id, lease.LeaseOwner);
        Assert.True(lease.LeaseExpiresAt > DateTimeOffset.UtcNow);

        var onSecond = await h.SyncAsync(id, second);

        Assert.Equal(CalendarSyncOutcome.Running, onSecond.Outcome);
        Assert.Equal(2, h.Google.EventListCalls("work")); // the first instance's pages 1 and 2; nothing from the second
        slowPage.Release();
        var done = await onFirst;
        Assert.Equal((CalendarSyncOutcome.Succeeded, 250), (done.Outcome, done.Added));
        Assert.Equal(250, (await h.CopiesAsync()).Count);
        Assert.Null((await h.ConnectionAsync(id)).LeaseOwner);

        // An instance that died mid-sync: its lease still runs, then runs out.
        h.Google.PutEvent("work", FakeEvents.Timed("ev-new", "Board meeting", CalendarSyncHarness.Soon(3), TimeSpan.FromHours(1)));
        var abandoned = new CalendarSyncRun { ConnectionId = id, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1), Trigger = "worker", Outcome = CalendarSyncOutcome.Running };
        await h.App.WithDbAsync(async db =>
        {
            db.CalendarSyncRuns.Add(abandoned);
            await db.SaveChangesAsync();
            await db.CalendarConnections.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LeaseOwner, "crashed-host/4242/0")
                .SetProperty(c => c.LeaseExpiresAt, DateTimeOffset.UtcNow.AddSeconds(90)));
        });
        Assert.Equal(CalendarSyncOutcome.Running, (await h.SyncAsync(id, second)).Outcome);

        await h.App.WithDbAsync(db => db.CalendarConnections.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var takenOver = await h.SyncAsync(id, second);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 1), (takenOver.Outcome, takenOver.Added));
        Assert.Equal(251, (await h.CopiesAsync()).Count);
        var runs = await h.App.WithDbAsync(db => db.CalendarSyncRuns.AsNoTracking().ToListAsync());
        var closed = runs.Single(r => r.Id == abandoned.Id);
        Assert.Equal(CalendarSyncOutcome.Failed, closed.Outcome);
        Assert.NotNull(closed.EndedAt);
        Assert.StartsWith("Interrupted", closed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(runs, r => r.Outcome == CalendarSyncOutcome.Running);
    }

    [Fact]
    public async Task SyncNowDuringTheSameInstancesRunOfThatConnection_IsToldASyncIsRunning()
    {
        await using var h = await CalendarSyncHarness.StartAsync(DatabaseProvider.Postgres, pageSize: 100);
        h.AddEvents(150);

        var id = await h.ConnectGoogleAsync();
        var slowPage = h.Google.Hold(r => r.IsEventList && r.Page == 2);
        var worker = h.SyncAsync(id);
        await slowPage.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var syncNow = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Running, syncNow.Outcome);
        slowPage.Release();
        Assert.Equal((CalendarSyncOutcome.Succeeded, 150), ((await worker).Outcome, (await worker).Added));
        Assert.Equal(150, (await h.CopiesAsync()).Count);
    }

    [Fact]
    public async Task ATouchLoggedOnOneInstance_ShowsInTheHealthTheOtherInstanceReads()
    {
        await using var first = await OutreachAppFactory.CreateAsync(DatabaseProvider.Postgres);
        await using var second = new OutreachAppFactory(first.Database.SecondInstance());
        _ = second.Server;
        var sam = await first.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        await first.WithDbAsync(async db =>
        {
            db.Contacts.Add(edna);
            await db.SaveChangesAsync();
        });
        var before = await second.AsAsync<RelationshipHealthService, RelationshipHealth>(sam, Roles.Staff, s => s.GetAsync(RelationshipKind.Contact, edna.Id));
        Assert.Equal(0, before.TouchesInWindow);

        var today = LibraryTime.Today(TimeProvider.System);
        await first.AsAsync<InteractionService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new InteractionInput
        {
            ContactId = edna.Id,
            Channel = ContactChannel.Email,
            InitiatedBy = InitiatedBy.Partner,
            Summary = "Asked for a class visit",
            Date = today.AddDays(-2).ToDateTime(TimeOnly.MinValue),
            Time = new TimeSpan(10, 0, 0),
        }));

        var after = await second.AsAsync<RelationshipHealthService, RelationshipHealth>(sam, Roles.Staff, s => s.GetAsync(RelationshipKind.Contact, edna.Id));
        Assert.Equal((1, 1, today.AddDays(-2)), (after.TouchesInWindow, after.PartnerTouches, after.LastTouch));
    }
}
