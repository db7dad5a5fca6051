using System.Globalization;
using Google.Apis.Auth.OAuth2.Responses;
using LibraryOutreach.Web.Features.CalendarSync.Sync;

namespace LibraryOutreach.Web.Features.CalendarSync.Google;

/// <summary>One page of a calendar listing, mapped: what to apply, and what could not be read.</summary>
public sealed record CalendarPage(IReadOnlyList<CalendarItem> Items, IReadOnlyList<CalendarItemProblem> Problems);

/// <summary>
/// Reads one Google calendar through <c>events.list</c> the way <c>shared/google-calendar.md</c> describes: a full
/// listing (a <c>timeMin</c>/<c>timeMax</c> window) or an incremental one (only the sync token), every page followed
/// until one has no <c>nextPageToken</c> (short and empty pages included), each page handed to the caller to save
/// <em>before</em> the next is asked for, and the new sync token returned only at the end, so a failure part-way
/// leaves the old token in place. A page that fails on a rate limit (403/429, honouring <c>Retry-After</c>) or a
/// server error is retried with back-off; a 401 is the credential's to refresh (Google.Apis retries the page once);
/// everything else becomes a <see cref="CalendarSyncException"/> of the right kind.
/// </summary>
public sealed class GoogleCalendarReader(CalendarSyncOptions options, Func<TimeSpan, CancellationToken, Task> delay, Func<double> random)
{
    private static readonly HashSet<string> RateLimitReasons = new(StringComparer.OrdinalIgnoreCase)
    {
        "rateLimitExceeded", "userRateLimitExceeded", "concurrentLimitExceeded",
    };

    private static readonly HashSet<string> QuotaReasons = new(StringComparer.OrdinalIgnoreCase)
    {
        "quotaExceeded", "dailyLimitExceeded",
    };

    /// <summary>Lists <paramref name="calendarId"/> and returns the new sync token; <paramref name="syncToken"/> null means a full listing.</summary>
    public async Task<string> ReadAsync(
        GoogleCalendarService service,
        string calendarId,
        string? syncToken,
        (DateTimeOffset Start, DateTimeOffset End) window,
        TimeZoneInfo libraryZone,
        Func<CalendarPage, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(apply);
        string? pageToken = null;
        while (true)
        {
            var page = await FetchPageAsync(service, calendarId, syncToken, pageToken, window, cancellationToken);
            var items = new List<CalendarItem>();
            var problems = new List<CalendarItemProblem>();
            foreach (var source in page.Items ?? [])
            {
                var (item, problem) = GoogleEventMapper.Map(source, libraryZone);
                if (item is not null)
                {
                    items.Add(item);
                }

                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }

            await apply(new CalendarPage(items, problems), cancellationToken);
            if (!string.IsNullOrEmpty(page.NextPageToken))
            {
                pageToken = page.NextPageToken;
                continue;
            }

            return string.IsNullOrEmpty(page.NextSyncToken)
                ? throw new CalendarSyncException(CalendarFailureKind.Permanent, "Google ended the calendar listing without a sync token.")
                : page.NextSyncToken;
        }
    }

    private async Task<GoogleEventsPage> FetchPageAsync(
        GoogleCalendarService service,
        string calendarId,
        string? syncToken,
        string? pageToken,
        (DateTimeOffset Start, DateTimeOffset End) window,
        CancellationToken cancellationToken)
    {
        var maxWait = TimeSpan.FromSeconds(options.MaxBackoffSeconds);
        for (var attempt = 1; ; attempt++)
        {
            var request = service.ListEvents(calendarId);
            request.MaxResults = options.PageSize.ToString(CultureInfo.InvariantCulture);
            request.SingleEvents = "true";
            request.PageToken = pageToken;
            if (syncToken is not null)
            {
                request.SyncToken = syncToken;
            }
            else
            {
                request.TimeMin = window.Start.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
                request.TimeMax = window.End.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            }

            HttpResponseMessage response;
            try
            {
                using var message = request.CreateRequest();
                response = await service.HttpClient.SendAsync(message, cancellationToken);
            }
            catch (TokenResponseException ex)
            {
                throw ReconnectFailure(ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= options.MaxAttempts)
                {
                    throw new CalendarSyncException(CalendarFailureKind.Unavailable, "Google could not be reached (network error); the next run tries again.", ex);
                }

                await delay(SyncBackoff.Delay(attempt, null, random(), maxWait), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await service.DeserializeResponse<GoogleEventsPage>(response);
                }

                var (reason, message) = await ReadErrorAsync(service, response);
                var status = (int)response.StatusCode;
                var retryable = status == 429 || status >= 500 || (status == 403 && RateLimitReasons.Contains(reason));
                if (retryable && attempt < options.MaxAttempts)
                {
                    await delay(SyncBackoff.Delay(attempt, RetryAfter(response), random(), maxWait), cancellationToken);
                    continue;
                }

                throw Classify(status, reason, message, syncToken is not null, retryable);
            }
        }
    }

    private static CalendarSyncException Classify(int status, string reason, string message, bool incremental, bool wasRetryable)
    {
        if (wasRetryable)
        {
            return new CalendarSyncException(CalendarFailureKind.Unavailable,
                status == 429 || status == 403
                    ? "Google asked the library to slow down and kept refusing; the next run tries again."
                    : $"Google's calendar service kept failing (HTTP {status}); the next run tries again.");
        }

        return status switch
        {
            410 => new CalendarSyncException(CalendarFailureKind.FullSyncRequired, "Google asked for a full sync."),
            400 when incremental && message.Contains("sync token", StringComparison.OrdinalIgnoreCase) =>
                new CalendarSyncException(CalendarFailureKind.FullSyncRequired, "Google no longer accepts the sync token; a full sync is needed."),
            401 => new CalendarSyncException(CalendarFailureKind.ReconnectNeeded, "Google no longer accepts this connection's sign-in. Connect the calendar again."),
            403 when reason.Equals("insufficientPermissions", StringComparison.OrdinalIgnoreCase) =>
                new CalendarSyncException(CalendarFailureKind.ReconnectNeeded, "The calendar was connected without permission to read events. Connect it again and allow calendar access."),
            403 when QuotaReasons.Contains(reason) =>
                new CalendarSyncException(CalendarFailureKind.QuotaExceeded, "The library's Google quota is used up for now; syncing resumes later."),
            403 => new CalendarSyncException(CalendarFailureKind.Gone, "Google refused access to this calendar. Check that it is still shared with this account."),
            404 => new CalendarSyncException(CalendarFailureKind.Gone, "Google says this calendar no longer exists or is no longer shared with this account."),
            _ => new CalendarSyncException(CalendarFailureKind.Permanent, $"Google refused the request (HTTP {status}{(reason.Length > 0 ? ", " + reason : "")})."),
        };
    }

    /// <summary>A refresh token Google refused (<c>invalid_grant</c>: revoked, expired, unused for months): reconnect, no retry loop.</summary>
    internal static CalendarSyncException ReconnectFailure(TokenResponseException ex) =>
        new(CalendarFailureKind.ReconnectNeeded,
            ex.Error?.Error == "invalid_grant"
                ? "Google no longer accepts this connection (access was revoked or has expired). Connect the calendar again."
                : "Google refused to renew this connection's sign-in. Connect the calendar again.",
            ex);

    private static async Task<(string Reason, string Message)> ReadErrorAsync(GoogleCalendarService service, HttpResponseMessage response)
    {
        try
        {
            var error = await service.DeserializeError(response);
            return (error?.Errors?.FirstOrDefault()?.Reason ?? "", error?.Message ?? "");
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or global::Google.GoogleApiException or InvalidOperationException)
        {
            return ("", "");
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
