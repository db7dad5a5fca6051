using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.CalendarSync.Ics;

/// <summary>The items of an iCal feed within a window, and what could not be read.</summary>
public sealed record IcsSnapshot(IReadOnlyList<CalendarItem> Items, IReadOnlyList<CalendarItemProblem> Problems);

/// <summary>A feed that is not iCalendar at all (an HTML login page, a truncated download).</summary>
public sealed class IcsFeedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads an iCal (ICS) feed — Google's secret address, an Outlook published calendar, any <c>.ics</c> — into the
/// occurrences that fall in a window. A feed is a whole snapshot: deletions are simply absent, so the sync diffs
/// snapshots by <see cref="CalendarItem.EventId"/>, which is the UID for a single event and the UID plus the
/// occurrence's original start (<c>UID_20260310T003000Z</c>, <c>UID_20260310</c>) for an occurrence of a series,
/// exceptions (RECURRENCE-ID) included. Cancelled, private and confidential events and invitations the owner
/// declined are left out, so a copy made earlier is removed by the diff.
/// </summary>
public static partial class IcsFeedReader
{
    public static IcsSnapshot Read(string text, DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeZoneInfo libraryZone, string? ownerEmail)
    {
        ArgumentNullException.ThrowIfNull(libraryZone);
        var problems = new List<CalendarItemProblem>();
        var events = LoadEvents(WithStableUids(text ?? ""), problems);
        var items = new Dictionary<string, CalendarItem>(StringComparer.Ordinal);
        var from = new CalDateTime(windowStart.UtcDateTime, CalDateTime.UtcTzId);
        var to = new CalDateTime(windowEnd.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var series in events.GroupBy(e => e.Uid ?? ""))
        {
            // Each UID on its own, so one unreadable rule costs only its own series.
            try
            {
                ReadSeries(series.Key, [.. series], from, to, windowStart, windowEnd, libraryZone, ownerEmail, items);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or OverflowException)
            {
                var title = CalendarText.ToLine(series.First().Summary, 80) ?? series.Key;
                problems.Add(new CalendarItemProblem(series.Key, $"\"{title}\" could not be read: {ex.Message}"));
            }
        }

        return new IcsSnapshot([.. items.Values.OrderBy(i => i.StartDate).ThenBy(i => i.StartsAt).ThenBy(i => i.EventId, StringComparer.Ordinal)], problems);
    }

    /// <summary>
    /// The occurrences of one UID in the window: the master's (its rule and dates), less those an exception
    /// (RECURRENCE-ID) replaces, plus the exceptions themselves at their own times.
    /// </summary>
    private static void ReadSeries(
        string uid, List<CalendarEvent> events, CalDateTime from, CalDateTime to, DateTimeOffset windowStart, DateTimeOffset windowEnd,
        TimeZoneInfo zone, string? ownerEmail, Dictionary<string, CalendarItem> items)
    {
        var exceptions = events.Where(e => e.RecurrenceIdentifier is not null).ToList();
        var master = events.FirstOrDefault(e => e.RecurrenceIdentifier is null);
        var recurring = exceptions.Count > 0 || master?.RecurrenceRule is not null || master?.RecurrenceDates.GetAllPeriods().Any() == true;
        var replaced = exceptions.Select(e => OccurrenceKey(e.RecurrenceIdentifier!.StartTime)).ToHashSet(StringComparer.Ordinal);
        if (master is not null)
        {
            foreach (var occurrence in master.GetOccurrences(from).TakeWhileBefore(to))
            {
                var key = recurring ? uid + "_" + OccurrenceKey(occurrence.Period.StartTime) : uid;
                if (!replaced.Contains(key[(uid.Length + (recurring ? 1 : 0))..]) && !Skip(master, ownerEmail))
                {
                    items[key] = ToItem(key, recurring ? uid : null, master, occurrence.Period, zone);
                }
            }
        }

        foreach (var exception in exceptions)
        {
            var key = uid + "_" + OccurrenceKey(exception.RecurrenceIdentifier!.StartTime);
            var period = new Period(exception.DtStart ?? exception.RecurrenceIdentifier.StartTime, exception.EffectiveDuration);
            var item = ToItem(key, uid, exception, period, zone);
            var itemEnd = item.EndsAt ?? LibraryTime.StartOfDay(item.EndDate.AddDays(1), zone);
            var itemStart = item.StartsAt ?? LibraryTime.StartOfDay(item.StartDate, zone);
            if (!Skip(exception, ownerEmail) && itemEnd > windowStart && itemStart < windowEnd)
            {
                items[key] = item;
            }
        }
    }

    /// <summary>
    /// The feed's events. When the whole feed does not parse (one event with an impossible rule is enough), each event
    /// is read on its own, so only the broken ones are lost, each reported by name.
    /// </summary>
    private static List<CalendarEvent> LoadEvents(string text, List<CalendarItemProblem> problems)
    {
        if (!text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            throw new IcsFeedException("The address did not return a calendar in iCal format.");
        }

        try
        {
            var calendar = Ical.Net.Calendar.Load(text) ?? throw new IcsFeedException("The address did not return a calendar in iCal format.");
            return [.. calendar.Events];
        }
        catch (Exception ex) when (ex is not IcsFeedException and not OutOfMemoryException)
        {
            var blocks = EventBlock().Matches(text);
            if (blocks.Count == 0)
            {
                throw new IcsFeedException("The address did not return a calendar in iCal format.", ex);
            }

            var events = new List<CalendarEvent>();
            foreach (Match block in blocks)
            {
                try
                {
                    var one = Ical.Net.Calendar.Load("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + block.Value + "\r\nEND:VCALENDAR\r\n");
                    if (one is not null)
                    {
                        events.AddRange(one.Events);
                    }
                }
                catch (Exception blockError) when (blockError is not OutOfMemoryException)
                {
                    var summary = SummaryLine().Match(block.Value);
                    var name = summary.Success ? summary.Groups[1].Value.Trim() : "An event";
                    problems.Add(new CalendarItemProblem(null, $"\"{CalendarText.ToLine(name, 80)}\" could not be read: {blockError.Message}"));
                }
            }

            return events;
        }
    }

    [GeneratedRegex(@"^SUMMARY[^:]*:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SummaryLine();

    /// <summary>
    /// An event without a UID (hand-made feeds) would get a random one on every read and so look new on every sync:
    /// it gets one derived from its own text instead (less the stamps that change on every download).
    /// </summary>
    private static string WithStableUids(string text) => EventBlock().Replace(text, match =>
    {
        var lines = match.Value.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Any(l => l.StartsWith("UID", StringComparison.OrdinalIgnoreCase) && l.Length > 3 && l[3] is ':' or ';'))
        {
            return match.Value;
        }

        var content = string.Join('\n', lines.Where(l => !l.StartsWith("DTSTAMP", StringComparison.OrdinalIgnoreCase)));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..24].ToLowerInvariant();
        return lines[0] + "\r\nUID:nouid-" + hash + match.Value[lines[0].Length..];
    });

    [GeneratedRegex(@"BEGIN:VEVENT.*?END:VEVENT", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex EventBlock();

    private static bool Skip(CalendarEvent source, string? ownerEmail)
    {
        if (string.Equals(source.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (source.Class is { } classification
            && (classification.Equals("PRIVATE", StringComparison.OrdinalIgnoreCase) || classification.Equals("CONFIDENTIAL", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return ownerEmail is not null && source.Attendees.Any(a =>
            string.Equals(Email(a.Value), ownerEmail, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.ParticipationStatus, "DECLINED", StringComparison.OrdinalIgnoreCase));
    }

    private static CalendarItem ToItem(string key, string? seriesId, CalendarEvent source, Period period, TimeZoneInfo zone)
    {
        DateOnly startDate, endDate;
        DateTimeOffset? startsAt = null, endsAt = null;
        var start = period.StartTime;
        var end = period.EffectiveEndTime;
        if (!start.HasTime)
        {
            startDate = start.Date;
            // DTEND of an all-day event is exclusive.
            endDate = end is { HasTime: false } && end.Date > startDate ? end.Date.AddDays(-1) : startDate;
        }
        else
        {
            startsAt = Instant(start, zone);
            endsAt = end is { HasTime: true } ? Instant(end, zone) : null;
            startDate = LibraryTime.LocalDate(startsAt.Value, zone);
            endDate = endsAt is { } e && e > startsAt ? LibraryTime.LocalDate(e.AddTicks(-1), zone) : startDate;
        }

        return new CalendarItem
        {
            EventId = key,
            SeriesId = seriesId,
            ICalUid = source.Uid,
            Title = CalendarText.ToLine(source.Summary, FieldLimits.Name),
            Description = CalendarText.ToPlainText(source.Description),
            Location = CalendarText.ToLine(source.Location, FieldLimits.Name),
            Link = source.Url?.ToString(),
            StartDate = startDate,
            EndDate = endDate < startDate ? startDate : endDate,
            StartsAt = startsAt,
            EndsAt = endsAt,
            OrganizerEmail = Email(source.Organizer?.Value),
            Attendees = [.. source.Attendees
                .Where(a => Email(a.Value) is not null && !string.Equals(a.Type, "RESOURCE", StringComparison.OrdinalIgnoreCase) && !string.Equals(a.Type, "ROOM", StringComparison.OrdinalIgnoreCase))
                .Select(a => new CalendarAttendee(Email(a.Value)!, CalendarText.ToLine(a.CommonName, FieldLimits.Name), false, false, Response(a.ParticipationStatus)))],
            UpdatedAt = source.LastModified is { } modified ? new DateTimeOffset(modified.AsUtc, TimeSpan.Zero) : null,
        };
    }

    /// <summary>A floating time (no zone) is the library's wall-clock time; others convert exactly.</summary>
    private static DateTimeOffset Instant(CalDateTime value, TimeZoneInfo zone) =>
        value.IsFloating
            ? LibraryTime.At(value.Date, value.Time ?? TimeOnly.MinValue, zone)
            : new DateTimeOffset(value.AsUtc, TimeSpan.Zero);

    private static string OccurrenceKey(CalDateTime start) =>
        start.HasTime
            ? start.AsUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : start.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string? Email(Uri? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.OriginalString;
        var address = text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
        return address.Contains('@', StringComparison.Ordinal) ? Uri.UnescapeDataString(address.Trim()) : null;
    }

    private static CalendarResponse Response(string? status) => status?.ToUpperInvariant() switch
    {
        "ACCEPTED" => CalendarResponse.Accepted,
        "TENTATIVE" => CalendarResponse.Tentative,
        "DECLINED" => CalendarResponse.Declined,
        _ => CalendarResponse.NeedsAction,
    };
}
