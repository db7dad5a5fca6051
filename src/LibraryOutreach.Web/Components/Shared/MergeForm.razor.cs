using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Components.Shared;

/// <summary>
/// Merging a duplicate into the record whose page is open (the survivor): an autocomplete picks the duplicate, the
/// summary shows what moves, a ticked box confirms. Every refusal is shown in words (beside the picker, under the box,
/// or at the top); nothing is merged before "Merge" with the box ticked. On a version conflict the summary reloads and
/// the person confirms again. Closes the dialog with the <see cref="MergeSummary"/> of what moved.
/// </summary>
public partial class MergeForm<TOption>
{
    private TOption? _duplicate;
    private MergeSummary? _preview;
    private Guid _survivorVersion;
    private bool _confirmed;
    private bool _loadingPreview;
    private bool _saving;
    private string? _duplicateError;
    private string? _confirmError;
    private string? _formError;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>"contact" or "organization".</summary>
    [Parameter]
    [EditorRequired]
    public string Kind { get; set; } = "";

    [Parameter]
    [EditorRequired]
    public string SurvivorName { get; set; } = "";

    /// <summary>The survivor's version as its page showed it.</summary>
    [Parameter]
    [EditorRequired]
    public Guid SurvivorVersion { get; set; }

    /// <summary>The picker's label, e.g. "Duplicate contact".</summary>
    [Parameter]
    [EditorRequired]
    public string DuplicateLabel { get; set; } = "";

    [Parameter]
    public string? HelperText { get; set; }

    /// <summary>Candidates for the picker (the survivor left out).</summary>
    [Parameter]
    [EditorRequired]
    public Func<string?, CancellationToken, Task<IEnumerable<TOption>>> Search { get; set; } = default!;

    [Parameter]
    [EditorRequired]
    public Func<TOption, Guid> OptionId { get; set; } = default!;

    [Parameter]
    [EditorRequired]
    public Func<TOption?, string?> OptionText { get; set; } = default!;

    /// <summary>The preview for a duplicate id.</summary>
    [Parameter]
    [EditorRequired]
    public Func<Guid, CancellationToken, Task<MergeSummary>> Preview { get; set; } = default!;

    /// <summary>The merge: survivor version, duplicate id, duplicate version.</summary>
    [Parameter]
    [EditorRequired]
    public Func<Guid, Guid, Guid, Task<MergeSummary>> Merge { get; set; } = default!;

    protected override void OnInitialized() => _survivorVersion = SurvivorVersion;

    private async Task OnDuplicateChangedAsync(TOption? duplicate)
    {
        _duplicate = duplicate;
        _preview = null;
        _confirmed = false;
        _duplicateError = null;
        _confirmError = null;
        _formError = null;
        if (duplicate is not null)
        {
            await LoadPreviewAsync();
        }
    }

    private void OnConfirmedChanged(bool value)
    {
        _confirmed = value;
        if (value)
        {
            _confirmError = null;
        }
    }

    private async Task LoadPreviewAsync()
    {
        if (_duplicate is null)
        {
            return;
        }

        _loadingPreview = true;
        _preview = null;
        try
        {
            _preview = await Preview(OptionId(_duplicate), CancellationToken.None);
        }
        catch (RecordValidationException ex)
        {
            ShowErrors(ex);
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            _formError = ex.Message;
        }
        finally
        {
            _loadingPreview = false;
        }
    }

    private async Task MergeAsync()
    {
        _formError = null;
        if (_duplicate is null)
        {
            _duplicateError = RecordMerging.ChooseDuplicate(Kind, SurvivorName);
            return;
        }

        if (_preview is null)
        {
            // Still loading, or the service refused this duplicate (its message is shown).
            return;
        }

        if (!_confirmed)
        {
            _confirmError = RecordMerging.ConfirmRequired;
            return;
        }

        _saving = true;
        try
        {
            var merged = await Merge(_survivorVersion, _preview.Duplicate.Id, _preview.Duplicate.Version);
            MudDialog.Close(DialogResult.Ok(merged));
        }
        catch (ConcurrencyConflictException ex)
        {
            // Show what is true now and ask again; the next attempt is checked against these versions.
            _confirmed = false;
            await LoadPreviewAsync();
            if (_preview is not null)
            {
                _survivorVersion = _preview.Survivor.Version;
            }

            _formError = ex.Message;
        }
        catch (RecordValidationException ex)
        {
            ShowErrors(ex);
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            _formError = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void ShowErrors(RecordValidationException ex)
    {
        _duplicateError = ex.Errors.GetValueOrDefault(RecordMerging.DuplicateKey);
        _formError = ex.Errors.GetValueOrDefault("") ?? (_duplicateError is null ? ex.Message : null);
    }

    private void Cancel() => MudDialog.Cancel();
}
