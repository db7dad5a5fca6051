using System.Net;
using System.Text;
using LibraryOutreach.Web.Features.CalendarSync.Sync;

namespace LibraryOutreach.Web.Features.CalendarSync.Ics;

/// <summary>
/// Downloads an iCal feed and reads it. The address is a credential: it is never logged (the typed client's request
/// logging is off for it) and messages name the feed, not its address.
/// </summary>
public sealed class IcsFeedClient(HttpClient http)
{
    /// <summary>Feeds larger than this are refused (a calendar with years of history is a few megabytes).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public async Task<IcsSnapshot> ReadAsync(string url, (DateTimeOffset Start, DateTimeOffset End) window, TimeZoneInfo zone, string? ownerEmail, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(ToHttp(url), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new CalendarSyncException(CalendarFailureKind.Permanent, "The feed address is not a web address (https://…).");
        }

        string text;
        try
        {
            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound or HttpStatusCode.Gone:
                    throw new CalendarSyncException(CalendarFailureKind.Gone, "The feed address no longer exists. If its secret address was reset, add the new one.");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new CalendarSyncException(CalendarFailureKind.Gone, "The feed refused access. If its secret address was reset, add the new one.");
                case >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout:
                    throw new CalendarSyncException(CalendarFailureKind.Unavailable, $"The feed's server answered with an error (HTTP {(int)response.StatusCode}); the next run tries again.");
                case var status when !response.IsSuccessStatusCode:
                    throw new CalendarSyncException(CalendarFailureKind.Permanent, $"The feed's server refused the request (HTTP {(int)status}).");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw new CalendarSyncException(CalendarFailureKind.Permanent, "The feed is larger than 20 MB.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var limited = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (limited.Length + read > MaxBytes)
                {
                    throw new CalendarSyncException(CalendarFailureKind.Permanent, "The feed is larger than 20 MB.");
                }

                limited.Write(buffer, 0, read);
            }

            text = Encoding.UTF8.GetString(limited.GetBuffer(), 0, (int)limited.Length);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CalendarSyncException(CalendarFailureKind.Unavailable, "The feed could not be reached (network error); the next run tries again.", ex);
        }

        try
        {
            return IcsFeedReader.Read(text, window.Start, window.End, zone, ownerEmail);
        }
        catch (IcsFeedException ex)
        {
            throw new CalendarSyncException(CalendarFailureKind.Permanent, ex.Message, ex);
        }
    }

    /// <summary>Calendar apps hand out <c>webcal://</c> addresses; they are plain HTTPS.</summary>
    public static string ToHttp(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        return trimmed.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) ? "https://" + trimmed["webcal://".Length..] : trimmed;
    }
}
