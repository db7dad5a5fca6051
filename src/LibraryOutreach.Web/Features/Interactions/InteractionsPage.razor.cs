using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Preferences;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>
/// Every interaction: server-side paging and sorting, filters by date range, channel, initiated by, staff member and
/// contact/organization name, remembered for each person (<see cref="PrefsKey"/>); edit and delete where allowed.
/// </summary>
public partial class InteractionsPage
{
    internal const string PrefsKey = "interactions-list";
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<InteractionRow>? _table;
    private IReadOnlyList<StaffOption> _staff = [];
    private ListPrefs _prefs = new();
    private bool _ready;

    [Inject]
    private IInteractionService Interactions { get; set; } = default!;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IPreferenceService Preferences { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool HasFilters => !string.IsNullOrWhiteSpace(_prefs.Text) || _prefs.From is not null || _prefs.To is not null
        || _prefs.Channel is not null || _prefs.InitiatedBy is not null || _prefs.StaffUserId is not null;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _staff = await Contacts.ListStaffAsync();
            if (await Preferences.GetAsync<ListPrefs>(PrefsKey) is { } prefs)
            {
                _prefs = prefs with { PageSize = Math.Clamp(prefs.PageSize, 1, InteractionQuery.MaxPageSize) };
            }
        }
        catch (AccessDeniedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        _ready = true;
    }

    private static DateTime? ToDateTime(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? ToDate(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    private async Task<TableData<InteractionRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = Enum.TryParse<InteractionSort>(state.SortLabel, out var parsed) ? parsed : InteractionSort.OccurredAt;
        var page = await Interactions.ListAsync(
            new InteractionQuery
            {
                Text = _prefs.Text,
                From = _prefs.From,
                To = _prefs.To,
                Channel = _prefs.Channel,
                InitiatedBy = _prefs.InitiatedBy,
                StaffUserId = _prefs.StaffUserId,
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

        return new TableData<InteractionRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task FilterAsync(ListPrefs prefs)
    {
        _prefs = prefs;
        await Preferences.SetAsync(PrefsKey, _prefs);
        await ReloadAsync(firstPage: true);
    }

    private async Task ReloadAsync(bool firstPage)
    {
        if (_table is null)
        {
            return;
        }

        if (firstPage && _table.CurrentPage != 0)
        {
            _table.NavigateTo(Page.First);
        }
        else
        {
            await _table.ReloadServerData();
        }
    }

    private async Task LogAsync()
    {
        if (await LogTouch.NewAsync(Dialogs, Snackbar, Navigation) is not null)
        {
            await ReloadAsync(firstPage: false);
        }
    }

    private async Task EditAsync(InteractionRow row)
    {
        try
        {
            var detail = await Interactions.GetAsync(row.Id);
            if (await LogTouch.EditAsync(Dialogs, Snackbar, detail))
            {
                await ReloadAsync(firstPage: false);
            }
        }
        catch (RecordNotFoundException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
            await ReloadAsync(firstPage: false);
        }
    }

    private async Task DeleteAsync(InteractionRow row)
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete this touch?", $"“{row.Summary}” will be removed from the outreach log.", yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }

        try
        {
            await Interactions.DeleteAsync(row.Id, row.Version);
            Snackbar.Add("Touch deleted.", Severity.Success);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or RecordNotFoundException or AccessDeniedException)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }

        await ReloadAsync(firstPage: false);
    }

    /// <summary>What the list remembers for each person.</summary>
    internal sealed record ListPrefs
    {
        public string? Text { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public ContactChannel? Channel { get; init; }

        public InitiatedBy? InitiatedBy { get; init; }

        public string? StaffUserId { get; init; }

        public int PageSize { get; init; } = 25;
    }
}
