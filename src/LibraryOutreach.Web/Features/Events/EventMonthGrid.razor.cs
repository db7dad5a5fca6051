using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// The month calendar of <see cref="EventsPage"/> (layout by <see cref="EventMonth"/>). The page loads the events of
/// the grid's days; this component shows them, marks today, and asks for another month through
/// <see cref="MonthChanged"/> (previous/next buttons, PageUp/PageDown, or arrowing past the grid's edge).
/// </summary>
public partial class EventMonthGrid
{
    private readonly Dictionary<DateOnly, ElementReference> _cells = [];
    private IReadOnlyList<MonthWeek> _weeks = [];
    private DateOnly _focus;
    private bool _focusPending;

    /// <summary>Any day of the month shown.</summary>
    [Parameter]
    [EditorRequired]
    public DateOnly Month { get; set; }

    /// <summary>The events on the grid's days (in the library's time zone).</summary>
    [Parameter]
    public IReadOnlyList<EventListRow> Events { get; set; } = [];

    /// <summary>Today in the library's time zone.</summary>
    [Parameter]
    public DateOnly Today { get; set; }

    /// <summary>Asks for the month of the given day (the page loads its events).</summary>
    [Parameter]
    public EventCallback<DateOnly> MonthChanged { get; set; }

    [Parameter]
    public CultureInfo? CultureOverride { get; set; }

    private CultureInfo Culture => CultureOverride ?? CultureInfo.CurrentCulture;

    private DayOfWeek FirstDay => EventMonth.FirstDayOfWeek(Culture);

    private string Title => new DateTime(Month.Year, Month.Month, 1).ToString("MMMM yyyy", Culture);

    protected override void OnParametersSet()
    {
        _weeks = EventMonth.Build(Month.Year, Month.Month, Events, FirstDay);
        if (_focus.Year != Month.Year || _focus.Month != Month.Month)
        {
            _focus = Today.Year == Month.Year && Today.Month == Month.Month ? Today : new DateOnly(Month.Year, Month.Month, 1);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending && _cells.TryGetValue(_focus, out var cell))
        {
            _focusPending = false;
            await cell.FocusAsync();
        }
    }

    /// <summary>Start of the grid's first week, for the page's range query.</summary>
    public static DateOnly FirstShown(DateOnly month, CultureInfo? culture = null) =>
        EventMonth.GridStart(month.Year, month.Month, EventMonth.FirstDayOfWeek(culture));

    /// <summary>End of the grid's last week.</summary>
    public static DateOnly LastShown(DateOnly month, CultureInfo? culture = null) =>
        EventMonth.GridEnd(month.Year, month.Month, EventMonth.FirstDayOfWeek(culture));

    private async Task OnKeyAsync(KeyboardEventArgs e, DateOnly from)
    {
        if (EventMonth.Move(from, e.Key, FirstDay) is not { } to)
        {
            return;
        }

        _focus = to;
        _focusPending = true;
        if (to.Year != Month.Year || to.Month != Month.Month)
        {
            await MonthChanged.InvokeAsync(new DateOnly(to.Year, to.Month, 1));
        }
    }

    private Task ChangeMonthAsync(int by) => MonthChanged.InvokeAsync(new DateOnly(Month.Year, Month.Month, 1).AddMonths(by));

    private Task ThisMonthAsync() => MonthChanged.InvokeAsync(new DateOnly(Today.Year, Today.Month, 1));

    private string CellClass(MonthDay day) =>
        "event-month-day" + (day.InMonth ? "" : " event-month-outside") + (day.Date == Today ? " event-month-today" : "");

    private static string EntryClass(MonthEntry entry) =>
        "event-month-entry" + (entry.Event.IsAllDay || entry.Event.IsMultiDay ? " event-month-allday" : "")
        + (entry.ContinuesFromBefore ? " event-month-continues-before" : "") + (entry.ContinuesAfter ? " event-month-continues-after" : "");

    private string DayLabel(MonthDay day) => day.Date.ToString("D", Culture)
        + (day.Date == Today ? ", today" : "")
        + (day.Entries.Count switch { 0 => ", no events", 1 => ", 1 event", var n => $", {n} events" });

    private string When(MonthEntry entry)
    {
        var e = entry.Event;
        var days = e.IsMultiDay ? $"{e.StartDate.ToString("d MMM", Culture)} – {e.EndDate.ToString("d MMM", Culture)}" : null;
        var time = e.IsAllDay ? "all day" : e.StartsAt!.Value.ToString("t", Culture) + (e.EndsAt is { } end ? "–" + end.ToString("t", Culture) : "");
        return days is null ? time : $"{days}, {time}";
    }
}
