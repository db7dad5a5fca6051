using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Features.CalendarSync;

/// <summary>The calendar sync's settings (section <c>CalendarSync</c>). Every Google endpoint is a setting, so tests point them at a local fake.</summary>
public sealed class CalendarSyncOptions
{
    public const string SectionName = "CalendarSync";

    /// <summary>Run the background worker (the <c>sync</c> verb works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between two syncs of one connection, before jitter.</summary>
    [Range(1, 1440)]
    public int PollMinutes { get; set; } = 15;

    /// <summary>Each interval is stretched or shortened at random by up to this share, so connections don't all poll at once.</summary>
    [Range(0, 50)]
    public int JitterPercent { get; set; } = 25;

    /// <summary>How far back events are brought in (and recurring series expanded).</summary>
    [Range(0, 3650)]
    public int WindowDaysBack { get; set; } = 90;

    /// <summary>How far ahead events are brought in (and recurring series expanded).</summary>
    [Range(1, 3650)]
    public int WindowDaysAhead { get; set; } = 365;

    /// <summary>Items per page asked of Google (it may send fewer, or an empty page that still continues).</summary>
    [Range(1, 2500)]
    public int PageSize { get; set; } = 250;

    /// <summary>Attempts of one page on rate limits and server errors before the calendar counts as failing.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Longest wait between two attempts (Google's guidance: 64 seconds).</summary>
    [Range(1, 600)]
    public int MaxBackoffSeconds { get; set; } = 64;

    /// <summary>Minutes a connection waits after Google says the project's daily quota is used up.</summary>
    [Range(1, 1440)]
    public int QuotaDelayMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds a sync's lease on its connection lasts; renewed after every page. An instance that dies mid-sync leaves
    /// its lease to run out, and then any instance picks the connection up.
    /// </summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    public GoogleOptions Google { get; set; } = new();
}

/// <summary>Google's OAuth client and endpoints (<c>CalendarSync:Google</c>).</summary>
public sealed class GoogleOptions
{
    /// <summary>The OAuth client of the library's Google Cloud project ("Web application").</summary>
    public string? ClientId { get; set; }

    /// <summary>Its secret: set it in the environment or a secrets file, never in appsettings.json under version control.</summary>
    public string? ClientSecret { get; set; }

    [Required]
    public string ApiBaseUri { get; set; } = Google.GoogleCalendarService.DefaultBaseUri;

    [Required]
    public string AuthorizationEndpoint { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";

    [Required]
    public string TokenEndpoint { get; set; } = "https://oauth2.googleapis.com/token";

    [Required]
    public string RevokeEndpoint { get; set; } = "https://oauth2.googleapis.com/revoke";

    /// <summary>Path of a Workspace service account's JSON key (domain-wide delegation). The key stays in that file.</summary>
    public string? ServiceAccountKeyFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>What the sync asks for: read events and the calendar list.</summary>
    public static readonly string[] Scopes =
    [
        "https://www.googleapis.com/auth/calendar.events.readonly",
        "https://www.googleapis.com/auth/calendar.calendarlist.readonly",
    ];

    /// <summary>Also enough on its own (an older consent, or a person who granted the wider scope).</summary>
    public const string ReadonlyScope = "https://www.googleapis.com/auth/calendar.readonly";
}
