using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>One event: every field, attendees linked to their pages, follow-ups, counts ("not recorded" is not 0), history; edit and delete as permissions allow.</summary>
public sealed partial class EventPage
{
    private EventDetail? _event;
    private bool _notFound;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private IEventService Events { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private int? Count(string key) => _event is null ? null : key switch
    {
        nameof(EventInput.Attendance) => _event.Attendance,
        nameof(EventInput.LibraryCardsIssued) => _event.LibraryCardsIssued,
        nameof(EventInput.ItemsCheckedOut) => _event.ItemsCheckedOut,
        _ => _event.MaterialsHandedOut,
    };

    private async Task LoadAsync()
    {
        try
        {
            _event = await Events.GetAsync(Id);
            _notFound = false;
        }
        catch (RecordNotFoundException)
        {
            _event = null;
            _notFound = true;
        }
    }

    private async Task DeleteAsync()
    {
        if (_event is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete this event?",
            $"Delete “{_event.Title}” and its list of attendees? Its follow-ups stay, no longer linked to it. This can't be undone.",
            yesText: "Delete event",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await Events.DeleteAsync(_event.Id, _event.Version);
            Snackbar.Add("Event deleted.", Severity.Success);
            Navigation.NavigateTo("events");
            return;
        }
        catch (ConcurrencyConflictException ex)
        {
            await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this event", EventText.Field, "Nothing was deleted. Check the latest version and delete again if you still mean to.");
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
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
