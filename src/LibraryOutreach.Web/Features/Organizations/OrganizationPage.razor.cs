using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>One organization: details, people, committee seats; edit, archive/restore and (Admins) delete.</summary>
public sealed partial class OrganizationPage
{
    private OrganizationDetail? _organization;
    private MergedInto? _mergedInto;
    private bool _loading = true;
    private bool _notFound;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private IOrganizationService Organizations { get; set; } = default!;

    [Inject]
    private IOrganizationMergeService Merges { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = _organization?.Id != Id;
        try
        {
            _organization = await Organizations.GetAsync(Id);
            _notFound = false;
            _mergedInto = null;
        }
        catch (RecordNotFoundException)
        {
            _organization = null;
            _notFound = true;
            // A merged duplicate's old address (bookmarks, links in emails) says where the organization went.
            _mergedInto = await Merges.FindSurvivorAsync(Id);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task EditAsync()
    {
        if (_organization is not { } org)
        {
            return;
        }

        var choices = await Organizations.GetChoicesAsync();
        var parameters = new DialogParameters<OrganizationDialog>
        {
            { d => d.Choices, WithCurrent(choices, org) },
            { d => d.Input, org.ToInput() },
            { d => d.Id, org.Id },
            { d => d.Version, org.Version },
        };
        var dialog = await Dialogs.ShowAsync<OrganizationDialog>($"Edit {org.Name}", parameters, OrganizationDialog.Options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            if (result.Data is Guid)
            {
                Snackbar.Add("Saved.", Severity.Success);
            }

            await LoadAsync();
        }
    }

    private async Task MergeAsync()
    {
        if (_organization is not { } org)
        {
            return;
        }

        var parameters = new DialogParameters<MergeOrganizationDialog>
        {
            { d => d.SurvivorId, org.Id },
            { d => d.SurvivorVersion, org.Version },
            { d => d.SurvivorName, org.Name },
        };
        var dialog = await Dialogs.ShowAsync<MergeOrganizationDialog>($"Merge a duplicate into {org.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: MergeSummary merged })
        {
            Snackbar.Add($"{merged.Duplicate.Name} was merged into {merged.Survivor.Name}.", Severity.Success);
            await LoadAsync();
        }
    }

    /// <summary>Keeps the record's current type, owner, co-owners and tags choosable even when archived or deactivated.</summary>
    private static OrganizationChoices WithCurrent(OrganizationChoices choices, OrganizationDetail org)
    {
        var types = choices.Types.Any(t => t.Id == org.TypeId) ? choices.Types : [.. choices.Types, new TypeRef(org.TypeId, org.TypeName)];
        var staff = choices.Staff.ToList();
        foreach (var person in org.CoOwners.Append(org.Owner).OfType<StaffRef>().Where(p => staff.TrueForAll(s => s.Id != p.Id)))
        {
            staff.Add(person);
        }

        var tags = choices.Tags.Concat(org.Tags.Where(t => choices.Tags.All(c => c.Id != t.Id))).ToList();
        return new OrganizationChoices(types, tags, staff);
    }

    private Task ArchiveAsync() => SetArchivedAsync(archive: true);

    private Task RestoreAsync() => SetArchivedAsync(archive: false);

    private async Task SetArchivedAsync(bool archive)
    {
        if (_organization is not { } org)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            archive ? "Archive organization?" : "Restore organization?",
            archive
                ? $"Archive {org.Name}? It disappears from lists (unless \"Show archived\" is on) but keeps its history, and can be restored."
                : $"Restore {org.Name}? It shows in lists again.",
            yesText: archive ? "Archive" : "Restore",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            if (archive)
            {
                await Organizations.ArchiveAsync(org.Id, org.Version);
            }
            else
            {
                await Organizations.RestoreAsync(org.Id, org.Version);
            }

            Snackbar.Add(archive ? "Archived." : "Restored.", Severity.Success);
        }
        catch (ConcurrencyConflictException ex)
        {
            Snackbar.Add($"{ex.Message} The page now shows the latest version.", Severity.Warning);
        }
        catch (AccessDeniedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        await LoadAsync();
    }

    private async Task DeleteAsync()
    {
        if (_organization is not { } org)
        {
            return;
        }

        var parameters = new DialogParameters<ConfirmDeleteDialog> { { d => d.Name, org.Name } };
        var dialog = await Dialogs.ShowAsync<ConfirmDeleteDialog>("Delete permanently?", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false })
        {
            return;
        }

        try
        {
            await Organizations.DeleteAsync(org.Id);
            Snackbar.Add($"{org.Name} was deleted.", Severity.Success);
            Navigation.NavigateTo("organizations");
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException or RecordValidationException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }
}
