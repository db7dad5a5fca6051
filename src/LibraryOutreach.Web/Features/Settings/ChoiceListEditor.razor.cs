using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Settings;

public partial class ChoiceListEditor
{
    private IReadOnlyList<ChoiceListItem>? _entries;
    private string? _newName;
    private string? _addError;
    private Guid? _renamingId;
    private string? _renameText;
    private string? _renameError;

    [Parameter, EditorRequired]
    public IChoiceListService Service { get; set; } = default!;

    /// <summary>The page heading and title, e.g. "Branches".</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>One line under the heading.</summary>
    [Parameter, EditorRequired]
    public string Intro { get; set; } = "";

    /// <summary>One entry in lower case, as in "Add branch".</summary>
    [Parameter, EditorRequired]
    public string ItemName { get; set; } = "";

    /// <summary>The entries in lower case, as in "No branches".</summary>
    [Parameter, EditorRequired]
    public string ListName { get; set; } = "";

    /// <summary>Prefix of the input ids and test ids ("branch" gives branch-new-name, branch-add, branch-table).</summary>
    [Parameter, EditorRequired]
    public string TestIdPrefix { get; set; } = "";

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => _entries = await Service.ListAsync(includeArchived: true);

    private async Task AddAsync()
    {
        _addError = null;
        try
        {
            await Service.CreateAsync(_newName ?? "");
            _newName = null;
            await LoadAsync();
        }
        catch (RecordValidationException ex)
        {
            _addError = ex.Message;
        }
    }

    private void StartRename(ChoiceListItem entry)
    {
        _renamingId = entry.Id;
        _renameText = entry.Name;
        _renameError = null;
    }

    private async Task RenameAsync(ChoiceListItem entry)
    {
        try
        {
            await Service.RenameAsync(entry.Id, _renameText ?? "");
            _renamingId = null;
            await LoadAsync();
        }
        catch (RecordValidationException ex)
        {
            _renameError = ex.Message;
        }
    }

    private async Task MoveAsync(ChoiceListItem entry, bool up)
    {
        await Service.MoveAsync(entry.Id, up);
        await LoadAsync();
    }

    private async Task ToggleArchivedAsync(ChoiceListItem entry)
    {
        await Service.SetArchivedAsync(entry.Id, !entry.IsArchived);
        await LoadAsync();
    }

    private async Task DeleteAsync(ChoiceListItem entry)
    {
        try
        {
            await Service.DeleteAsync(entry.Id);
            await LoadAsync();
        }
        catch (RecordValidationException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
    }
}
