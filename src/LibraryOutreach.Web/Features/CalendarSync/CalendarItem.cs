namespace LibraryOutreach.Web.Features.CalendarSync;

/// <summary>What a calendar says about one item, whatever the source (Google's API or an iCal feed).</summary>
public enum CalendarItemKind
{
    /// <summary>An event (or one occurrence of a series) to mirror and maybe suggest as outreach.</summary>
    Event = 0,

    /// <summary>Cancelled or deleted: remove it from the mirror; flag, never delete, outreach made from it.</summary>
    Cancelled = 1,

    /// <summary>
    /// Marked private or confidential. Never imported: the item carries its id only (no title, no times), so a copy
    /// made before it was marked private is removed like a cancellation.
    /// </summary>
    Withheld = 2,

    /// <summary>The staff member declined the invitation: not their outreach, treated like a cancellation.</summary>
    Declined = 3,
}

/// <summary>How an attendee answered.</summary>
public enum CalendarResponse
{
    NeedsAction = 0,
    Accepted = 1,
    Tentative = 2,
    Declined = 3,
}

/// <summary>An attendee of a calendar event; <see cref="Name"/> is often absent.</summary>
public sealed record CalendarAttendee(string Email, string? Name, bool IsSelf, bool IsOrganizer, CalendarResponse Response);

/// <summary>
/// One calendar item, normalised. <see cref="EventId"/> is unique within its calendar (Google's event id, or an iCal
/// UID plus the occurrence's original start) and is the key of idempotent upserts. Dates follow
/// <c>OutreachEvent</c>: <see cref="StartDate"/>/<see cref="EndDate"/> are inclusive days in the library's time zone,
/// <see cref="StartsAt"/>/<see cref="EndsAt"/> UTC instants of a timed event (null when all-day). Text is plain
/// (HTML removed).
/// </summary>
public sealed record CalendarItem
{
    public required string EventId { get; init; }

    public CalendarItemKind Kind { get; init; } = CalendarItemKind.Event;

    /// <summary>The series an occurrence or exception belongs to (Google's <c>recurringEventId</c>, an iCal UID).</summary>
    public string? SeriesId { get; init; }

    public string? ICalUid { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Location { get; init; }

    public string? Link { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public bool IsAllDay => StartsAt is null;

    public string? OrganizerEmail { get; init; }

    public IReadOnlyList<CalendarAttendee> Attendees { get; init; } = [];

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// An item that carries only its id: cancelled, withheld or declined. Applying one removes the item and, when
    /// <see cref="EventId"/> is a series, every occurrence and exception of it (a cancelled master names only itself).
    /// </summary>
    public static CalendarItem Removal(string eventId, CalendarItemKind kind, string? seriesId = null) =>
        new() { EventId = eventId, Kind = kind, SeriesId = seriesId };

    /// <summary>
    /// A hash of what the library sees of the item (title, description, location, times, attendees), the same for
    /// both sources: it changes when the event changes in a way that matters, not when a feed is merely re-fetched.
    /// </summary>
    public string Fingerprint()
    {
        var text = string.Join(
            '\u001f',
            [
                Kind.ToString(), Title ?? "", Description ?? "", Location ?? "",
                StartDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                EndDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                StartsAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                EndsAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                .. Attendees.Select(a => a.Email.ToUpperInvariant() + "=" + a.Response).Order(StringComparer.Ordinal),
            ]);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>An item a calendar sent that could not be read (no start, a date that is not a date): skipped and reported, never half-imported.</summary>
public sealed record CalendarItemProblem(string? EventId, string Message);
