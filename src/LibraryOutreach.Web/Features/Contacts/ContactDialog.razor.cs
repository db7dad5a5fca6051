using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using LibraryOutreach.Web.Components.Shared;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// Create or edit a contact. The service's messages appear beside their fields. On a conflict with someone
/// else's save the differences are shown (<see cref="ConflictDialog"/>): "Reload their version" closes this
/// dialog with <see cref="ReloadRequested"/>; "Keep editing" leaves it open. Closes with the contact id on save.
/// </summary>
public partial class ContactDialog
{
    /// <summary>The dialog result data when the person chose to reload the other person's version.</summary>
    public const string ReloadRequested = "reload";

    private MudForm? _form;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private IReadOnlyList<TagChip> _tags = [];
    private IReadOnlyList<StaffOption> _staff = [];
    private int _primaryEmail;
    private int _primaryPhone;
    private string? _formError;
    private bool _loading = true;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The contact being edited; null to create one.</summary>
    [Parameter]
    public Guid? ContactId { get; set; }

    /// <summary>The version loaded with the values in <see cref="Input"/>.</summary>
    [Parameter]
    public Guid Version { get; set; }

    [Parameter]
    public ContactInput Input { get; set; } = new();

    protected override async Task OnInitializedAsync()
    {
        _primaryEmail = Math.Max(0, Input.Emails.FindIndex(e => e.IsPrimary));
        _primaryPhone = Math.Max(0, Input.Phones.FindIndex(p => p.IsPrimary));
        if (Input.Emails.Count == 0)
        {
            Input.Emails.Add(new ContactEmailInput());
        }

        if (Input.Phones.Count == 0)
        {
            Input.Phones.Add(new ContactPhoneInput());
        }

        try
        {
            _tags = await Contacts.ListTagsAsync();
            _staff = await Contacts.ListStaffAsync();
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

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    /// <summary>Shows the service's message for <paramref name="field"/> beside it (linked for screen readers by MudForm).</summary>
    private Func<string?, string?> Check(string field) => _ => ErrorFor(field);

    private string TagName(Guid id) => _tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private void OnTagsChanged(IEnumerable<Guid>? ids) => Input.TagIds = ids?.ToList() ?? [];

    private void AddEmail() => Input.Emails.Add(new ContactEmailInput());

    private void AddPhone() => Input.Phones.Add(new ContactPhoneInput());

    private void RemoveEmail(int index)
    {
        Input.Emails.RemoveAt(index);
        _primaryEmail = _primaryEmail == index ? 0 : _primaryEmail > index ? _primaryEmail - 1 : _primaryEmail;
        _errors = new Dictionary<string, string>();
    }

    private void RemovePhone(int index)
    {
        Input.Phones.RemoveAt(index);
        _primaryPhone = _primaryPhone == index ? 0 : _primaryPhone > index ? _primaryPhone - 1 : _primaryPhone;
        _errors = new Dictionary<string, string>();
    }

    private void Cancel() => MudDialog.Cancel();

    private async Task SaveAsync()
    {
        _formError = null;
        _errors = new Dictionary<string, string>();
        for (var i = 0; i < Input.Emails.Count; i++)
        {
            Input.Emails[i].IsPrimary = i == _primaryEmail;
        }

        for (var i = 0; i < Input.Phones.Count; i++)
        {
            Input.Phones[i].IsPrimary = i == _primaryPhone;
        }

        _saving = true;
        try
        {
            if (ContactId is { } id)
            {
                await Contacts.UpdateAsync(id, Input, Version);
                MudDialog.Close(DialogResult.Ok(id));
            }
            else
            {
                MudDialog.Close(DialogResult.Ok(await Contacts.CreateAsync(Input)));
            }
        }
        catch (RecordValidationException ex)
        {
            _errors = ex.Errors;
            _formError = ex.Errors.GetValueOrDefault("") ?? (ex.Errors.Count == 0 ? ex.Message : "Please correct the fields marked below.");
            if (_form is not null)
            {
                await _form.ValidateAsync();
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            if (await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this contact", ContactText.Field))
            {
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
}
