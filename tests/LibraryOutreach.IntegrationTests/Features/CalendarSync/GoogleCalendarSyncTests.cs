using System.Text.Json.Nodes;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.CalendarSync;

/// <summary>The sync against the fake Google server, playing the scenarios of shared/google-calendar.md.</summary>
public class GoogleCalendarSyncTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FullSync_600EventsWithAnEmptyMiddlePage_CopiesEveryEventAndStoresTheToken(DatabaseProvider provider)
    {
        await using var h = await CalendarSyncHarness.StartAsync(provider);
        h.AddEvents(600, i => i % 3 == 0);
        h.Google.EmptyPages.Add(2);
        var id = await h.ConnectGoogleAsync();

        var result = await h.SyncAsync(id);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 600, null), (result.Outcome, result.Added, result.Error));
        Assert.Equal(4, h.Google.EventListCalls("work")); // pages 1, 2 (empty, with nextPageToken), 3, 4
        var copies = await h.CopiesAsync();
        Assert.Equal(600, copies.Count);
        Assert.Equal(200, copies.Count(c => c.State == CalendarSuggestionState.Pending));
        Assert.Equal(400, copies.Count(c => c.State == CalendarSuggestionState.NotOutreach));
        var connection = await h.ConnectionAsync(id);
        Assert.NotNull(connection.Calendars.Single().SyncToken);
        Assert.NotNull(connection.LastSuccessAt);
        Assert.NotNull(connection.NextRunAt);
        var run = await h.App.WithDbAsync(db => db.CalendarSyncRuns.SingleAsync());
        Assert.Equal((CalendarSyncOutcome.Succeeded, 600, "test"), (run.Outcome, run.Added, run.Trigger));
    }

    [Fact]
    public async Task ServerErrorOnPage3_RetriesTheSamePageAfterABackOff_AndFinishes()
    {
        await using var h = await CalendarSyncHarness.StartAsync(pageSize: 100);
        h.AddEvents(500);
        h.Google.Fail(r => r.IsEventList && r.Page == 3, 500, "backendError");
        var id = await h.ConnectGoogleAsync();

        var result = await h.SyncAsync(id);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 500), (result.Outcome, result.Added));
        var page3 = h.Google.Requests.Where(r => r.IsEventList && r.Page == 3).ToList();
        Assert.Equal(2, page3.Count);
        Assert.Equal(page3[0].QueryString, page3[1].QueryString);
        var wait = Assert.Single(h.Waits);
        Assert.Equal(TimeSpan.FromSeconds(2.5), wait); // 2^1 s + the (fixed) random half second
    }

    [Fact]
    public async Task PageKeepsFailing_SavesThePagesBeforeButNoToken_AndTheNextRunRepeatsWithoutDuplicates()
    {
        await using var h = await CalendarSyncHarness.StartAsync(pageSize: 100, maxAttempts: 3);
        h.AddEvents(500);
        h.Google.Fail(r => r.IsEventList && r.Page == 3, 503, "backendError", times: 3);
        var id = await h.ConnectGoogleAsync();

        var failed = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Failed, failed.Outcome);
        Assert.Contains("kept failing", failed.Error, StringComparison.Ordinal);
        Assert.Equal(200, (await h.CopiesAsync()).Count);
        var connection = await h.ConnectionAsync(id);
        Assert.Null(connection.Calendars.Single().SyncToken);
        Assert.Equal(CalendarConnectionState.Active, connection.State);
        Assert.Equal(failed.Error, connection.LastError);
        Assert.Null(connection.LastSuccessAt);

        var again = await h.SyncAsync(id);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 300), (again.Outcome, again.Added));
        Assert.Equal(500, (await h.CopiesAsync()).Select(c => c.ExternalId).Distinct().Count());
        Assert.Null((await h.ConnectionAsync(id)).LastError);
    }

    [Fact]
    public async Task AccessTokenExpiresOnPage4_RefreshesAndRetriesPage4()
    {
        await using var h = await CalendarSyncHarness.StartAsync(pageSize: 50);
        h.AddEvents(250);
        h.Google.Fail(r => r.IsEventList && r.Page == 4, 401, "authError", expireTokens: true);
        var id = await h.ConnectGoogleAsync();

        var result = await h.SyncAsync(id);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 250), (result.Outcome, result.Added));
        Assert.Equal(2, h.Google.Requests.Count(r => r.Path == "/token"));
        Assert.Equal(2, h.Google.Requests.Count(r => r.IsEventList && r.Page == 4));
        Assert.Empty(h.Waits);
    }

    [Fact]
    public async Task Incremental_SendsOnlyTheSyncToken_AndAppliesChangesAndCancellations()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(3, _ => true);
        var id = await h.ConnectGoogleAsync();
        await h.SyncAsync(id);

        h.Google.PutEvent("work", FakeEvents.Timed("ev0001", "Council meeting moved #outreach", CalendarSyncHarness.Soon(9), TimeSpan.FromHours(2)));
        h.Google.CancelEvent("work", "ev0002");
        h.Google.PutEvent("work", FakeEvents.Timed("new1", "Library board #outreach", CalendarSyncHarness.Soon(3), TimeSpan.FromHours(1)));
        var result = await h.SyncAsync(id);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 1, 1, 1), (result.Outcome, result.Added, result.Updated, result.Removed));
        var incremental = h.Google.Requests.Where(r => r.IsEventList && r.SyncToken is not null).ToList();
        Assert.NotEmpty(incremental);
        Assert.All(incremental, r => Assert.False(r.Query.ContainsKey("timeMin") || r.Query.ContainsKey("timeMax") || r.Query.ContainsKey("orderBy") || r.Query.ContainsKey("showDeleted")));
        var copies = (await h.CopiesAsync()).ToDictionary(c => c.ExternalId);
        Assert.Equal("Council meeting moved #outreach", copies["ev0001"].Title);
        Assert.True(copies["ev0002"].IsRemoved);
        Assert.False(copies["new1"].IsRemoved);

        var quiet = await h.SyncAsync(id);
        Assert.Equal((0, 0, 0), (quiet.Added, quiet.Updated, quiet.Removed));
    }

    [Fact]
    public async Task IncrementalPasses_MakeOneRequestPerCalendar_AndWriteOnlyWhatChanged()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(100, _ => true);
        var id = await h.ConnectGoogleAsync();
        await h.SyncAsync(id);
        var before = h.Google.EventListCalls("work");
        for (var i = 0; i < 20; i++)
        {
            h.Google.PutEvent("work", FakeEvents.Timed($"ev{i * 5:D4}", $"Council meeting {i * 5} (moved) #outreach", CalendarSyncHarness.Soon(70), TimeSpan.FromHours(1)));
        }

        var changed = await h.SyncAsync(id);

        Assert.Equal((0, 20, 0), (changed.Added, changed.Updated, changed.Removed));
        Assert.Equal(before + 1, h.Google.EventListCalls("work"));
        var lastRun = await h.App.WithDbAsync(db => db.CalendarSyncRuns.OrderByDescending(r => r.StartedAt).Select(r => r.Id).FirstAsync());
        Assert.Equal(20, (await h.CopiesAsync()).Count(c => c.LastSeenRunId == lastRun));

        var quiet = await h.SyncAsync(id);

        Assert.Equal((0, 0, 0), (quiet.Added, quiet.Updated, quiet.Removed));
        Assert.Equal(before + 2, h.Google.EventListCalls("work"));
        var quietRun = await h.App.WithDbAsync(db => db.CalendarSyncRuns.OrderByDescending(r => r.StartedAt).Select(r => r.Id).FirstAsync());
        Assert.DoesNotContain(await h.CopiesAsync(), c => c.LastSeenRunId == quietRun);
    }

    [Fact]
    public async Task Gone410_FullResyncKeepsTheLibrarysEvents_WithoutDuplicates()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(5, _ => true);
        var id = await h.ConnectGoogleAsync(CalendarOutreachRule.Everything);
        await h.SyncAsync(id);
        Assert.Equal(5, await h.OutreachEventCountAsync());

        h.Google.InvalidateSyncTokens();
        h.Google.CancelEvent("work", "ev0004"); // deleted while the token was dead: the full listing no longer has it
        var result = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Succeeded, result.Outcome);
        Assert.Equal(1, result.Removed);
        Assert.Contains(h.Google.Requests, r => r.IsEventList && r.SyncToken is not null);
        Assert.Equal(5, await h.OutreachEventCountAsync()); // the library's records stay, none made twice
        var copies = await h.CopiesAsync();
        Assert.Equal(5, copies.Count);
        Assert.True(copies.Single(c => c.ExternalId == "ev0004").IsRemoved);
        Assert.All(copies, c => Assert.Equal(CalendarSuggestionState.Confirmed, c.State));
        Assert.NotNull((await h.ConnectionAsync(id)).Calendars.Single().SyncToken);
    }

    [Fact]
    public async Task Gone410AgainOnTheResync_ReportsTheConnectionFailing_AndKeepsNoToken()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(2);
        var id = await h.ConnectGoogleAsync();
        await h.SyncAsync(id);
        h.Google.InvalidateSyncTokens();
        h.Google.Fail(r => r.IsEventList && r.SyncToken is null, 410, "fullSyncRequired");

        var result = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Failed, result.Outcome);
        Assert.Contains("full sync again", result.Error, StringComparison.Ordinal);
        var connection = await h.ConnectionAsync(id);
        Assert.Null(connection.Calendars.Single().SyncToken);
        Assert.Equal(result.Error, connection.LastError);
    }

    [Fact]
    public async Task RateLimits_HonourRetryAfter_AndBackOffWithoutIt()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(3);
        h.Google.Fail(r => r.IsEventList, 429, "rateLimitExceeded", retryAfterSeconds: 7);
        h.Google.Fail(r => r.IsEventList, 429, "rateLimitExceeded");
        h.Google.Fail(r => r.IsEventList, 403, "userRateLimitExceeded");
        var id = await h.ConnectGoogleAsync();

        var result = await h.SyncAsync(id);

        Assert.Equal((CalendarSyncOutcome.Succeeded, 3), (result.Outcome, result.Added));
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(8.5)], h.Waits.ToArray());
    }

    [Fact]
    public async Task RevokedRefreshToken_MarksReconnectNeeded_WithoutRetrying()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(1);
        var token = h.Google.IssueRefreshToken("jo@library.example");
        h.Google.RevokedTokens.Add(token);
        var id = await h.ConnectGoogleAsync(refreshToken: token);

        var result = await h.SyncAsync(id);

        Assert.Equal(CalendarSyncOutcome.Failed, result.Outcome);
        Assert.Contains("Connect the calendar again", result.Error, StringComparison.Ordinal);
        var connection = await h.ConnectionAsync(id);
        Assert.Equal(CalendarConnectionState.ReconnectNeeded, connection.State);
        Assert.Equal(1, h.Google.Requests.Count(r => r.Path == "/token"));
        Assert.Empty(h.Waits);
        Assert.DoesNotContain(h.App.Log.Lines, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(connection.Id, await SyncDueIdsAsync(h)); // not polled again until reconnected
    }

    private static async Task<IReadOnlyList<Guid>> SyncDueIdsAsync(CalendarSyncHarness h) => (await h.SyncDueAsync()).Select(r => r.ConnectionId).ToList();

    [Fact]
    public async Task OneFailingConnection_DoesNotStopTheOthers()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.AddEvents(2);
        var revoked = h.Google.IssueRefreshToken("jo@library.example");
        h.Google.RevokedTokens.Add(revoked);
        var broken = await h.ConnectGoogleAsync(refreshToken: revoked);
        var gone = await h.ConnectGoogleAsync(calendarId: "deleted-calendar");
        var healthy = await h.ConnectGoogleAsync();

        var results = (await h.SyncDueAsync()).ToDictionary(r => r.ConnectionId);

        Assert.Equal(CalendarSyncOutcome.Failed, results[broken].Outcome);
        Assert.Equal(CalendarSyncOutcome.Failed, results[gone].Outcome);
        Assert.Equal((CalendarSyncOutcome.Succeeded, 2), (results[healthy].Outcome, results[healthy].Added));
        Assert.Equal(CalendarConnectionState.Stopped, (await h.ConnectionAsync(gone)).State);
        Assert.Contains("no longer exists", results[gone].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledOccurrenceAndSeries_RemoveOneOccurrence_ThenTheRest()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        for (var week = 0; week < 4; week++)
        {
            var start = CalendarSyncHarness.Soon(2 + (7 * week));
            h.Google.PutEvent("work", FakeEvents.Timed($"story_{start:yyyyMMdd}", "Story time at the farm #outreach", start, TimeSpan.FromHours(1))
                .With("recurringEventId", "story")
                .With("originalStartTime", new JsonObject { ["dateTime"] = start.ToString("O") }));
        }

        var id = await h.ConnectGoogleAsync();
        await h.SyncAsync(id);
        var first = (await h.CopiesAsync()).First();

        h.Google.CancelEvent("work", first.ExternalId, new JsonObject { ["recurringEventId"] = "story" });
        var one = await h.SyncAsync(id);
        Assert.Equal(1, one.Removed);
        Assert.Equal(3, (await h.CopiesAsync()).Count(c => !c.IsRemoved));

        h.Google.CancelEvent("work", "story");
        var series = await h.SyncAsync(id);
        Assert.Equal(3, series.Removed);
        Assert.All(await h.CopiesAsync(), c => Assert.True(c.IsRemoved));
    }

    [Fact]
    public async Task PrivateEvents_AreNeverImported_AndAnEventMadePrivateLosesItsText()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.Google.PutEvent("work", FakeEvents.Timed("secret", "Doctor's appointment #outreach", CalendarSyncHarness.Soon(2), TimeSpan.FromHours(1)).With("visibility", "private"));
        h.Google.PutEvent("work", FakeEvents.Timed("later-private", "Meeting with the mayor #outreach", CalendarSyncHarness.Soon(3), TimeSpan.FromHours(1)));
        h.Google.PutEvent("work", FakeEvents.Timed("declined", "Chamber mixer #outreach", CalendarSyncHarness.Soon(4), TimeSpan.FromHours(1))
            .WithAttendees(("jo@library.example", null, "declined", true), ("chair@chamber.example", "Chair", "accepted", false)));
        var id = await h.ConnectGoogleAsync();

        var first = await h.SyncAsync(id);

        Assert.Equal((1, 2), (first.Added, first.Skipped));
        Assert.Equal(["later-private"], (await h.CopiesAsync()).Select(c => c.ExternalId));

        h.Google.PutEvent("work", FakeEvents.Timed("later-private", "Meeting with the mayor #outreach", CalendarSyncHarness.Soon(3), TimeSpan.FromHours(1)).With("visibility", "confidential"));
        await h.SyncAsync(id);

        var copy = Assert.Single(await h.CopiesAsync());
        Assert.True(copy.IsRemoved);
        Assert.Equal("", copy.Title);
        Assert.DoesNotContain("mayor", await h.App.WithDbAsync(db => db.CalendarEventCopies.Select(c => c.Title + c.Description + c.AttendeesJson).SingleAsync()), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EverythingRule_ConfirmsWithAttendeesMatched_AndALaterChangeNeverOverwritesTheLibrarysEvent(DatabaseProvider provider)
    {
        await using var h = await CalendarSyncHarness.StartAsync(provider);
        Guid contactId = default, organizationId = default;
        await h.App.WithDbAsync(async db =>
        {
            var org = new Organization { Name = "Springfield Elementary", TypeId = db.OrganizationTypes.First().Id, EmailDomains = ["springfield.k12.example"] };
            var contact = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel" };
            contact.Emails.Add(new ContactEmail { Address = "Edna@Springfield.k12.example", NormalizedAddress = "edna@springfield.k12.example", IsPrimary = true });
            db.AddRange(org, contact);
            await db.SaveChangesAsync();
            (contactId, organizationId) = (contact.Id, org.Id);
        });
        h.Google.PutEvent("work", FakeEvents.Timed("visit", "School visit", CalendarSyncHarness.Soon(5), TimeSpan.FromHours(1))
            .With("description", "<p>Bring <b>library card</b> forms</p>")
            .WithAttendees(("jo@library.example", "Jo", "accepted", true), ("edna@springfield.k12.example", null, "accepted", false), ("principal@springfield.k12.example", null, "needsAction", false)));
        var id = await h.ConnectGoogleAsync(CalendarOutreachRule.Everything);

        await h.SyncAsync(id);

        var outreach = await h.App.WithDbAsync(db => db.OutreachEvents.AsNoTracking().Include(e => e.Contacts).Include(e => e.Organizations).Include(e => e.Staff).SingleAsync());
        Assert.Equal(("School visit", EventSource.Calendar, null), (outreach.Title, outreach.Source, outreach.Location));
        Assert.Equal("Bring library card forms", outreach.Notes);
        Assert.Equal([contactId], outreach.Contacts.Select(c => c.ContactId));
        Assert.Equal([organizationId], outreach.Organizations.Select(o => o.OrganizationId));
        Assert.Equal([h.Owner.Id], outreach.Staff.Select(s => s.UserId));

        h.Google.PutEvent("work", FakeEvents.Timed("visit", "School visit (gym)", CalendarSyncHarness.Soon(6), TimeSpan.FromHours(1)).With("location", "Gym"));
        await h.SyncAsync(id);

        var after = await h.App.WithDbAsync(db => db.OutreachEvents.AsNoTracking().SingleAsync());
        Assert.Equal(("School visit", outreach.StartDate, null), (after.Title, after.StartDate, after.Location));
        var copy = Assert.Single(await h.CopiesAsync());
        var changes = CalendarOutreach.Changes(copy, TimeZoneInfo.Utc).Select(c => c.Field).ToList();
        Assert.Equal(["Title", "When", "Location", "Description", "Attendees"], changes);
    }
}
