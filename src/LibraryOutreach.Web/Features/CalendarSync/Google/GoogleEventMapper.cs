using System.Globalization;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.CalendarSync.Google;

/// <summary>
/// Turns a Google Calendar event into a <see cref="CalendarItem"/>, applying the rules of the sync: a cancellation
/// carries only its id; private and confidential events are withheld (nothing but the id is kept, not even the
/// title); an invitation the staff member declined is dropped; all-day end dates are exclusive in Google and
/// inclusive here; times keep their offset and become UTC instants; dates are the library's local days.
/// </summary>
public static class GoogleEventMapper
{
    public static (CalendarItem? Item, CalendarItemProblem? Problem) Map(GoogleEvent source, TimeZoneInfo libraryZone)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(libraryZone);
        if (string.IsNullOrWhiteSpace(source.Id))
        {
            return (null, new CalendarItemProblem(null, "An event without an id was skipped."));
        }

        var id = source.Id;
        if (string.Equals(source.Status, "cancelled", StringComparison.OrdinalIgnoreCase))
        {
            return (CalendarItem.Removal(id, CalendarItemKind.Cancelled, source.RecurringEventId), null);
        }

        if (source.Visibility is { } visibility
            && (visibility.Equals("private", StringComparison.OrdinalIgnoreCase) || visibility.Equals("confidential", StringComparison.OrdinalIgnoreCase)))
        {
            return (CalendarItem.Removal(id, CalendarItemKind.Withheld, source.RecurringEventId), null);
        }

        var attendees = (source.Attendees ?? [])
            .Where(a => a.Resource != true && !string.IsNullOrWhiteSpace(a.Email))
            .Select(a => new CalendarAttendee(a.Email!.Trim(), CalendarText.ToLine(a.DisplayName, FieldLimits.Name), a.Self == true, a.Organizer == true, Response(a.ResponseStatus)))
            .ToList();
        if (attendees.Any(a => a.IsSelf && a.Response == CalendarResponse.Declined))
        {
            return (CalendarItem.Removal(id, CalendarItemKind.Declined, source.RecurringEventId), null);
        }

        if (!TryReadWhen(source.Start, source.End, libraryZone, out var when, out var problem))
        {
            return (null, new CalendarItemProblem(id, $"\"{CalendarText.ToLine(source.Summary, 80) ?? id}\": {problem}"));
        }

        var item = new CalendarItem
        {
            EventId = id,
            SeriesId = source.RecurringEventId,
            ICalUid = source.ICalUid,
            Title = CalendarText.ToLine(source.Summary, FieldLimits.Name),
            Description = CalendarText.ToPlainText(source.Description),
            Location = CalendarText.ToLine(source.Location, FieldLimits.Name),
            Link = source.HtmlLink,
            StartDate = when.StartDate,
            EndDate = when.EndDate,
            StartsAt = when.StartsAt,
            EndsAt = when.EndsAt,
            OrganizerEmail = source.Organizer?.Email,
            Attendees = attendees,
            UpdatedAt = TryInstant(source.Updated, null, libraryZone, out var updated) ? updated : null,
        };
        return (item, null);
    }

    private static CalendarResponse Response(string? status) => status?.ToUpperInvariant() switch
    {
        "ACCEPTED" => CalendarResponse.Accepted,
        "TENTATIVE" => CalendarResponse.Tentative,
        "DECLINED" => CalendarResponse.Declined,
        _ => CalendarResponse.NeedsAction,
    };

    private readonly record struct When(DateOnly StartDate, DateOnly EndDate, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

    private static bool TryReadWhen(GoogleEventDateTime? start, GoogleEventDateTime? end, TimeZoneInfo zone, out When when, out string problem)
    {
        when = default;
        problem = "";
        if (start?.Date is { } startText)
        {
            if (!TryDate(startText, out var first))
            {
                problem = $"its start date \"{startText}\" is not a date.";
                return false;
            }

            // Google's end date is exclusive: an all-day event on 4 July ends on 5 July.
            var last = first;
            if (end?.Date is { } endText)
            {
                if (!TryDate(endText, out var exclusiveEnd))
                {
                    problem = $"its end date \"{endText}\" is not a date.";
                    return false;
                }

                last = exclusiveEnd.AddDays(-1) < first ? first : exclusiveEnd.AddDays(-1);
            }

            when = new When(first, last, null, null);
            return true;
        }

        if (!TryInstant(start?.DateTime, start?.TimeZone, zone, out var startsAt))
        {
            problem = start?.DateTime is null ? "it has no start." : $"its start \"{start.DateTime}\" is not a date and time.";
            return false;
        }

        DateTimeOffset? endsAt = null;
        if (end?.DateTime is { } endTime)
        {
            if (!TryInstant(endTime, end.TimeZone, zone, out var parsed))
            {
                problem = $"its end \"{endTime}\" is not a date and time.";
                return false;
            }

            if (parsed < startsAt)
            {
                problem = "it ends before it starts.";
                return false;
            }

            endsAt = parsed;
        }

        var startDate = LibraryTime.LocalDate(startsAt, zone);
        // An event that ends at midnight ends on the day before (22:00–00:00 is one evening).
        var endDate = endsAt is { } e && e > startsAt ? LibraryTime.LocalDate(e.AddTicks(-1), zone) : startDate;
        when = new When(startDate, endDate < startDate ? startDate : endDate, startsAt.ToUniversalTime(), endsAt?.ToUniversalTime());
        return true;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>RFC 3339 with its offset; a time without one (not what Google sends, but seen in hand-made data) is read in <paramref name="timeZone"/>, else the library's zone.</summary>
    private static bool TryInstant(string? text, string? timeZone, TimeZoneInfo libraryZone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var timePart = text.Contains('T', StringComparison.Ordinal) ? text[(text.IndexOf('T', StringComparison.Ordinal) + 1)..] : "";
        var hasOffset = timePart.EndsWith('Z') || timePart.EndsWith('z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal);
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var zone = libraryZone;
        if (timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var named))
        {
            zone = named;
        }

        instant = LibraryTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
        return true;
    }
}
