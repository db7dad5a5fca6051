using LibraryOutreach.Web.Features.Preferences;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// The events: a list (server-side paging and sorting) or a month calendar, with filters by date range, type, branch,
/// staff present, organization involved and tag; the filters and the view are remembered for each person
/// (<see cref="PrefsKey"/>). The month view ignores the date range and shows its own month.
/// </summary>
public partial class EventsPage
{
    internal const string PrefsKey = "events-list";
    internal const string ListView = "list";
    internal const string MonthView = "month";
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<EventListRow>? _table;
    private EventListChoices _choices = new([], [], [], []);
    private ListPrefs _prefs = new();
    private IReadOnlyList<EventListRow> _monthEvents = [];
    private DateOnly _month;
    private DateOnly _today;
    private bool _ready;
    private bool _loadingMonth;

    [Inject]
    private IEventListService Events { get; set; } = default!;

    [Inject]
    private IPreferenceService Preferences { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool HasFilters => _prefs.From is not null || _prefs.To is not null || _prefs.TypeId is not null || _prefs.BranchId is not null
        || _prefs.StaffUserId is not null || _prefs.OrganizationId is not null || _prefs.TagId is not null;

    private EventFilterChoice? Organization => _prefs.OrganizationId is { } id ? new EventFilterChoice(id, _prefs.OrganizationName ?? "") : null;

    protected override async Task OnInitializedAsync()
    {
        _today = LibraryTime.Today(Clock);
        _month = new DateOnly(_today.Year, _today.Month, 1);
        try
        {
            _choices = await Events.GetChoicesAsync();
            if (await Preferences.GetAsync<ListPrefs>(PrefsKey) is { } prefs)
            {
                _prefs = prefs with { PageSize = Math.Clamp(prefs.PageSize, 1, EventListQuery.MaxPageSize), View = prefs.View == MonthView ? MonthView : ListView };
            }

            if (_prefs.View == MonthView)
            {
                await LoadMonthAsync();
            }
        }
        catch (AccessDeniedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        _ready = true;
    }

    private static DateTime? ToDateTime(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    private static Guid? ParseId(string? id) => Guid.TryParse(id, out var parsed) ? parsed : null;

    private EventListQuery FilterQuery() => new()
    {
        From = _prefs.From,
        To = _prefs.To,
        TypeId = ParseId(_prefs.TypeId),
        BranchId = ParseId(_prefs.BranchId),
        StaffUserId = _prefs.StaffUserId,
        OrganizationId = ParseId(_prefs.OrganizationId),
        TagId = ParseId(_prefs.TagId),
    };

    private async Task<TableData<EventListRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = Enum.TryParse<EventListSort>(state.SortLabel, out var parsed) ? parsed : EventListSort.Date;
        var page = await Events.ListAsync(
            FilterQuery() with
            {
                Sort = sort,
                Descending = state.SortDirection != SortDirection.Ascending,
                Page = state.Page,
                PageSize = state.PageSize,
            },
            ct);
        if (state.PageSize != _prefs.PageSize)
        {
            _prefs = _prefs with { PageSize = state.PageSize };
            await Preferences.SetAsync(PrefsKey, _prefs, CancellationToken.None);
        }

        return new TableData<EventListRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task LoadMonthAsync()
    {
        _loadingMonth = true;
        try
        {
            _monthEvents = await Events.ListRangeAsync(FilterQuery(), EventMonthGrid.FirstShown(_month), EventMonthGrid.LastShown(_month));
        }
        finally
        {
            _loadingMonth = false;
        }
    }

    private async Task OnMonthChangedAsync(DateOnly month)
    {
        _month = new DateOnly(month.Year, month.Month, 1);
        await LoadMonthAsync();
    }

    private Task OnFromChangedAsync(DateTime? value) => FilterAsync(_prefs with { From = value is { } d ? DateOnly.FromDateTime(d) : null });

    private Task OnToChangedAsync(DateTime? value) => FilterAsync(_prefs with { To = value is { } d ? DateOnly.FromDateTime(d) : null });

    private Task OnOrganizationChangedAsync(EventFilterChoice? value) =>
        FilterAsync(_prefs with { OrganizationId = value?.Id, OrganizationName = value?.Name });

    private async Task<IEnumerable<EventFilterChoice>> FindOrganizationsAsync(string? text, CancellationToken ct) =>
        await Events.FindOrganizationsAsync(text, ct);

    private async Task OnViewChangedAsync(string? view)
    {
        _prefs = _prefs with { View = view == MonthView ? MonthView : ListView };
        await Preferences.SetAsync(PrefsKey, _prefs);
        if (_prefs.View == MonthView)
        {
            await LoadMonthAsync();
        }
    }

    private async Task FilterAsync(ListPrefs prefs)
    {
        _prefs = prefs with
        {
            TypeId = string.IsNullOrEmpty(prefs.TypeId) ? null : prefs.TypeId,
            BranchId = string.IsNullOrEmpty(prefs.BranchId) ? null : prefs.BranchId,
            StaffUserId = string.IsNullOrEmpty(prefs.StaffUserId) ? null : prefs.StaffUserId,
            TagId = string.IsNullOrEmpty(prefs.TagId) ? null : prefs.TagId,
        };
        await Preferences.SetAsync(PrefsKey, _prefs);
        if (_prefs.View == MonthView)
        {
            await LoadMonthAsync();
            return;
        }

        if (_table is null)
        {
            return;
        }

        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(Page.First);
        }
        else
        {
            await _table.ReloadServerData();
        }
    }

    /// <summary>As the event page says it (<see cref="EventText.When"/>).</summary>
    internal static string When(EventListRow e) => EventText.When(e.StartDate, e.EndDate, e.StartsAt, e.EndsAt);

    /// <summary>What the events page remembers for each person.</summary>
    internal sealed record ListPrefs
    {
        public string View { get; init; } = ListView;

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public string? TypeId { get; init; }

        public string? BranchId { get; init; }

        public string? StaffUserId { get; init; }

        public string? OrganizationId { get; init; }

        public string? OrganizationName { get; init; }

        public string? TagId { get; init; }

        public int PageSize { get; init; } = 25;
    }
}
