using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using LibraryOutreach.Web.Components.Shared;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>One contact: details, affiliations, and edit/archive/restore/delete as permissions allow.</summary>
public partial class ContactPage
{
    private ContactDetail? _contact;
    private MergedInto? _mergedInto;
    private bool _notFound;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IContactMergeService Merges { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private static string Describe(string? label, bool primary) =>
        (label, primary) switch
        {
            (null, true) => "(primary)",
            (null, false) => "",
            (_, true) => $"({label}, primary)",
            _ => $"({label})",
        };

    /// <summary>The number for a tel: link: digits and a leading + only.</summary>
    private static string TelTarget(string number) => Normalize.Phone(number) ?? "";

    private async Task LoadAsync()
    {
        try
        {
            _contact = await Contacts.GetAsync(Id);
            _notFound = false;
            _mergedInto = null;
        }
        catch (RecordNotFoundException)
        {
            _contact = null;
            _notFound = true;
            // A merged duplicate's old address (bookmarks, links in emails) says where the contact went.
            _mergedInto = await Merges.FindSurvivorAsync(Id);
        }
    }

    private async Task MergeAsync()
    {
        if (_contact is null)
        {
            return;
        }

        var parameters = new DialogParameters<MergeContactDialog>
        {
            { d => d.SurvivorId, _contact.Id },
            { d => d.SurvivorVersion, _contact.Version },
            { d => d.SurvivorName, _contact.DisplayName },
        };
        var dialog = await Dialogs.ShowAsync<MergeContactDialog>($"Merge a duplicate into {_contact.DisplayName}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: MergeSummary merged })
        {
            Snackbar.Add($"{merged.Duplicate.Name} was merged into {merged.Survivor.Name}.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditAsync()
    {
        if (_contact is null)
        {
            return;
        }

        var parameters = new DialogParameters<ContactDialog>
        {
            { d => d.ContactId, _contact.Id },
            { d => d.Version, _contact.Version },
            { d => d.Input, _contact.ToInput() },
        };
        var dialog = await Dialogs.ShowAsync<ContactDialog>($"Edit {_contact.DisplayName}", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await LoadAsync();
            Snackbar.Add(result.Data is ContactDialog.ReloadRequested ? "Showing the latest version." : "Contact saved.", Severity.Success);
        }
    }

    private Task ArchiveAsync() => ChangeAsync(c => Contacts.ArchiveAsync(c.Id, c.Version), "Contact archived. Restore it any time.");

    private Task RestoreAsync() => ChangeAsync(c => Contacts.RestoreAsync(c.Id, c.Version), "Contact restored.");

    private async Task DeleteAsync()
    {
        if (_contact is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete contact permanently?",
            $"Delete {_contact.DisplayName} and their affiliations for good? This can't be undone. Archiving keeps the history instead.",
            yesText: "Delete permanently",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await ChangeAsync(c => Contacts.DeleteAsync(c.Id), "Contact deleted.", deleted: true);
    }

    private async Task ChangeAsync(Func<ContactDetail, Task> action, string done, bool deleted = false)
    {
        if (_contact is null)
        {
            return;
        }

        _busy = true;
        try
        {
            await action(_contact);
            Snackbar.Add(done, Severity.Success);
            if (deleted)
            {
                Navigation.NavigateTo("contacts");
                return;
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            if (await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this contact", ContactText.Field))
            {
                Snackbar.Add("Showing the latest version.", Severity.Info);
            }
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException or RecordValidationException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }
}
