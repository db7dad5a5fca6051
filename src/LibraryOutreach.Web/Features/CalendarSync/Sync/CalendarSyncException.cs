namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>What went wrong with a calendar, as the sync acts on it.</summary>
public enum CalendarFailureKind
{
    /// <summary>Google refused the refresh token or scopes are missing: the owner must connect again.</summary>
    ReconnectNeeded,

    /// <summary>The calendar or feed is gone, or access to it was lost: stop syncing it until someone looks.</summary>
    Gone,

    /// <summary>The sync token is no longer valid (410, or 400 "Invalid sync token value"): full sync.</summary>
    FullSyncRequired,

    /// <summary>The project's quota is used up: wait long before the next try.</summary>
    QuotaExceeded,

    /// <summary>Still failing after the back-off attempts (rate limits, server errors, the network).</summary>
    Unavailable,

    /// <summary>A request Google will never accept as sent; retrying would not help.</summary>
    Permanent,
}

/// <summary>A calendar that could not be synced, with a message in plain words for the status page (never a token or an address).</summary>
public sealed class CalendarSyncException(CalendarFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public CalendarFailureKind Kind { get; } = kind;
}
