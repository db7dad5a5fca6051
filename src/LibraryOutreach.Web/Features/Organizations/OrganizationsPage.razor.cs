using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Features.Export;
using LibraryOutreach.Web.Features.Preferences;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>
/// The organizations list: server-paged, sortable table with filters, a column chooser and a CSV export of everything
/// the filters match. Filters, columns and page size are remembered for each person (<see cref="PrefsKey"/>).
/// </summary>
public sealed partial class OrganizationsPage
{
    internal const string PrefsKey = "orgs-list";
    private static readonly int[] PageSizes = [10, 25, 50, OrganizationQuery.MaxPageSize];
    private static readonly Dictionary<string, object?> TableAttributes = new() { ["aria-label"] = "Organizations" };

    internal static readonly IReadOnlyList<ListColumn> OptionalColumns =
    [
        new("type", "Type"),
        new("level", "Level"),
        new("owner", "Owner"),
        new("tags", "Tags"),
        new("updated", "Updated"),
    ];

    private MudTable<OrganizationRow>? _table;
    private OrganizationChoices _choices = new([], [], []);
    private ListPrefs _prefs = new();
    private bool _ready;

    [Inject]
    private IOrganizationService Organizations { get; set; } = default!;

    [Inject]
    private IPreferenceService Preferences { get; set; } = default!;

    [Inject]
    private IExportService Exports { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private bool _exporting;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool HasFilters =>
        !string.IsNullOrWhiteSpace(_prefs.Text) || _prefs.TypeId is not null || _prefs.Level is not null || _prefs.TagId is not null
        || !string.IsNullOrEmpty(_prefs.OwnerId) || _prefs.IncludeArchived;

    protected override async Task OnInitializedAsync()
    {
        _choices = await Organizations.GetChoicesAsync();
        if (await Preferences.GetAsync<ListPrefs>(PrefsKey) is { } prefs)
        {
            _prefs = prefs with { PageSize = Math.Clamp(prefs.PageSize, 1, OrganizationQuery.MaxPageSize) };
        }

        _ready = true;
    }

    private bool Shown(string column) => !_prefs.HiddenColumns.Contains(column);

    private async Task OnHiddenColumnsChangedAsync(IReadOnlyCollection<string> hidden)
    {
        _prefs = _prefs with { HiddenColumns = [.. hidden] };
        await SavePrefsAsync();
    }

    private OrganizationQuery FilterQuery() => new()
    {
        Text = _prefs.Text,
        TypeId = _prefs.TypeId,
        Level = _prefs.Level,
        TagId = _prefs.TagId,
        OwnerId = string.IsNullOrEmpty(_prefs.OwnerId) ? null : _prefs.OwnerId,
        IncludeArchived = _prefs.IncludeArchived,
    };

    private async Task ExportCsvAsync()
    {
        _exporting = true;
        try
        {
            var ids = await Organizations.ListIdsAsync(FilterQuery());
            var csv = await Exports.OrganizationsCsvAsync(ids, CancellationToken.None);
            Snackbar.Add(await JS.DownloadExportAsync(Clock, "organizations", "csv", "text/csv", csv, ids.Count), Severity.Success);
        }
        finally
        {
            _exporting = false;
        }
    }

    private async Task<TableData<OrganizationRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<OrganizationSort>(state.SortLabel, out var parsed) ? parsed : OrganizationSort.Name;
        var query = FilterQuery() with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            Sort = sort,
            Descending = state.SortDirection == SortDirection.Descending,
        };
        var result = await Organizations.ListAsync(query, cancellationToken);
        if (state.PageSize != _prefs.PageSize)
        {
            _prefs = _prefs with { PageSize = state.PageSize };
            await SavePrefsAsync();
        }

        return new TableData<OrganizationRow> { Items = result.Rows, TotalItems = result.TotalCount };
    }

    private Task OnTextChangedAsync(string? value) => FilterAsync(_prefs with { Text = value });

    private Task OnTypeChangedAsync(Guid? value) => FilterAsync(_prefs with { TypeId = value });

    private Task OnLevelChangedAsync(PartnershipLevel? value) => FilterAsync(_prefs with { Level = value });

    private Task OnTagChangedAsync(Guid? value) => FilterAsync(_prefs with { TagId = value });

    private Task OnOwnerChangedAsync(string? value) => FilterAsync(_prefs with { OwnerId = string.IsNullOrEmpty(value) ? null : value });

    private Task OnArchivedChangedAsync(bool value) => FilterAsync(_prefs with { IncludeArchived = value });

    private async Task FilterAsync(ListPrefs prefs)
    {
        _prefs = prefs;
        await SavePrefsAsync();
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

    private async Task SavePrefsAsync()
    {
        await Preferences.SetAsync(PrefsKey, _prefs);
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<OrganizationDialog>
        {
            { d => d.Choices, _choices },
            { d => d.Input, new OrganizationInput { TypeId = _choices.Types.Count > 0 ? _choices.Types[0].Id : Guid.Empty } },
        };
        var dialog = await Dialogs.ShowAsync<OrganizationDialog>("New organization", parameters, OrganizationDialog.Options);
        if (await dialog.Result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"organizations/{id}");
        }
    }

    /// <summary>What the list remembers for each person.</summary>
    internal sealed record ListPrefs
    {
        public string? Text { get; init; }

        public Guid? TypeId { get; init; }

        public PartnershipLevel? Level { get; init; }

        public Guid? TagId { get; init; }

        public string? OwnerId { get; init; }

        public bool IncludeArchived { get; init; }

        public int PageSize { get; init; } = 25;

        /// <summary>Keys of <see cref="OptionalColumns"/> the person hid.</summary>
        public IReadOnlyList<string> HiddenColumns { get; init; } = [];
    }
}
