namespace LibraryOutreach.Data.Entities;

/// <summary>Where a calendar connection reads from.</summary>
public enum CalendarConnectionKind
{
    /// <summary>A staff member's Google account, through OAuth consent (a refresh token).</summary>
    GoogleOAuth = 0,

    /// <summary>A Google Workspace service account with domain-wide delegation impersonating a staff member.</summary>
    GoogleServiceAccount = 1,

    /// <summary>An iCal (ICS) feed address: Google's secret address, an Outlook published calendar, any .ics.</summary>
    IcsFeed = 2,
}

/// <summary>Whether a connection is synced, and if not why.</summary>
public enum CalendarConnectionState
{
    Active = 0,

    /// <summary>Google refused the refresh token (<c>invalid_grant</c>) or scopes are missing: the owner must connect again.</summary>
    ReconnectNeeded = 1,

    /// <summary>The calendar or feed is gone or access was lost (404): not synced until someone looks.</summary>
    Stopped = 2,
}

/// <summary>Which synced events become outreach suggestions.</summary>
public enum CalendarOutreachRule
{
    /// <summary>Only events whose title or description contains the connection's keyword (default <c>#outreach</c>).</summary>
    Keyword = 0,

    /// <summary>Every event on the connection's calendars is outreach, confirmed automatically.</summary>
    Everything = 1,
}

/// <summary>
/// One source of calendar events for one staff member. Its credential (<see cref="ProtectedSecret"/>: a Google refresh
/// token or an ICS feed address, which is a credential too) is encrypted with ASP.NET Core Data Protection and never
/// appears in logs or in the audit log.
/// </summary>
public class CalendarConnection : TrackedEntity
{
    /// <summary>The staff member whose calendar this is; only they and Admins see or change it.</summary>
    public string OwnerId { get; set; } = "";

    public StaffUser? Owner { get; set; }

    public CalendarConnectionKind Kind { get; set; }

    /// <summary>What the owner calls it ("Work calendar", "Outlook – branch events").</summary>
    public string Name { get; set; } = "";

    /// <summary>The Google account's address (or the impersonated staff address); null for a feed.</summary>
    public string? AccountEmail { get; set; }

    /// <summary>Refresh token or feed address, protected by Data Protection. Null for a service account (its key is a file).</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The scopes Google granted, space separated.</summary>
    public string? GrantedScopes { get; set; }

    public CalendarConnectionState State { get; set; } = CalendarConnectionState.Active;

    public CalendarOutreachRule Rule { get; set; } = CalendarOutreachRule.Keyword;

    public string Keyword { get; set; } = "#outreach";

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>The last failure in plain words (never a token, an address or a stack trace).</summary>
    public string? LastError { get; set; }

    /// <summary>When the worker runs it next (the interval with jitter, or later after a rate limit).</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Which process is syncing it now, so two never sync one connection at once.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public List<ConnectedCalendar> Calendars { get; set; } = [];
}

/// <summary>One calendar of a connection (a Google calendar from the person's list; a feed has exactly one).</summary>
public class ConnectedCalendar
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConnectionId { get; set; }

    public CalendarConnection? Connection { get; set; }

    /// <summary>Google's calendar id (<c>primary</c>, an address, …); <c>feed</c> for an ICS feed.</summary>
    public string ExternalId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? TimeZone { get; set; }

    /// <summary>Chosen by the person to sync.</summary>
    public bool IsSelected { get; set; }

    /// <summary>Google's <c>nextSyncToken</c>, stored only after the items of the listing it ends were saved.</summary>
    public string? SyncToken { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }
}

/// <summary>Where a synced calendar event stands in the "Suggested from calendars" review queue.</summary>
public enum CalendarSuggestionState
{
    /// <summary>Waiting for staff to confirm, edit then confirm, or dismiss.</summary>
    Pending = 0,

    /// <summary>An outreach event was made from it (<see cref="CalendarEventCopy.OutreachEventId"/>).</summary>
    Confirmed = 1,

    /// <summary>Dismissed by staff: remembered, never suggested again.</summary>
    Dismissed = 2,

    /// <summary>The connection's rule does not make it outreach (no keyword): mirrored, not shown.</summary>
    NotOutreach = 3,
}

/// <summary>
/// The library's copy of one calendar event (or one occurrence of a series), keyed by (calendar, event id) so applying
/// the same item twice changes nothing. It carries the review state; the outreach event made from it is the library's
/// own record, which a later change in the calendar never overwrites.
/// </summary>
public class CalendarEventCopy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CalendarId { get; set; }

    public ConnectedCalendar? Calendar { get; set; }

    /// <summary>Unique within the calendar: Google's event id, or an iCal UID plus the occurrence's original start.</summary>
    public string ExternalId { get; set; } = "";

    /// <summary>The series it belongs to, so a cancelled series removes every occurrence.</summary>
    public string? SeriesId { get; set; }

    /// <summary>Hash of what the library sees of the event (changes when the event changes in a way that matters).</summary>
    public string Fingerprint { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public string? Location { get; set; }

    public string? Link { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    private DateTimeOffset? _startsAt;
    private DateTimeOffset? _endsAt;

    public DateTimeOffset? StartsAt { get => _startsAt; set => _startsAt = OutreachTime.Utc(value); }

    public DateTimeOffset? EndsAt { get => _endsAt; set => _endsAt = OutreachTime.Utc(value); }

    /// <summary>Attendees as JSON (<c>[{"email":…,"name":…,"response":…}]</c>), the organizer first.</summary>
    public string AttendeesJson { get; set; } = "[]";

    /// <summary>Cancelled, deleted, made private or declined in the calendar since it was copied.</summary>
    public bool IsRemoved { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>The sync run that last saw it; a full listing removes copies it did not see.</summary>
    public Guid LastSeenRunId { get; set; }

    public CalendarSuggestionState State { get; set; }

    public Guid? OutreachEventId { get; set; }

    public OutreachEvent? OutreachEvent { get; set; }

    /// <summary>The fingerprint when it was confirmed: a different <see cref="Fingerprint"/> means "changed in calendar".</summary>
    public string? ConfirmedFingerprint { get; set; }

    /// <summary>What the event looked like when confirmed (JSON), to show the differences.</summary>
    public string? ConfirmedSnapshotJson { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedById { get; set; }
}

/// <summary>How a sync run ended.</summary>
public enum CalendarSyncOutcome
{
    Running = 0,
    Succeeded = 1,

    /// <summary>Some calendars synced, some failed.</summary>
    PartlyFailed = 2,
    Failed = 3,
}

/// <summary>One pass over one connection: recorded for the status page, the Admin overview and the <c>sync</c> verb.</summary>
public class CalendarSyncRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConnectionId { get; set; }

    public CalendarConnection? Connection { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>"schedule", "manual" or "cli".</summary>
    public string Trigger { get; set; } = "schedule";

    public CalendarSyncOutcome Outcome { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Removed { get; set; }

    /// <summary>Private, confidential, declined or unreadable items left out.</summary>
    public int Skipped { get; set; }

    public string? Error { get; set; }
}
