using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Features.Export;
using LibraryOutreach.Web.Features.Preferences;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// The contact list: server-side paging and sorting, filters by text, tag, owner and archived, a column chooser, and
/// CSV or vCard exports of everything the filters match. Filters, columns and page size are remembered for each
/// person (<see cref="PrefsKey"/>).
/// </summary>
public partial class ContactsPage
{
    internal const string PrefsKey = "contacts-list";
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    internal static readonly IReadOnlyList<ListColumn> OptionalColumns =
    [
        new("organization", "Organization"),
        new("email", "Email"),
        new("phone", "Phone"),
        new("tags", "Tags"),
        new("owner", "Owner"),
    ];

    private MudTable<ContactRow>? _table;
    private IReadOnlyList<TagChip> _tags = [];
    private IReadOnlyList<StaffOption> _staff = [];
    private ListPrefs _prefs = new();
    private bool _ready;
    private bool _exporting;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IPreferenceService Preferences { get; set; } = default!;

    [Inject]
    private IExportService Exports { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool HasFilters => !string.IsNullOrWhiteSpace(_prefs.Text) || _prefs.TagId is not null || _prefs.OwnerId is not null || _prefs.IncludeArchived;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _tags = await Contacts.ListTagsAsync();
            _staff = await Contacts.ListStaffAsync();
            if (await Preferences.GetAsync<ListPrefs>(PrefsKey) is { } prefs)
            {
                _prefs = prefs with { PageSize = Math.Clamp(prefs.PageSize, 1, ContactQuery.MaxPageSize) };
            }
        }
        catch (AccessDeniedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        _ready = true;
    }

    private bool Shown(string column) => !_prefs.HiddenColumns.Contains(column);

    private ContactQuery FilterQuery() => new()
    {
        Text = _prefs.Text,
        TagId = _prefs.TagId,
        OwnerId = _prefs.OwnerId,
        IncludeArchived = _prefs.IncludeArchived,
    };

    private async Task<TableData<ContactRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = Enum.TryParse<ContactSort>(state.SortLabel, out var parsed) ? parsed : ContactSort.Name;
        var page = await Contacts.ListAsync(
            FilterQuery() with
            {
                Sort = sort,
                Descending = state.SortDirection == SortDirection.Descending,
                Page = state.Page,
                PageSize = state.PageSize,
            },
            ct);
        if (state.PageSize != _prefs.PageSize)
        {
            _prefs = _prefs with { PageSize = state.PageSize };
            await Preferences.SetAsync(PrefsKey, _prefs, CancellationToken.None);
        }

        return new TableData<ContactRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task OnTextChangedAsync(string? value) => FilterAsync(_prefs with { Text = value });

    private Task OnTagChangedAsync(Guid? value) => FilterAsync(_prefs with { TagId = value });

    private Task OnOwnerChangedAsync(string? value) => FilterAsync(_prefs with { OwnerId = string.IsNullOrEmpty(value) ? null : value });

    private Task OnArchivedChangedAsync(bool value) => FilterAsync(_prefs with { IncludeArchived = value });

    private async Task OnHiddenColumnsChangedAsync(IReadOnlyCollection<string> hidden)
    {
        _prefs = _prefs with { HiddenColumns = [.. hidden] };
        await Preferences.SetAsync(PrefsKey, _prefs);
    }

    private async Task FilterAsync(ListPrefs prefs)
    {
        _prefs = prefs;
        await Preferences.SetAsync(PrefsKey, _prefs);
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

    private Task ExportCsvAsync() => ExportAsync("csv", "text/csv", Exports.ContactsCsvAsync);

    private Task ExportVCardAsync() => ExportAsync("vcf", "text/vcard", Exports.ContactsVCardAsync);

    private async Task ExportAsync(string extension, string contentType, Func<IReadOnlyCollection<Guid>?, CancellationToken, Task<string>> export)
    {
        _exporting = true;
        try
        {
            var ids = await Contacts.ListIdsAsync(FilterQuery());
            var text = await export(ids, CancellationToken.None);
            Snackbar.Add(await JS.DownloadExportAsync(Clock, "contacts", extension, contentType, text, ids.Count), Severity.Success);
        }
        finally
        {
            _exporting = false;
        }
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<ContactDialog>("New contact", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"contacts/{id}");
        }
    }

    /// <summary>What the list remembers for each person.</summary>
    internal sealed record ListPrefs
    {
        public string? Text { get; init; }

        public Guid? TagId { get; init; }

        public string? OwnerId { get; init; }

        public bool IncludeArchived { get; init; }

        public int PageSize { get; init; } = 25;

        /// <summary>Keys of <see cref="OptionalColumns"/> the person hid.</summary>
        public IReadOnlyList<string> HiddenColumns { get; init; } = [];
    }
}
