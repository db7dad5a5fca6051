using System.Collections.Concurrent;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;
using LibraryOutreach.Web.Features.CalendarSync;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.CalendarSync;

/// <summary>The app on a real database, pointed at a <see cref="FakeGoogleServer"/>, with helpers to make connections and run syncs.</summary>
public sealed class CalendarSyncHarness : IAsyncDisposable
{
    private CalendarSyncHarness(OutreachAppFactory app, FakeGoogleServer google, StaffUser owner)
    {
        App = app;
        Google = google;
        Owner = owner;
    }

    public OutreachAppFactory App { get; }

    public FakeGoogleServer Google { get; }

    public StaffUser Owner { get; }

    /// <summary>Every wait the sync asked for (it does not really sleep in these tests).</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    private Dictionary<string, string?> Settings { get; init; } = [];

    public static async Task<CalendarSyncHarness> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, int pageSize = 250, int maxAttempts = 6)
    {
        var google = await FakeGoogleServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CalendarSync:Enabled"] = "false",
            ["CalendarSync:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CalendarSync:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CalendarSync:Google:ClientId"] = "test-client.apps.example",
            ["CalendarSync:Google:ClientSecret"] = "test-secret",
            ["CalendarSync:Google:ApiBaseUri"] = google.ApiBase,
            ["CalendarSync:Google:AuthorizationEndpoint"] = google.AuthorizationEndpoint,
            ["CalendarSync:Google:TokenEndpoint"] = google.TokenEndpoint,
            ["CalendarSync:Google:RevokeEndpoint"] = google.RevokeEndpoint,
        };
        var app = await OutreachAppFactory.CreateAsync(provider, settings);
        var owner = await app.CreateUserAsync("jo@library.example", Roles.Staff, "Jo Librarian");
        google.AddCalendar("work", "Work");
        return new CalendarSyncHarness(app, google, owner) { Settings = settings };
    }

    /// <summary>A second app instance on the same PostgreSQL database and the same fake Google (dispose it first).</summary>
    public OutreachAppFactory StartSecondInstance()
    {
        var second = new OutreachAppFactory(App.Database.SecondInstance());
        foreach (var (key, value) in Settings)
        {
            second.WithSetting(key, value);
        }

        _ = second.Server;
        return second;
    }

    /// <summary>
    /// <paramref name="count"/> timed events on the "work" calendar (ids ev0000…), spread over the next 60 days; those
    /// <paramref name="outreach"/> picks carry the #outreach keyword.
    /// </summary>
    public void AddEvents(int count, Func<int, bool>? outreach = null)
    {
        for (var i = 0; i < count; i++)
        {
            var title = (outreach?.Invoke(i) ?? false) ? $"Council meeting {i} #outreach" : $"Staff huddle {i}";
            Google.PutEvent("work", FakeEvents.Timed($"ev{i:D4}", title, Soon(1 + (i % 60)), TimeSpan.FromHours(1)));
        }
    }

    /// <summary>A Google connection of the owner to the fake's "work" calendar, as if they had consented.</summary>
    public async Task<Guid> ConnectGoogleAsync(CalendarOutreachRule rule = CalendarOutreachRule.Keyword, string? refreshToken = null, string calendarId = "work")
    {
        var token = refreshToken ?? Google.IssueRefreshToken(Owner.Email!);
        var secrets = App.Services.GetRequiredService<CalendarSecrets>();
        var connection = new CalendarConnection
        {
            OwnerId = Owner.Id,
            Kind = CalendarConnectionKind.GoogleOAuth,
            Name = "Jo's Google Calendar",
            AccountEmail = Owner.Email,
            ProtectedSecret = secrets.Protect(token),
            Rule = rule,
            Calendars = [new ConnectedCalendar { ExternalId = calendarId, Name = "Work", IsSelected = true }],
        };
        await App.WithDbAsync(async db =>
        {
            db.CalendarConnections.Add(connection);
            await db.SaveChangesAsync();
        });
        return connection.Id;
    }

    /// <summary>A feed connection of the owner.</summary>
    public async Task<Guid> ConnectFeedAsync(string url, CalendarOutreachRule rule = CalendarOutreachRule.Everything)
    {
        var secrets = App.Services.GetRequiredService<CalendarSecrets>();
        var connection = new CalendarConnection
        {
            OwnerId = Owner.Id,
            Kind = CalendarConnectionKind.IcsFeed,
            Name = "Branch events feed",
            ProtectedSecret = secrets.Protect(url),
            Rule = rule,
            Calendars = [new ConnectedCalendar { ExternalId = "feed", Name = "Branch events feed", IsSelected = true }],
        };
        await App.WithDbAsync(async db =>
        {
            db.CalendarConnections.Add(connection);
            await db.SaveChangesAsync();
        });
        return connection.Id;
    }

    /// <summary>One sync pass, on this harness's app or on <paramref name="instance"/>.</summary>
    public async Task<CalendarSyncResult> SyncAsync(Guid connectionId, OutreachAppFactory? instance = null)
    {
        await using var scope = (instance ?? App).Services.CreateAsyncScope();
        var service = Configure(scope.ServiceProvider.GetRequiredService<CalendarSyncService>());
        return await service.SyncAsync(connectionId, "test", CancellationToken.None);
    }

    public async Task<IReadOnlyList<CalendarSyncResult>> SyncDueAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var service = Configure(scope.ServiceProvider.GetRequiredService<CalendarSyncService>());
        return await service.SyncDueAsync("test", CancellationToken.None);
    }

    public Task<List<CalendarEventCopy>> CopiesAsync() =>
        App.WithDbAsync(db => db.CalendarEventCopies.AsNoTracking().OrderBy(c => c.ExternalId).ToListAsync());

    public Task<CalendarConnection> ConnectionAsync(Guid id) =>
        App.WithDbAsync(db => db.CalendarConnections.AsNoTracking().Include(c => c.Calendars).SingleAsync(c => c.Id == id));

    public Task<int> OutreachEventCountAsync() => App.WithDbAsync(db => db.OutreachEvents.CountAsync());

    /// <summary>A date inside the sync window, <paramref name="days"/> from today.</summary>
    public static DateTimeOffset Soon(int days = 7, int hour = 18) =>
        new DateTimeOffset(DateTime.UtcNow.Date.AddDays(days).AddHours(hour), TimeSpan.Zero);

    private CalendarSyncService Configure(CalendarSyncService service)
    {
        service.Delay = (wait, _) =>
        {
            Waits.Enqueue(wait);
            return Task.CompletedTask;
        };
        service.Random = () => 0.5;
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Google.DisposeAsync();
    }
}
