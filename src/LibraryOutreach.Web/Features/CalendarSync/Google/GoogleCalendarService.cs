using Google.Apis.Discovery;
using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Util;

namespace LibraryOutreach.Web.Features.CalendarSync.Google;

/// <summary>
/// A small hand-written Calendar API v3 client on <c>Google.Apis</c> (the generated package is not available here):
/// <c>events.list</c> and <c>calendarList.list</c>, the two calls the sync makes. <see cref="BaseClientService"/> gives
/// the credential (and its refresh on 401), serialization and error parsing; the base address is
/// <see cref="BaseClientService.Initializer.BaseUri"/>, so tests point it at a local fake.
/// </summary>
public sealed class GoogleCalendarService : BaseClientService
{
    public const string DefaultBaseUri = "https://www.googleapis.com/calendar/v3/";

    public GoogleCalendarService(Initializer initializer)
        : base(initializer)
    {
        BaseUri = GetEffectiveUri(BaseUriOverride, DefaultBaseUri);
        BatchUri = GetEffectiveUri(null, "https://www.googleapis.com/batch/calendar/v3");
    }

    public override string Name => "calendar";

    public override string BaseUri { get; }

    public override string BasePath => "calendar/v3/";

    public override string BatchUri { get; }

    public override string BatchPath => "batch/calendar/v3";

    public override IList<string> Features => [];

    /// <summary><c>GET calendars/{calendarId}/events</c>.</summary>
    public EventsListRequest ListEvents(string calendarId) => new(this, calendarId);

    /// <summary><c>GET users/me/calendarList</c>.</summary>
    public CalendarListRequest ListCalendars() => new(this);
}

/// <summary>
/// <c>events.list</c>. With <see cref="SyncToken"/> only <see cref="MaxResults"/>, <see cref="PageToken"/>,
/// <see cref="SingleEvents"/> may be set (Google answers 400 otherwise); <see cref="TimeMin"/> and
/// <see cref="TimeMax"/> (RFC 3339) belong to a full sync.
/// </summary>
public sealed class EventsListRequest : ClientServiceRequest<GoogleEventsPage>
{
    internal EventsListRequest(IClientService service, string calendarId)
        : base(service)
    {
        CalendarId = calendarId;
        InitParameters();
    }

    [RequestParameter("calendarId", RequestParameterType.Path)]
    public string CalendarId { get; }

    [RequestParameter("syncToken", RequestParameterType.Query)]
    public string? SyncToken { get; set; }

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    /// <summary>A string so it is sent as Google expects (<c>250</c>).</summary>
    [RequestParameter("maxResults", RequestParameterType.Query)]
    public string? MaxResults { get; set; }

    /// <summary><c>"true"</c> expands series into instances; keep one value for a calendar's full and incremental syncs.</summary>
    [RequestParameter("singleEvents", RequestParameterType.Query)]
    public string? SingleEvents { get; set; }

    [RequestParameter("timeMin", RequestParameterType.Query)]
    public string? TimeMin { get; set; }

    [RequestParameter("timeMax", RequestParameterType.Query)]
    public string? TimeMax { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "calendars/{calendarId}/events";

    protected override void InitParameters()
    {
        base.InitParameters();
        RequestParameters.Add("calendarId", new Parameter { Name = "calendarId", IsRequired = true, ParameterType = "path" });
        foreach (var name in new[] { "syncToken", "pageToken", "maxResults", "singleEvents", "timeMin", "timeMax" })
        {
            RequestParameters.Add(name, new Parameter { Name = name, IsRequired = false, ParameterType = "query" });
        }
    }
}

/// <summary><c>calendarList.list</c>: the calendars a person can choose from.</summary>
public sealed class CalendarListRequest : ClientServiceRequest<GoogleCalendarListPage>
{
    internal CalendarListRequest(IClientService service)
        : base(service) => InitParameters();

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "users/me/calendarList";

    protected override void InitParameters()
    {
        base.InitParameters();
        RequestParameters.Add("pageToken", new Parameter { Name = "pageToken", IsRequired = false, ParameterType = "query" });
    }
}
