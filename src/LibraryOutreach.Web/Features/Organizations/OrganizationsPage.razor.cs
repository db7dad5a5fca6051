using System.Security.Cryptography;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>
/// The organizations list: server-paged, sortable table with filters. The filters and page size are remembered in
/// this browser (protected local storage, key <see cref="PrefsKey"/>).
/// </summary>
public sealed partial class OrganizationsPage
{
    internal const string PrefsKey = "orgs-list";
    private static readonly int[] PageSizes = [10, 25, 50, OrganizationQuery.MaxPageSize];
    private static readonly Dictionary<string, object?> TableAttributes = new() { ["aria-label"] = "Organizations" };

    private MudTable<OrganizationRow>? _table;
    private OrganizationChoices _choices = new([], [], []);
    private ListPrefs _prefs = new();
    private bool _ready;

    [Inject]
    private IOrganizationService Organizations { get; set; } = default!;

    [Inject]
    private ProtectedLocalStorage Storage { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool HasFilters =>
        !string.IsNullOrWhiteSpace(_prefs.Text) || _prefs.TypeId is not null || _prefs.Level is not null || _prefs.TagId is not null
        || !string.IsNullOrEmpty(_prefs.OwnerId) || _prefs.IncludeArchived;

    protected override async Task OnInitializedAsync() => _choices = await Organizations.GetChoicesAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            var stored = await Storage.GetAsync<ListPrefs>(PrefsKey);
            if (stored is { Success: true, Value: { } prefs })
            {
                _prefs = prefs with { PageSize = Math.Clamp(prefs.PageSize, 1, OrganizationQuery.MaxPageSize) };
            }
        }
        catch (CryptographicException)
        {
            // Saved with keys this server no longer has: start from the defaults.
        }

        _ready = true;
        StateHasChanged();
    }

    private async Task<TableData<OrganizationRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<OrganizationSort>(state.SortLabel, out var parsed) ? parsed : OrganizationSort.Name;
        var query = new OrganizationQuery
        {
            Page = state.Page,
            PageSize = state.PageSize,
            Sort = sort,
            Descending = state.SortDirection == SortDirection.Descending,
            Text = _prefs.Text,
            TypeId = _prefs.TypeId,
            Level = _prefs.Level,
            TagId = _prefs.TagId,
            OwnerId = string.IsNullOrEmpty(_prefs.OwnerId) ? null : _prefs.OwnerId,
            IncludeArchived = _prefs.IncludeArchived,
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
        try
        {
            await Storage.SetAsync(PrefsKey, _prefs);
        }
        catch (InvalidOperationException)
        {
            // Prerendering or a closed circuit: nothing to remember in.
        }
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

    /// <summary>What this browser remembers of the list.</summary>
    internal sealed record ListPrefs
    {
        public string? Text { get; init; }

        public Guid? TypeId { get; init; }

        public PartnershipLevel? Level { get; init; }

        public Guid? TagId { get; init; }

        public string? OwnerId { get; init; }

        public bool IncludeArchived { get; init; }

        public int PageSize { get; init; } = 25;
    }
}
