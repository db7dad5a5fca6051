using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>
/// Email, name and role of the person to invite. Checks the fields as they are filled in, and shows the
/// service's answers (email already used, limit reached) beside the field or at the top.
/// Closes with an <see cref="InvitationSent"/>.
/// </summary>
public partial class InviteStaffDialog
{
    private readonly Dictionary<string, (string? Value, string Message)> _serverErrors = new(StringComparer.Ordinal);
    private MudForm _form = default!;
    private string? _email;
    private string? _name;
    private string _role = Roles.Staff;
    private string? _formError;
    private bool _submitting;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    private IInvitationService Invitations { get; set; } = default!;

    /// <summary>The address links start with (the one the browser used).</summary>
    [Parameter]
    [EditorRequired]
    public string BaseUri { get; set; } = "";

    [Parameter]
    public bool EmailConfigured { get; set; }

    internal static string RoleDescription(string? role) => role switch
    {
        Roles.Admin => "Admins manage staff and settings, and can do everything else.",
        Roles.Supervisor => "Supervisors create and edit all outreach records and run reports.",
        _ => "Staff create records, edit their own, and read everything.",
    };

    private string? ValidateEmail(string? value) =>
        StaffValidation.EmailError(value) ?? ServerError(nameof(InviteStaffRequest.Email), value);

    private string? ValidateName(string? value) =>
        StaffValidation.NameError(value) ?? ServerError(nameof(InviteStaffRequest.DisplayName), value);

    private string? ValidateRole(string? value) =>
        (Roles.IsValid(value) ? null : StaffValidation.RoleInvalid) ?? ServerError(nameof(InviteStaffRequest.Role), value);

    /// <summary>A message from the service, shown while the field still holds the value it was about.</summary>
    private string? ServerError(string field, string? value) =>
        _serverErrors.TryGetValue(field, out var error) && string.Equals(error.Value, value, StringComparison.Ordinal) ? error.Message : null;

    private async Task SubmitAsync()
    {
        _formError = null;
        _serverErrors.Clear();
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _submitting = true;
        try
        {
            var request = new InviteStaffRequest(_email ?? "", _name ?? "", _role);
            var created = await Invitations.InviteAsync(request, BaseUri, CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(new InvitationSent(request.Email.Trim(), request.DisplayName.Trim(), created)));
        }
        catch (StaffValidationException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                var value = field switch
                {
                    nameof(InviteStaffRequest.Email) => _email,
                    nameof(InviteStaffRequest.DisplayName) => _name,
                    nameof(InviteStaffRequest.Role) => _role,
                    _ => null,
                };
                if (field == StaffValidationException.FormField || value is null)
                {
                    _formError = message;
                }
                else
                {
                    _serverErrors[field] = (value, message);
                }
            }

            await _form.ValidateAsync();
        }
        catch (Exception ex) when (ex is StaffLimitReachedException or AccessDeniedException)
        {
            _formError = ex.Message;
        }
        finally
        {
            _submitting = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();
}
