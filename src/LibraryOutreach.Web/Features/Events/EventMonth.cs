using System.Globalization;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>One event on one day of the month view; says whether it goes on from the day before or to the next.</summary>
public sealed record MonthEntry(EventListRow Event, bool ContinuesFromBefore, bool ContinuesAfter);

/// <summary>One day cell: its date, whether it belongs to the month shown, and the events on it.</summary>
public sealed record MonthDay(DateOnly Date, bool InMonth, IReadOnlyList<MonthEntry> Entries);

/// <summary>A week row of the month view (7 days).</summary>
public sealed record MonthWeek(IReadOnlyList<MonthDay> Days);

/// <summary>
/// The month calendar's layout, apart from its markup: whole weeks (starting on the culture's first day of the week)
/// covering the month, each day with the events on it. A multi-day event is on every one of its days; all-day and
/// multi-day events come first on a day, then timed ones by start time.
/// </summary>
public static class EventMonth
{
    /// <summary>The first day of the month's first week row.</summary>
    public static DateOnly GridStart(int year, int month, DayOfWeek firstDayOfWeek)
    {
        var first = new DateOnly(year, month, 1);
        var back = ((int)first.DayOfWeek - (int)firstDayOfWeek + 7) % 7;
        return first.AddDays(-back);
    }

    /// <summary>The last day of the month's last week row.</summary>
    public static DateOnly GridEnd(int year, int month, DayOfWeek firstDayOfWeek)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var lastDayOfWeek = (DayOfWeek)(((int)firstDayOfWeek + 6) % 7);
        var forward = ((int)lastDayOfWeek - (int)last.DayOfWeek + 7) % 7;
        return last.AddDays(forward);
    }

    public static DayOfWeek FirstDayOfWeek(CultureInfo? culture = null) => (culture ?? CultureInfo.CurrentCulture).DateTimeFormat.FirstDayOfWeek;

    public static IReadOnlyList<MonthWeek> Build(int year, int month, IEnumerable<EventListRow> events, DayOfWeek firstDayOfWeek)
    {
        ArgumentNullException.ThrowIfNull(events);
        var start = GridStart(year, month, firstDayOfWeek);
        var end = GridEnd(year, month, firstDayOfWeek);
        var ordered = events
            .Where(e => e.StartDate <= end && e.EndDate >= start)
            .OrderBy(e => e.IsAllDay || e.IsMultiDay ? 0 : 1)
            .ThenBy(e => e.StartDate)
            .ThenBy(e => e.StartsAt?.TimeOfDay ?? TimeSpan.Zero)
            .ThenBy(e => e.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var weeks = new List<MonthWeek>();
        for (var weekStart = start; weekStart <= end; weekStart = weekStart.AddDays(7))
        {
            var days = new List<MonthDay>(7);
            for (var i = 0; i < 7; i++)
            {
                var day = weekStart.AddDays(i);
                var entries = ordered
                    .Where(e => e.StartDate <= day && e.EndDate >= day)
                    .Select(e => new MonthEntry(e, e.StartDate < day, e.EndDate > day))
                    .ToList();
                days.Add(new MonthDay(day, day.Month == month && day.Year == year, entries));
            }

            weeks.Add(new MonthWeek(days));
        }

        return weeks;
    }

    /// <summary>The day keyboard navigation moves to from <paramref name="day"/>; null for other keys.</summary>
    public static DateOnly? Move(DateOnly day, string key, DayOfWeek firstDayOfWeek) => key switch
    {
        "ArrowLeft" => day.AddDays(-1),
        "ArrowRight" => day.AddDays(1),
        "ArrowUp" => day.AddDays(-7),
        "ArrowDown" => day.AddDays(7),
        "Home" => day.AddDays(-(((int)day.DayOfWeek - (int)firstDayOfWeek + 7) % 7)),
        "End" => day.AddDays(6 - (((int)day.DayOfWeek - (int)firstDayOfWeek + 7) % 7)),
        "PageUp" => day.AddMonths(-1),
        "PageDown" => day.AddMonths(1),
        _ => null,
    };
}
