using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>Opens <see cref="LogTouchDialog"/> the same way from everywhere (app bar, shortcut, contact and organization pages, lists).</summary>
public static class LogTouch
{
    // The "who" box takes the focus itself (AutoFocus); the dialog focusing its first element (the close button) raced it.
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true, DefaultFocus = DefaultFocus.None };

    /// <summary>Logs a new touch (with <paramref name="party"/> filled in when given); on save, a snackbar links to it. The id, or null.</summary>
    public static async Task<Guid?> NewAsync(IDialogService dialogs, ISnackbar snackbar, NavigationManager navigation, PartyOption? party = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(navigation);
        var parameters = new DialogParameters<LogTouchDialog> { { d => d.Party, party } };
        var dialog = await dialogs.ShowAsync<LogTouchDialog>("Log a touch", parameters, Options);
        if (await dialog.Result is { Canceled: false, Data: Guid id })
        {
            snackbar.Add("Touch logged.", Severity.Success, o =>
            {
                o.Action = "View";
                o.ActionColor = Color.Inherit;
                o.OnClick = _ =>
                {
                    navigation.NavigateTo($"interactions/{id}");
                    return Task.CompletedTask;
                };
            });
            return id;
        }

        return null;
    }

    /// <summary>Edits <paramref name="detail"/>; true when something changed (saved, or the person chose to reload the other version).</summary>
    public static async Task<bool> EditAsync(IDialogService dialogs, ISnackbar snackbar, InteractionDetail detail)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(detail);
        var parameters = new DialogParameters<LogTouchDialog>
        {
            { d => d.InteractionId, detail.Id },
            { d => d.Version, detail.Version },
            { d => d.Initial, detail.ToInput() },
        };
        var dialog = await dialogs.ShowAsync<LogTouchDialog>("Edit touch", parameters, Options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid })
        {
            snackbar.Add("Touch saved.", Severity.Success);
            return true;
        }

        return result is { Canceled: false, Data: LogTouchDialog.ReloadRequested };
    }
}
