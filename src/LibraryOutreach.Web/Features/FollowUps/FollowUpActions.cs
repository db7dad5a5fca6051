using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using MudBlazor;

namespace LibraryOutreach.Web.Features.FollowUps;

/// <summary>
/// What a follow-up list does when someone ticks, edits or deletes a row, the same on every list (My follow-ups, all
/// follow-ups, the panels on contact and organization pages): conflicts show the ConflictDialog, refusals a message.
/// Each method returns true when the list should load again.
/// </summary>
public sealed class FollowUpActions(IFollowUpService followUps, IDialogService dialogs, ISnackbar snackbar)
{
    public async Task<bool> SetDoneAsync(FollowUpView followUp, bool done)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        try
        {
            await followUps.SetDoneAsync(followUp.Id, done, followUp.Version);
            snackbar.Add(done ? $"Done: {followUp.Title}" : $"Open again: {followUp.Title}", Severity.Success);
        }
        catch (ConcurrencyConflictException ex)
        {
            await ConflictDialog.ShowAsync(dialogs, ex, "Someone else changed this follow-up", FollowUpService.FieldLabel, "The list shows their version now.");
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            snackbar.Add(ex.Message, Severity.Warning);
        }

        return true;
    }

    public Task<bool> EditAsync(FollowUpView followUp) => FollowUpDialog.ShowAsync(dialogs, followUp);

    public async Task<bool> DeleteAsync(FollowUpView followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var confirmed = await dialogs.ShowMessageBoxAsync("Delete follow-up?", $"Delete “{followUp.Title}”? This cannot be undone.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return false;
        }

        try
        {
            await followUps.DeleteAsync(followUp.Id, followUp.Version);
            snackbar.Add($"Deleted: {followUp.Title}", Severity.Success);
        }
        catch (ConcurrencyConflictException ex)
        {
            await ConflictDialog.ShowAsync(dialogs, ex, "Someone else changed this follow-up", FollowUpService.FieldLabel, "Nothing was deleted. The list shows their version now.");
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            snackbar.Add(ex.Message, Severity.Warning);
        }

        return true;
    }
}
