using Google.Apis.Requests;
using Newtonsoft.Json;

namespace LibraryOutreach.Web.Features.CalendarSync.Google;

// The part of Calendar API v3's resources the sync reads, named and shaped as Google's generated
// Google.Apis.Calendar.v3 package names them (which is not served here), so that package could replace them.
// Dates and times stay strings: RFC 3339 as sent, parsed by GoogleEventMapper with the offset kept.

/// <summary>One page of <c>events.list</c>: either <see cref="NextPageToken"/> or, on the last page, <see cref="NextSyncToken"/>.</summary>
public sealed class GoogleEventsPage : IDirectResponseSchema
{
    [JsonProperty("items")]
    public IList<GoogleEvent>? Items { get; set; }

    [JsonProperty("nextPageToken")]
    public string? NextPageToken { get; set; }

    [JsonProperty("nextSyncToken")]
    public string? NextSyncToken { get; set; }

    [JsonProperty("timeZone")]
    public string? TimeZone { get; set; }

    [JsonProperty("etag")]
    public string? ETag { get; set; }
}

/// <summary>An event, an instance of a series, an exception, or a cancellation (then only <see cref="Id"/> is certain).</summary>
public sealed class GoogleEvent
{
    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("iCalUID")]
    public string? ICalUid { get; set; }

    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("updated")]
    public string? Updated { get; set; }

    [JsonProperty("summary")]
    public string? Summary { get; set; }

    [JsonProperty("description")]
    public string? Description { get; set; }

    [JsonProperty("location")]
    public string? Location { get; set; }

    [JsonProperty("htmlLink")]
    public string? HtmlLink { get; set; }

    [JsonProperty("visibility")]
    public string? Visibility { get; set; }

    [JsonProperty("organizer")]
    public GooglePerson? Organizer { get; set; }

    [JsonProperty("creator")]
    public GooglePerson? Creator { get; set; }

    [JsonProperty("attendees")]
    public IList<GoogleAttendee>? Attendees { get; set; }

    [JsonProperty("start")]
    public GoogleEventDateTime? Start { get; set; }

    [JsonProperty("end")]
    public GoogleEventDateTime? End { get; set; }

    [JsonProperty("recurrence")]
    public IList<string>? Recurrence { get; set; }

    [JsonProperty("recurringEventId")]
    public string? RecurringEventId { get; set; }

    [JsonProperty("originalStartTime")]
    public GoogleEventDateTime? OriginalStartTime { get; set; }
}

/// <summary><c>date</c> (all-day; an end date is exclusive) or <c>dateTime</c> (RFC 3339) with an optional IANA <c>timeZone</c>.</summary>
public sealed class GoogleEventDateTime
{
    [JsonProperty("date")]
    public string? Date { get; set; }

    [JsonProperty("dateTime")]
    public string? DateTime { get; set; }

    [JsonProperty("timeZone")]
    public string? TimeZone { get; set; }
}

public sealed class GooglePerson
{
    [JsonProperty("email")]
    public string? Email { get; set; }

    [JsonProperty("displayName")]
    public string? DisplayName { get; set; }

    [JsonProperty("self")]
    public bool? Self { get; set; }
}

public sealed class GoogleAttendee
{
    [JsonProperty("email")]
    public string? Email { get; set; }

    [JsonProperty("displayName")]
    public string? DisplayName { get; set; }

    [JsonProperty("self")]
    public bool? Self { get; set; }

    [JsonProperty("organizer")]
    public bool? Organizer { get; set; }

    [JsonProperty("resource")]
    public bool? Resource { get; set; }

    /// <summary><c>needsAction</c>, <c>declined</c>, <c>tentative</c> or <c>accepted</c>.</summary>
    [JsonProperty("responseStatus")]
    public string? ResponseStatus { get; set; }
}

/// <summary>One page of <c>calendarList.list</c>.</summary>
public sealed class GoogleCalendarListPage : IDirectResponseSchema
{
    [JsonProperty("items")]
    public IList<GoogleCalendarListEntry>? Items { get; set; }

    [JsonProperty("nextPageToken")]
    public string? NextPageToken { get; set; }

    [JsonProperty("etag")]
    public string? ETag { get; set; }
}

public sealed class GoogleCalendarListEntry
{
    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("summary")]
    public string? Summary { get; set; }

    [JsonProperty("primary")]
    public bool? Primary { get; set; }

    [JsonProperty("accessRole")]
    public string? AccessRole { get; set; }

    [JsonProperty("timeZone")]
    public string? TimeZone { get; set; }

    [JsonProperty("hidden")]
    public bool? Hidden { get; set; }

    [JsonProperty("deleted")]
    public bool? Deleted { get; set; }
}
