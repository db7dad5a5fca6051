using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>The contact list: server-side paging and sorting, filters by text, tag, owner and archived.</summary>
public partial class ContactsPage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private MudTable<ContactRow>? _table;
    private IReadOnlyList<TagChip> _tags = [];
    private IReadOnlyList<StaffOption> _staff = [];
    private string? _text;
    private Guid? _tagId;
    private string? _ownerId;
    private bool _includeArchived;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool HasFilters => !string.IsNullOrWhiteSpace(_text) || _tagId is not null || _ownerId is not null || _includeArchived;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _tags = await Contacts.ListTagsAsync();
            _staff = await Contacts.ListStaffAsync();
        }
        catch (AccessDeniedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task<TableData<ContactRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = Enum.TryParse<ContactSort>(state.SortLabel, out var parsed) ? parsed : ContactSort.Name;
        var page = await Contacts.ListAsync(
            new ContactQuery
            {
                Text = _text,
                TagId = _tagId,
                OwnerId = _ownerId,
                IncludeArchived = _includeArchived,
                Sort = sort,
                Descending = state.SortDirection == SortDirection.Descending,
                Page = state.Page,
                PageSize = state.PageSize,
            },
            ct);
        return new TableData<ContactRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task OnTextChangedAsync(string? value)
    {
        _text = value;
        return ReloadAsync();
    }

    private Task OnTagChangedAsync(Guid? value)
    {
        _tagId = value;
        return ReloadAsync();
    }

    private Task OnOwnerChangedAsync(string? value)
    {
        _ownerId = value;
        return ReloadAsync();
    }

    private Task OnArchivedChangedAsync(bool value)
    {
        _includeArchived = value;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<ContactDialog>("New contact", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"contacts/{id}");
        }
    }
}
