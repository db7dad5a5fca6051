using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Drafts;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>
/// "Log a touch": who (one search over contacts and organizations), channel, who started it (no default), summary,
/// optional notes, and when (now unless changed). What is typed is kept as a draft in the browser
/// (<see cref="FormDraftStore"/>, debounced) so a dropped connection or a reload loses nothing; the draft is cleared on
/// save or "Discard draft". Edits carry the version; a conflict shows <see cref="ConflictDialog"/>.
/// Closes with the interaction's id, or <see cref="ReloadRequested"/> when the person chose the other version.
/// </summary>
public partial class LogTouchDialog : IDisposable
{
    /// <summary>The draft key of a new touch.</summary>
    public const string DraftForm = "log-touch";

    public const string ReloadRequested = "reload";

    /// <summary>How long typing pauses before the draft is written.</summary>
    internal static readonly TimeSpan DraftDelay = TimeSpan.FromMilliseconds(400);

    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private PartyOption? _party;
    private string? _formError;
    private bool _saving;
    private bool _draftRestored;
    private bool _closed;
    private CancellationTokenSource? _draftDelay;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    private IInteractionService Interactions { get; set; } = default!;

    [Inject]
    private FormDraftStore Drafts { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The interaction being edited; null to log a new one.</summary>
    [Parameter]
    public Guid? InteractionId { get; set; }

    [Parameter]
    public Guid Version { get; set; }

    /// <summary>The contact or organization to fill in (from its page); ignored when editing.</summary>
    [Parameter]
    public PartyOption? Party { get; set; }

    /// <summary>The values of the interaction being edited.</summary>
    [Parameter]
    public InteractionInput? Initial { get; set; }

    internal InteractionInput Input { get; private set; } = new();

    private string DraftKey => InteractionId is { } id ? $"interaction-edit:{id}" : DraftForm;

    /// <summary>The form's date and time as one local wall-clock value.</summary>
    private DateTime? When => Input.Date is { } d ? d.Date + (Input.Time ?? TimeSpan.Zero) : null;

    private MudAutocomplete<PartyOption>? _who;
    private bool _focused;

    /// <summary>
    /// Puts the cursor in "who" once the dialog is on screen (AutoFocus alone lost the race with the dialog's opening
    /// when the draft was read first).
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focused && _who is not null && _party is null)
        {
            _focused = true;
            await Task.Delay(50);
            await _who.FocusAsync();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var draft = await Drafts.LoadAsync<InteractionInput>(DraftKey);
        if (draft is not null)
        {
            Input = draft;
            _draftRestored = true;
        }
        else if (Initial is not null)
        {
            Input = Initial;
        }
        else
        {
            var now = LibraryTime.ToLocal(Clock.GetUtcNow(), Clock.LocalTimeZone);
            Input = new InteractionInput { Date = now.Date, Time = new TimeSpan(now.Hour, now.Minute, 0) };
        }

        if (Input.ContactId is null && Input.OrganizationId is null && Party is not null && InteractionId is null)
        {
            SetParty(Party);
        }

        if (Input.ContactId is not null || Input.OrganizationId is not null)
        {
            // PartyName already holds the label ("Marge Simpson (Springfield Elementary)").
            _party = new PartyOption(Input.ContactId, Input.OrganizationId, Input.PartyName ?? "", null);
        }
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private async Task<IEnumerable<PartyOption>> FindPartiesAsync(string? text, CancellationToken ct)
    {
        if (_party is not null && string.Equals(text, _party.Label, StringComparison.Ordinal))
        {
            // The field still shows the chosen one (opened by a click): offer it rather than "no match".
            return [_party];
        }

        try
        {
            return await Interactions.FindPartiesAsync(text, ct);
        }
        catch (AccessDeniedException ex)
        {
            _formError = ex.Message;
            return [];
        }
    }

    private void SetParty(PartyOption? option)
    {
        _party = option;
        Input.ContactId = option?.ContactId;
        Input.OrganizationId = option?.OrganizationId;
        Input.PartyName = option?.Label;
    }

    private void OnPartyChanged(PartyOption? option)
    {
        SetParty(option);
        Changed(InteractionValidation.PartyKey);
    }

    private void OnChannelChanged(ContactChannel? channel)
    {
        Input.Channel = channel;
        Changed(nameof(InteractionInput.Channel));
    }

    private void OnInitiatedBy(InitiatedBy side)
    {
        Input.InitiatedBy = side;
        Changed(nameof(InteractionInput.InitiatedBy));
    }

    private void OnSummaryChanged(string? text)
    {
        Input.Summary = text;
        Changed(nameof(InteractionInput.Summary));
    }

    private void OnNotesChanged(string? text)
    {
        Input.Notes = text;
        Changed(nameof(InteractionInput.Notes));
    }

    private void OnWhenChanged(DateTime? value)
    {
        Input.Date = value?.Date;
        Input.Time = value is { } v ? new TimeSpan(v.Hour, v.Minute, 0) : null;
        Changed(nameof(InteractionInput.Date));
    }

    /// <summary>A field changed: its message goes (the person is fixing it) and the draft is written after a pause.</summary>
    private void Changed(string field)
    {
        if (_errors.ContainsKey(field))
        {
            _errors = _errors.Where(e => e.Key != field).ToDictionary(e => e.Key, e => e.Value);
        }

        _draftDelay?.Cancel();
        _draftDelay?.Dispose();
        _draftDelay = new CancellationTokenSource();
        _ = SaveDraftLaterAsync(_draftDelay.Token);
    }

    private async Task SaveDraftLaterAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(DraftDelay, Clock, ct);
            if (!_closed)
            {
                await Drafts.SaveAsync(DraftKey, Input, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Typing went on: a later save writes the draft.
        }
    }

    private async Task DiscardDraftAsync()
    {
        _draftDelay?.Cancel();
        await Drafts.ClearAsync(DraftKey);
        _draftRestored = false;
        _errors = new Dictionary<string, string>();
        _formError = null;
        var now = LibraryTime.ToLocal(Clock.GetUtcNow(), Clock.LocalTimeZone);
        Input = Initial ?? new InteractionInput { Date = now.Date, Time = new TimeSpan(now.Hour, now.Minute, 0) };
        _party = null;
        if (Party is not null && InteractionId is null)
        {
            SetParty(Party);
        }
    }

    private void Cancel()
    {
        // Cancel keeps the draft: closing by mistake loses nothing; "Discard draft" or saving removes it.
        _closed = true;
        MudDialog.Cancel();
    }

    private async Task SaveAsync()
    {
        _formError = null;
        _errors = new Dictionary<string, string>();
        _saving = true;
        try
        {
            Guid id;
            if (InteractionId is { } existing)
            {
                await Interactions.UpdateAsync(existing, Input, Version);
                id = existing;
            }
            else
            {
                id = await Interactions.CreateAsync(Input);
            }

            _closed = true;
            _draftDelay?.Cancel();
            await Drafts.ClearAsync(DraftKey);
            MudDialog.Close(DialogResult.Ok(id));
        }
        catch (RecordValidationException ex)
        {
            _errors = ex.Errors;
            _formError = ex.Errors.GetValueOrDefault("") ?? "Please correct the fields marked below.";
        }
        catch (ConcurrencyConflictException ex)
        {
            if (await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this touch", InteractionText.Field))
            {
                _closed = true;
                await Drafts.ClearAsync(DraftKey);
                MudDialog.Close(DialogResult.Ok(ReloadRequested));
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

    public void Dispose()
    {
        _draftDelay?.Cancel();
        _draftDelay?.Dispose();
        GC.SuppressFinalize(this);
    }
}
