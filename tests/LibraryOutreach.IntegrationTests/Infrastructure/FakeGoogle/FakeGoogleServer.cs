using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryOutreach.IntegrationTests.Infrastructure.FakeGoogle;

/// <summary>
/// A local stand-in for Google's OAuth and Calendar v3 endpoints over real HTTP (Kestrel on loopback), so the app's
/// real client code runs against it. It keeps calendars of events with a change sequence (sync tokens are positions in
/// it), pages listings, enforces the rules a real server enforces (no <c>timeMin</c>/<c>orderBy</c>/
/// <c>showDeleted=false</c> with a <c>syncToken</c>; a valid bearer token), and plays the scenarios of
/// <c>shared/google-calendar.md</c> through <see cref="Fail"/>, <see cref="EmptyPages"/> and token controls.
/// Every request is logged in <see cref="Requests"/> for assertions.
/// </summary>
public sealed class FakeGoogleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeCalendar> _calendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _accessTokens = new(StringComparer.Ordinal); // token → user
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal); // token → user
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly List<FakeFault> _faults = [];
    private long _sequence;
    private int _tokenCounter;

    private FakeGoogleServer(WebApplication app) => _app = app;

    /// <summary>The address of the Calendar API (<c>…/calendar/v3/</c>).</summary>
    public string ApiBase => BaseAddress + "calendar/v3/";

    public string AuthorizationEndpoint => BaseAddress + "o/oauth2/v2/auth";

    public string TokenEndpoint => BaseAddress + "token";

    public string RevokeEndpoint => BaseAddress + "revoke";

    public string BaseAddress { get; private set; } = "";

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Scopes the consent screen grants (all asked for, unless a test narrows them).</summary>
    public string? GrantedScopesOverride { get; set; }

    /// <summary>The account the consent screen signs in as.</summary>
    public string ConsentingUser { get; set; } = "staff@library.example";

    /// <summary>Pages (1-based) that come back empty but with a <c>nextPageToken</c>.</summary>
    public HashSet<int> EmptyPages { get; } = [];

    /// <summary>Revoked refresh tokens answer <c>invalid_grant</c>.</summary>
    public ConcurrentBag<string> RevokedTokens { get; } = [];

    public static async Task<FakeGoogleServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGoogleServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = address.TrimEnd('/') + "/";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // --- Test set-up ----------------------------------------------------------------------------------------------

    /// <summary>Adds a calendar to the fake user's list.</summary>
    public void AddCalendar(string id, string summary, bool primary = false, string timeZone = "America/New_York")
    {
        lock (_gate)
        {
            _calendars[id] = new FakeCalendar(id, summary, primary, timeZone);
        }
    }

    /// <summary>Adds or replaces an event (a Google event resource) and advances the change sequence.</summary>
    public void PutEvent(string calendarId, JsonObject resource)
    {
        lock (_gate)
        {
            var calendar = _calendars[calendarId];
            var id = (string)resource["id"]!;
            resource["updated"] ??= DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            resource["etag"] = "\"" + (++_sequence).ToString(CultureInfo.InvariantCulture) + "\"";
            calendar.Events[id] = new FakeEvent(resource, _sequence);
        }
    }

    /// <summary>Marks an event cancelled, as Google does (only <c>id</c> and <c>status</c> are returned for it).</summary>
    public void CancelEvent(string calendarId, string eventId, JsonObject? extra = null)
    {
        var resource = new JsonObject { ["id"] = eventId, ["status"] = "cancelled" };
        foreach (var (key, value) in extra ?? [])
        {
            resource[key] = value?.DeepClone();
        }

        PutEvent(calendarId, resource);
    }

    /// <summary>A refresh token for <paramref name="user"/>, as if they had consented earlier.</summary>
    public string IssueRefreshToken(string user)
    {
        var token = "refresh-" + Interlocked.Increment(ref _tokenCounter).ToString(CultureInfo.InvariantCulture);
        _refreshTokens[token] = user;
        return token;
    }

    /// <summary>Every access token stops working (the next call gets 401 and must refresh).</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>Scripts a failure for matching requests, <paramref name="times"/> times.</summary>
    public void Fail(Func<FakeRequest, bool> when, int status, string reason, int times = 1, int? retryAfterSeconds = null, bool expireTokens = false)
    {
        lock (_gate)
        {
            _faults.Add(new FakeFault(when, status, reason, times, retryAfterSeconds, expireTokens));
        }
    }

    private readonly List<FakeHold> _holds = [];

    /// <summary>Matching requests wait (the server is slow) until the hold is released.</summary>
    public FakeHold Hold(Func<FakeRequest, bool> when)
    {
        var hold = new FakeHold(when);
        lock (_gate)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    private readonly ConcurrentDictionary<string, (int Status, string Body)> _feeds = new(StringComparer.Ordinal);

    /// <summary>Serves <paramref name="body"/> as a secret iCal address; returns the address.</summary>
    public string ServeFeed(string name, string body, int status = 200)
    {
        _feeds[name] = (status, body);
        return BaseAddress + "calendar/ical/" + name + "/basic.ics";
    }

    public int EventListCalls(string calendarId) => Requests.Count(r => r.Path.EndsWith($"/calendars/{Uri.EscapeDataString(calendarId)}/events", StringComparison.Ordinal));

    // --- Endpoints ------------------------------------------------------------------------------------------------

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = new FakeRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                ParseQuery(context.Request.Query), context.Request.Headers.Authorization.ToString());
            Requests.Enqueue(request);
            context.Items["fake"] = request;
            FakeHold? hold;
            lock (_gate)
            {
                hold = _holds.FirstOrDefault(h => h.When(request));
            }

            if (hold is not null)
            {
                await hold.WaitAsync();
            }

            await next();
        });

        app.MapGet("/o/oauth2/v2/auth", Consent);
        app.MapPost("/o/oauth2/v2/approve", (Delegate)Approve);
        app.MapPost("/token", (Delegate)Token);
        app.MapPost("/revoke", (Delegate)Revoke);
        app.MapGet("/calendar/v3/users/me/calendarList", CalendarList);
        app.MapGet("/calendar/v3/calendars/{calendarId}/events", ListEvents);
        app.MapGet("/calendar/ical/{name}/basic.ics", (string name) =>
            _feeds.TryGetValue(name, out var feed)
                ? feed.Status == 200 ? Results.Text(feed.Body, "text/calendar; charset=utf-8") : Results.StatusCode(feed.Status)
                : Results.NotFound());
    }

    private static Dictionary<string, string> ParseQuery(IQueryCollection query) =>
        query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The consent screen: a page with one "Allow" button, as a browser test clicks it.</summary>
    private IResult Consent(HttpContext context)
    {
        var q = context.Request.Query;
        var fields = string.Concat(new[] { "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method", "access_type" }
            .Select(name => $"<input type=\"hidden\" name=\"{name}\" value=\"{System.Net.WebUtility.HtmlEncode(q[name].ToString())}\">"));
        var html = $"""
            <!doctype html><html lang="en"><head><title>Sign in - Google Accounts (fake)</title></head>
            <body><main><h1>Choose an account</h1><p>{System.Net.WebUtility.HtmlEncode(ConsentingUser)} wants to let the app see your calendars.</p>
            <form method="post" action="/o/oauth2/v2/approve">{fields}<button type="submit">Allow</button></form></main></body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private async Task<IResult> Approve(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var code = "code-" + Guid.NewGuid().ToString("N");
        var scope = GrantedScopesOverride ?? form["scope"].ToString();
        _codes[code] = new PendingCode(ConsentingUser, form["redirect_uri"].ToString(), form["code_challenge"].ToString(), scope,
            form["access_type"].ToString() == "offline");
        var redirect = form["redirect_uri"].ToString()
            + "?code=" + Uri.EscapeDataString(code)
            + "&state=" + Uri.EscapeDataString(form["state"].ToString())
            + "&scope=" + Uri.EscapeDataString(scope);
        return Results.Redirect(redirect);
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        switch (grant)
        {
            case "authorization_code":
                if (!_codes.TryRemove(form["code"].ToString(), out var pending)
                    || pending.RedirectUri != form["redirect_uri"].ToString()
                    || !VerifierMatches(form["code_verifier"].ToString(), pending.CodeChallenge))
                {
                    return OAuthError("invalid_grant", "Bad Request");
                }

                var refresh = pending.Offline ? IssueRefreshToken(pending.User) : null;
                return Results.Json(new JsonObject
                {
                    ["access_token"] = IssueAccessToken(pending.User),
                    ["expires_in"] = 3599,
                    ["token_type"] = "Bearer",
                    ["scope"] = pending.Scope,
                    ["refresh_token"] = refresh,
                });

            case "refresh_token":
                var token = form["refresh_token"].ToString();
                if (RevokedTokens.Contains(token) || !_refreshTokens.TryGetValue(token, out var user))
                {
                    return OAuthError("invalid_grant", "Token has been expired or revoked.");
                }

                return Results.Json(new JsonObject { ["access_token"] = IssueAccessToken(user), ["expires_in"] = 3599, ["token_type"] = "Bearer" });

            case "urn:ietf:params:oauth:grant-type:jwt-bearer":
                // A service account's signed assertion; the fake reads whom it impersonates (sub) and trusts the signature.
                var parts = form["assertion"].ToString().Split('.');
                if (parts.Length != 3)
                {
                    return OAuthError("invalid_grant", "Invalid JWT.");
                }

                var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!;
                var subject = (string?)payload["sub"];
                if (subject is null || RevokedTokens.Contains(subject))
                {
                    return OAuthError("unauthorized_client", "Client is unauthorized to retrieve access tokens using this method.");
                }

                return Results.Json(new JsonObject { ["access_token"] = IssueAccessToken(subject), ["expires_in"] = 3599, ["token_type"] = "Bearer" });

            default:
                return OAuthError("unsupported_grant_type", "Invalid grant_type.");
        }
    }

    private async Task<IResult> Revoke(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var token = form?["token"].ToString() ?? context.Request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return OAuthError("invalid_token", "Bad Request");
        }

        RevokedTokens.Add(token);
        _refreshTokens.TryRemove(token, out _);
        return Results.Ok();
    }

    private IResult CalendarList(HttpContext context)
    {
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        lock (_gate)
        {
            var items = new JsonArray(_calendars.Values.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["summary"] = c.Summary,
                ["primary"] = c.Primary,
                ["accessRole"] = "owner",
                ["timeZone"] = c.TimeZone,
            }).ToArray());
            return Results.Json(new JsonObject { ["kind"] = "calendar#calendarList", ["items"] = items });
        }
    }

    private IResult ListEvents(HttpContext context, string calendarId)
    {
        var request = (FakeRequest)context.Items["fake"]!;
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        var q = request.Query;
        q.TryGetValue("syncToken", out var syncToken);
        if (syncToken is not null
            && (q.ContainsKey("timeMin") || q.ContainsKey("timeMax") || q.ContainsKey("updatedMin") || q.ContainsKey("orderBy")
                || q.ContainsKey("q") || q.ContainsKey("iCalUID") || (q.TryGetValue("showDeleted", out var sd) && sd == "false")))
        {
            return ApiError(400, "invalid", "Sync token cannot be used with other request restrictions.");
        }

        lock (_gate)
        {
            if (!_calendars.TryGetValue(calendarId, out var calendar))
            {
                return ApiError(404, "notFound", "Not Found");
            }

            long since = 0;
            if (syncToken is not null && !TryReadSyncToken(syncToken, calendarId, out since))
            {
                return ApiError(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
            }

            var pageSize = q.TryGetValue("maxResults", out var max) ? Math.Clamp(int.Parse(max, CultureInfo.InvariantCulture), 1, 2500) : 250;
            var page = q.TryGetValue("pageToken", out var pageToken) ? int.Parse(pageToken["page-".Length..], CultureInfo.InvariantCulture) : 1;
            var changes = calendar.Events.Values
                .Where(e => syncToken is null ? !e.IsCancelled : e.Sequence > since)
                .Where(e => syncToken is not null || InWindow(e, q))
                .OrderBy(e => e.Sequence)
                .ToList();

            // Empty pages still carry a nextPageToken and take no items (Google does this; clients must keep going).
            var emptyBefore = EmptyPages.Count(p => p < page);
            var skip = (page - 1 - emptyBefore) * pageSize;
            var items = EmptyPages.Contains(page) ? [] : changes.Skip(skip).Take(pageSize).ToList();
            var more = EmptyPages.Contains(page) || skip + items.Count < changes.Count || EmptyPages.Any(p => p > page);
            var body = new JsonObject
            {
                ["kind"] = "calendar#events",
                ["timeZone"] = calendar.TimeZone,
                ["items"] = new JsonArray(items.Select(e => e.Resource.DeepClone()).ToArray()),
            };
            if (more)
            {
                body["nextPageToken"] = "page-" + (page + 1).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                body["nextSyncToken"] = MakeSyncToken(calendarId, _sequence);
            }

            return Results.Json(body);
        }
    }

    private static bool InWindow(FakeEvent e, Dictionary<string, string> q)
    {
        // timeMin bounds an event's end (exclusive), timeMax its start.
        var start = ReadWhen(e.Resource["start"]);
        var end = ReadWhen(e.Resource["end"]) ?? start;
        if (q.TryGetValue("timeMin", out var min) && end is not null && end <= DateTimeOffset.Parse(min, CultureInfo.InvariantCulture))
        {
            return false;
        }

        return !(q.TryGetValue("timeMax", out var max) && start is not null && start >= DateTimeOffset.Parse(max, CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset? ReadWhen(JsonNode? when)
    {
        if (when?["dateTime"] is { } dateTime)
        {
            return DateTimeOffset.Parse((string)dateTime!, CultureInfo.InvariantCulture);
        }

        return when?["date"] is { } date ? DateTimeOffset.Parse((string)date! + "T00:00:00Z", CultureInfo.InvariantCulture) : null;
    }

    private IResult? Authorize(HttpContext context)
    {
        var request = (FakeRequest)context.Items["fake"]!;
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.When(request));
            if (fault is not null)
            {
                fault.Remaining--;
                if (fault.ExpireTokens)
                {
                    ExpireAccessTokens();
                }

                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return ApiError(fault.Status, fault.Reason, fault.Reason);
            }
        }

        var bearer = request.Authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? request.Authorization[7..] : "";
        return _accessTokens.ContainsKey(bearer) ? null : ApiError(401, "authError", "Invalid Credentials");
    }

    private string IssueAccessToken(string user)
    {
        var token = "access-" + Guid.NewGuid().ToString("N");
        _accessTokens[token] = user;
        return token;
    }

    private static string MakeSyncToken(string calendarId, long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(calendarId + "|" + sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Tokens this fake made; a test can invalidate them all with <see cref="InvalidateSyncTokens"/>.</summary>
    private bool TryReadSyncToken(string token, string calendarId, out long sequence)
    {
        sequence = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            return parts.Length == 2 && parts[0] == calendarId && !_syncTokensInvalid
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool _syncTokensInvalid;

    /// <summary>Every sync token issued so far answers 410 (until <paramref name="invalid"/> is false).</summary>
    public void InvalidateSyncTokens(bool invalid = true) => _syncTokensInvalid = invalid;

    private static IResult ApiError(int status, string reason, string message) => Results.Json(
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = reason, ["message"] = message }),
            },
        },
        statusCode: status);

    private static IResult OAuthError(string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: 400);

    private static bool VerifierMatches(string verifier, string challenge) =>
        !string.IsNullOrEmpty(verifier)
        && Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }

    private sealed record FakeCalendar(string Id, string Summary, bool Primary, string TimeZone)
    {
        public Dictionary<string, FakeEvent> Events { get; } = new(StringComparer.Ordinal);
    }

    private sealed record FakeEvent(JsonObject Resource, long Sequence)
    {
        public bool IsCancelled => (string?)Resource["status"] == "cancelled";
    }

    private sealed record PendingCode(string User, string RedirectUri, string CodeChallenge, string Scope, bool Offline);

    private sealed class FakeFault(Func<FakeRequest, bool> when, int status, string reason, int times, int? retryAfterSeconds, bool expireTokens)
    {
        public Func<FakeRequest, bool> When { get; } = when;

        public int Status { get; } = status;

        public string Reason { get; } = reason;

        public int Remaining { get; set; } = times;

        public int? RetryAfterSeconds { get; } = retryAfterSeconds;

        public bool ExpireTokens { get; } = expireTokens;
    }
}

/// <summary>One request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string QueryString, Dictionary<string, string> Query, string Authorization)
{
    public string? PageToken => Query.GetValueOrDefault("pageToken");

    public string? SyncToken => Query.GetValueOrDefault("syncToken");

    /// <summary>1 for the first page of a listing, 2 for <c>page-2</c>, …</summary>
    public int Page => PageToken is null ? 1 : int.Parse(PageToken["page-".Length..], CultureInfo.InvariantCulture);

    public bool IsEventList => Path.EndsWith("/events", StringComparison.Ordinal);
}

/// <summary>Google event resources for tests, in the API's JSON shape.</summary>
public static class FakeEvents
{
    public static JsonObject Timed(string id, string summary, DateTimeOffset start, TimeSpan length, string timeZone = "America/New_York") => new()
    {
        ["id"] = id,
        ["status"] = "confirmed",
        ["summary"] = summary,
        ["start"] = new JsonObject { ["dateTime"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), ["timeZone"] = timeZone },
        ["end"] = new JsonObject { ["dateTime"] = start.Add(length).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), ["timeZone"] = timeZone },
    };

    public static JsonObject AllDay(string id, string summary, DateOnly first, DateOnly lastInclusive) => new()
    {
        ["id"] = id,
        ["status"] = "confirmed",
        ["summary"] = summary,
        ["start"] = new JsonObject { ["date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        ["end"] = new JsonObject { ["date"] = lastInclusive.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
    };

    public static JsonObject With(this JsonObject resource, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource[key] = value;
        return resource;
    }

    public static JsonObject WithAttendees(this JsonObject resource, params (string Email, string? Name, string Response, bool Self)[] attendees)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource["attendees"] = new JsonArray(attendees.Select(a =>
        {
            var node = new JsonObject { ["email"] = a.Email, ["responseStatus"] = a.Response };
            if (a.Name is not null)
            {
                node["displayName"] = a.Name;
            }

            if (a.Self)
            {
                node["self"] = true;
            }

            return (JsonNode)node;
        }).ToArray());
        return resource;
    }

    public static string ToJson(this JsonObject resource) => resource.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

/// <summary>A scripted wait: <see cref="Reached"/> completes when a matching request arrives; it is answered after <see cref="Release"/>.</summary>
public sealed class FakeHold(Func<FakeRequest, bool> when)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<FakeRequest, bool> When { get; } = when;

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal Task WaitAsync()
    {
        _reached.TrySetResult();
        return _released.Task;
    }
}
