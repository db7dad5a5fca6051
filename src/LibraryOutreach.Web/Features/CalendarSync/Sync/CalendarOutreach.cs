using System.Text.Json;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>Who and what a calendar event's attendees are in the library's records.</summary>
public sealed record CalendarMatches(IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> OrganizationIds, IReadOnlyList<string> UnmatchedEmails);

/// <summary>
/// From a calendar copy to the library's own outreach event: attendee addresses matched to contacts' emails, their
/// domains to organizations' email domains (staff addresses and the library's own domains left out), the location and
/// times taken over, the connection's owner as the staff member present, source = calendar.
/// </summary>
public static class CalendarOutreach
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The default type of an event made from a calendar ("Other"); staff pick the right one when they edit.</summary>
    public static Guid DefaultTypeId => EventTypeConfiguration.Defaults[^1].Id;

    /// <summary>Makes the outreach event of <paramref name="copy"/> (in <paramref name="db"/>, saved by the caller) and marks the copy confirmed.</summary>
    public static async Task<OutreachEvent> ConfirmAsync(
        OutreachDbContext db,
        CalendarEventCopy copy,
        CalendarMatcher matcher,
        string ownerId,
        string? reviewerId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(matcher);
        var matches = (await matcher.MatchAsync(db, [CalendarCopyWriter.ReadAttendees(copy)], cancellationToken))[0];
        var outreach = new OutreachEvent
        {
            Title = copy.Title.Length > 0 ? copy.Title : "(no title)",
            TypeId = DefaultTypeId,
            StartDate = copy.StartDate,
            EndDate = copy.EndDate,
            StartsAt = copy.StartsAt,
            EndsAt = copy.StartsAt is null ? null : copy.EndsAt,
            Location = copy.Location,
            Notes = copy.Description is { Length: > FieldLimits.Notes } text ? text[..FieldLimits.Notes] : copy.Description,
            Source = EventSource.Calendar,
            Staff = [new OutreachEventStaff { UserId = ownerId }],
            Contacts = [.. matches.ContactIds.Select(id => new OutreachEventContact { ContactId = id })],
            Organizations = [.. matches.OrganizationIds.Select(id => new OutreachEventOrganization { OrganizationId = id })],
        };
        db.OutreachEvents.Add(outreach);
        MarkConfirmed(copy, outreach.Id, reviewerId, now);
        return outreach;
    }

    /// <summary>Records that <paramref name="copy"/> is now the library's event <paramref name="eventId"/>, as it looks today.</summary>
    public static void MarkConfirmed(CalendarEventCopy copy, Guid eventId, string? reviewerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(copy);
        copy.State = CalendarSuggestionState.Confirmed;
        copy.OutreachEventId = eventId;
        copy.ConfirmedFingerprint = copy.Fingerprint;
        copy.ConfirmedSnapshotJson = JsonSerializer.Serialize(Snapshot.Of(copy), Json);
        copy.ReviewedAt = now;
        copy.ReviewedById = reviewerId;
    }

    /// <summary>What changed in the calendar since the copy was confirmed, one line per field, for the "changed in calendar" notice.</summary>
    public static IReadOnlyList<CalendarChange> Changes(CalendarEventCopy copy, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (copy.ConfirmedSnapshotJson is null || copy.Fingerprint == copy.ConfirmedFingerprint)
        {
            return [];
        }

        var before = JsonSerializer.Deserialize<Snapshot>(copy.ConfirmedSnapshotJson, Json);
        if (before is null)
        {
            return [];
        }

        var after = Snapshot.Of(copy);
        var changes = new List<CalendarChange>();
        Compare(changes, "Title", before.Title, after.Title);
        Compare(changes, "When", before.When(zone), after.When(zone));
        Compare(changes, "Location", before.Location, after.Location);
        Compare(changes, "Description", before.Description, after.Description);
        Compare(changes, "Attendees", string.Join(", ", before.Attendees), string.Join(", ", after.Attendees));
        return changes;
    }

    private static void Compare(List<CalendarChange> changes, string field, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            changes.Add(new CalendarChange(field, before, after));
        }
    }

    private sealed record Snapshot(string Title, DateOnly StartDate, DateOnly EndDate, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, string? Description, IReadOnlyList<string> Attendees)
    {
        public static Snapshot Of(CalendarEventCopy copy) => new(
            copy.Title, copy.StartDate, copy.EndDate, copy.StartsAt, copy.EndsAt, copy.Location, copy.Description,
            [.. CalendarCopyWriter.ReadAttendees(copy).Select(a => a.Email.ToLowerInvariant()).Order(StringComparer.Ordinal)]);

        public string When(TimeZoneInfo zone) => Events.EventText.When(StartDate, EndDate, Local(StartsAt, zone), Local(EndsAt, zone));

        private static DateTimeOffset? Local(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } at ? LibraryTime.ToLocal(at, zone) : null;
    }
}

/// <summary>One field that changed in the calendar after the event was confirmed.</summary>
public sealed record CalendarChange(string Field, string? Before, string? After);
