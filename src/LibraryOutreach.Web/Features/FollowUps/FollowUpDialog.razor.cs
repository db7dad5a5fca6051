using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.FollowUps;

public partial class FollowUpDialog
{
    private readonly FollowUpInput _input = new();
    private MudForm? _form;
    private IReadOnlyList<StaffOption> _staff = [];
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private DateTime? _due;
    private string? _formError;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    private IFollowUpService FollowUps { get; set; } = default!;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    public Guid? ContactId { get; set; }

    [Parameter]
    public Guid? OrganizationId { get; set; }

    [Parameter]
    public Guid? EventId { get; set; }

    /// <summary>The name of what it is about, shown above the form.</summary>
    [Parameter]
    public string? About { get; set; }

    /// <summary>The follow-up to edit; null to add one.</summary>
    [Parameter]
    public FollowUpView? FollowUp { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (FollowUp is { } f)
        {
            _input.Title = f.Title;
            _input.AssigneeId = f.AssigneeId;
            _input.ContactId = f.ContactId;
            _input.OrganizationId = f.OrganizationId;
            _input.EventId = f.EventId;
            _due = f.DueDate.ToDateTime(TimeOnly.MinValue);
        }
        else
        {
            _input.ContactId = ContactId;
            _input.OrganizationId = OrganizationId;
            _input.EventId = EventId;
            _input.AssigneeId = await CurrentUser.GetUserIdAsync();
        }

        _staff = await Contacts.ListStaffAsync();
    }

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private Func<string?, string?> Check(string field) => _ => ErrorFor(field);

    private IEnumerable<string> LinkErrors() =>
        new[] { nameof(FollowUpInput.ContactId), nameof(FollowUpInput.OrganizationId), nameof(FollowUpInput.EventId) }
            .Select(ErrorFor).OfType<string>();

    private async Task SaveAsync()
    {
        _formError = null;
        _input.DueDate = _due is { } d ? DateOnly.FromDateTime(d) : null;
        _errors = FollowUpRules.Validate(_input.Title, _input.DueDate, _input.AssigneeId);
        if (_errors.Count > 0)
        {
            await ValidateFormAsync();
            return;
        }

        _saving = true;
        try
        {
            if (FollowUp is { } f)
            {
                await FollowUps.UpdateAsync(f.Id, _input, f.Version);
            }
            else
            {
                await FollowUps.CreateAsync(_input);
            }

            MudDialog.Close(DialogResult.Ok(true));
        }
        catch (RecordValidationException ex)
        {
            _errors = ex.Errors;
            _formError = ex.Errors.GetValueOrDefault("");
            await ValidateFormAsync();
        }
        catch (ConcurrencyConflictException ex)
        {
            if (await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this follow-up", FollowUpService.FieldLabel))
            {
                MudDialog.Close(DialogResult.Ok(true));
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

    private async Task ValidateFormAsync()
    {
        if (_form is not null)
        {
            await _form.ValidateAsync();
        }
    }

    /// <summary>Opens the dialog; true when a follow-up was saved (or the person chose to reload after a conflict).</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, FollowUpView? followUp = null, Guid? contactId = null, Guid? organizationId = null, Guid? eventId = null, string? about = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<FollowUpDialog>
        {
            { d => d.FollowUp, followUp },
            { d => d.ContactId, contactId },
            { d => d.OrganizationId, organizationId },
            { d => d.EventId, eventId },
            { d => d.About, about },
        };
        var dialog = await dialogs.ShowAsync<FollowUpDialog>(followUp is null ? "Add follow-up" : "Edit follow-up", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }
}
