using System.Globalization;
using System.Text.Json;
using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Drafts;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// "Log a meeting" (<c>/events/new</c>) and the same form for editing (<c>/events/{id}/edit</c>). Today, the town or
/// council meeting type and the person logging are prefilled; attendees are picked by typing (Enter takes the
/// highlighted one and focus returns to the box), new people and follow-ups are added inline, and everything is saved
/// in one go. What has been typed is kept as a draft in the browser (<see cref="FormDraftStore"/>) about once a second,
/// so neither a dropped connection nor a reload loses it; the draft is cleared on save.
/// </summary>
public sealed partial class LogMeetingPage : IAsyncDisposable
{
    /// <summary>The draft name of the new-meeting form.</summary>
    public const string NewDraftForm = "log-meeting";

    /// <summary>How often the form checks whether to save its draft.</summary>
    public static readonly TimeSpan DraftInterval = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions DraftJson = new(JsonSerializerDefaults.Web);

    private readonly CancellationTokenSource _stop = new();
    private MudForm? _form;
    private MudAutocomplete<ContactOption>? _attendeeBox;
    private MudAutocomplete<OrganizationOption>? _organizationBox;
    private ContactOption? _attendeePick;
    private OrganizationOption? _organizationPick;
    private EventFormChoices _choices = new([], [], [], []);
    private EventInput _input = new();
    private IReadOnlyList<EventFollowUpView> _existingFollowUps = [];
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private EventDetail? _loaded;
    private string? _userId;
    private string? _formError;
    private string? _untouchedJson;
    private string? _savedJson;
    private bool _loading = true;
    private bool _notFound;
    private bool _saving;
    private bool _saved;
    private bool _draftRestored;
    private bool _opened;
    private Guid? _openedId;

    /// <summary>The event being edited; null to log a new one.</summary>
    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private IEventService Events { get; set; } = default!;

    [Inject]
    private FormDraftStore Drafts { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string DraftForm => Id is { } id ? $"event-edit:{id}" : NewDraftForm;

    private DateOnly Today => LibraryTime.Today(Time);

    private string? TypeName => TypeOptions.FirstOrDefault(t => t.Id == _input.TypeId)?.Name;

    /// <summary>The active types, plus the edited event's own type if it was archived since.</summary>
    private IReadOnlyList<ChoiceListItem> TypeOptions =>
        _loaded is { } e && _choices.Types.All(t => t.Id != e.TypeId)
            ? [.. _choices.Types, new ChoiceListItem(e.TypeId, e.TypeName, int.MaxValue, true, 1)]
            : _choices.Types;

    private DateTime? StartDay
    {
        get => _input.StartDate?.ToDateTime(TimeOnly.MinValue);
        set => _input.StartDate = value is { } v ? DateOnly.FromDateTime(v) : null;
    }

    private DateTime? EndDay
    {
        get => _input.EndDate?.ToDateTime(TimeOnly.MinValue);
        set => _input.EndDate = value is { } v ? DateOnly.FromDateTime(v) : null;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_opened && _openedId == Id)
        {
            // The same form re-rendered by its parent: keep what is being typed.
            return;
        }

        _opened = true;
        _openedId = Id;
        _loading = true;
        try
        {
            _userId = await CurrentUser.GetUserIdAsync();
            _choices = await Events.GetChoicesAsync();
            if (Id is { } id)
            {
                _loaded = await Events.GetAsync(id);
                if (!_loaded.CanEdit)
                {
                    _formError = EventPermissions.Refused;
                }

                _input = _loaded.ToInput();
                _existingFollowUps = _loaded.FollowUps;
            }
            else
            {
                _input = EventDefaults.NewMeeting(_choices.Types, Today, _userId);
            }

            _untouchedJson = Serialize(_input);
        }
        catch (RecordNotFoundException)
        {
            _notFound = true;
        }
        catch (AccessDeniedException ex)
        {
            _formError = ex.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _notFound)
        {
            return;
        }

        // Local storage is there only once the page runs interactively: offer the draft back, then keep it current.
        var draft = await Drafts.LoadAsync<EventInput>(DraftForm);
        if (draft is not null && Serialize(draft) != _untouchedJson)
        {
            _input = draft;
            _savedJson = Serialize(draft);
            _draftRestored = true;
            StateHasChanged();
        }

        _ = KeepDraftAsync(_stop.Token);
    }

    /// <summary>Saves the draft whenever the form differs from the last saved draft (and from its untouched state).</summary>
    private async Task KeepDraftAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(DraftInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await InvokeAsync(async () =>
                {
                    if (_saved || _saving)
                    {
                        return;
                    }

                    var json = Serialize(_input);
                    if (json == _savedJson || (json == _untouchedJson && _savedJson is null))
                    {
                        return;
                    }

                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    await Drafts.SaveAsync(DraftForm, _input, timeout.Token);
                    _savedJson = json;
                });
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The page was left.
        }
    }

    private async Task DiscardDraftAsync()
    {
        await Drafts.ClearAsync(DraftForm);
        _draftRestored = false;
        _savedJson = null;
        _errors = new Dictionary<string, string>();
        _input = _loaded?.ToInput() ?? EventDefaults.NewMeeting(_choices.Types, Today, _userId);
        _untouchedJson = Serialize(_input);
    }

    private static string Serialize(EventInput input) => JsonSerializer.Serialize(input, DraftJson);

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    /// <summary>Shows the message for <paramref name="field"/> beside it (MudForm links it for screen readers).</summary>
    private Func<string?, string?> Check(string field) => _ => ErrorFor(field);

    private Func<int?, string?> CheckCount(string field) => _ => ErrorFor(field);

    private string StaffName(string? id) => _choices.Staff.FirstOrDefault(s => s.Id == id)?.DisplayName ?? "";

    private string TypeLabel(Guid? id) => TypeOptions.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private string BranchLabel(Guid? id) => _choices.Branches.FirstOrDefault(b => b.Id == id)?.Name ?? "";

    private string TagName(Guid id) => _choices.Tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private void OnStaffChanged(IEnumerable<string>? ids) => _input.StaffIds = ids?.ToList() ?? [];

    private void OnTagsChanged(IEnumerable<Guid>? ids) => _input.TagIds = ids?.ToList() ?? [];

    private static string? TimeText(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time : null;

    private void SetCount(string key, int? value)
    {
        switch (key)
        {
            case nameof(EventInput.Attendance):
                _input.Attendance = value;
                break;
            case nameof(EventInput.LibraryCardsIssued):
                _input.LibraryCardsIssued = value;
                break;
            case nameof(EventInput.ItemsCheckedOut):
                _input.ItemsCheckedOut = value;
                break;
            case nameof(EventInput.MaterialsHandedOut):
                _input.MaterialsHandedOut = value;
                break;
        }
    }

    /// <summary>Contacts matching what was typed (minus those already picked), then "Add … as a new person".</summary>
    private async Task<IEnumerable<ContactOption>> SearchAttendeesAsync(string? text, CancellationToken ct)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return [];
        }

        var matches = (await Events.SearchContactsAsync(typed, ct)).Where(c => _input.Attendees.All(a => a.Id != c.Id)).ToList();
        matches.Add(new ContactOption(Guid.Empty, typed, null));
        return matches;
    }

    private async Task<IEnumerable<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken ct) =>
        await Events.SearchOrganizationsAsync(text, ct);

    private async Task OnAttendeePickedAsync(ContactOption? option)
    {
        if (option is null)
        {
            return;
        }

        if (option.Id == Guid.Empty)
        {
            _input.NewPeople.Add(new NewPersonInput { Name = option.Name });
        }
        else if (_input.Attendees.All(a => a.Id != option.Id))
        {
            _input.Attendees.Add(option);
        }

        _attendeePick = null;
        if (_attendeeBox is not null)
        {
            await _attendeeBox.ClearAsync();
            await _attendeeBox.FocusAsync();
        }
    }

    private async Task OnOrganizationPickedAsync(OrganizationOption? option)
    {
        if (option is null)
        {
            return;
        }

        if (_input.Organizations.All(o => o.Id != option.Id))
        {
            _input.Organizations.Add(option);
        }

        _organizationPick = null;
        if (_organizationBox is not null)
        {
            await _organizationBox.ClearAsync();
            await _organizationBox.FocusAsync();
        }
    }

    private void RemoveAttendee(ContactOption attendee) => _input.Attendees.Remove(attendee);

    private void RemoveOrganization(OrganizationOption organization) => _input.Organizations.Remove(organization);

    private void AddNewPerson() => _input.NewPeople.Add(new NewPersonInput());

    private void RemoveNewPerson(int index)
    {
        _input.NewPeople.RemoveAt(index);
        _errors = new Dictionary<string, string>();
    }

    private void AddFollowUp() => _input.FollowUps.Add(EventDefaults.NewFollowUp(Today, _userId));

    private void RemoveFollowUp(int index)
    {
        _input.FollowUps.RemoveAt(index);
        _errors = new Dictionary<string, string>();
    }

    private async Task SaveAsync()
    {
        _formError = null;
        _errors = EventValidation.Validate(_input);
        if (_errors.Count > 0)
        {
            await ShowErrorsAsync();
            return;
        }

        _saving = true;
        try
        {
            Guid id;
            if (Id is { } existing && _loaded is not null)
            {
                await Events.UpdateAsync(existing, _input, _loaded.Version);
                id = existing;
            }
            else
            {
                id = await Events.CreateAsync(_input);
            }

            _saved = true;
            await _stop.CancelAsync();
            await Drafts.ClearAsync(DraftForm);
            Snackbar.Add(Id is null ? "Meeting logged." : "Event saved.", Severity.Success);
            Navigation.NavigateTo($"events/{id}");
        }
        catch (RecordValidationException ex)
        {
            _errors = ex.Errors;
            await ShowErrorsAsync();
        }
        catch (ConcurrencyConflictException ex)
        {
            if (await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this event", EventText.Field) && Id is { } id)
            {
                // Their version replaces what was typed here.
                await Drafts.ClearAsync(DraftForm);
                _loaded = await Events.GetAsync(id);
                _input = _loaded.ToInput();
                _existingFollowUps = _loaded.FollowUps;
                _untouchedJson = Serialize(_input);
                _savedJson = null;
                _draftRestored = false;
                Snackbar.Add("Showing the latest version.", Severity.Info);
            }
            else
            {
                _formError = ex.Message;
            }
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

    private async Task ShowErrorsAsync()
    {
        _formError = _errors.GetValueOrDefault("") ?? "Please correct the fields marked below. Nothing was saved.";
        if (_form is not null)
        {
            await _form.ValidateAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
