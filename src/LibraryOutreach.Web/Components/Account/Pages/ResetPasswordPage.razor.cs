using System.ComponentModel.DataAnnotations;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Components.Account.Pages;

public sealed partial class ResetPasswordPage
{
    private EditContext editContext = default!;
    private ValidationMessageStore serverErrors = default!;
    private StaffUser? user;
    private string? token;
    private string? email;
    private bool linkInvalid;
    private string? errorMessage;

    [Inject]
    private UserManager<StaffUser> UserManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<ResetPasswordPage> Logger { get; set; } = default!;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? UserId { get; set; }

    [SupplyParameterFromQuery]
    private string? Code { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        editContext = new EditContext(Input);
        serverErrors = new ValidationMessageStore(editContext);

        token = PasswordResetLinks.DecodeCode(Code);
        user = string.IsNullOrEmpty(UserId) ? null : await UserManager.FindByIdAsync(UserId);
        var valid = user is not null && token is not null && await UserManager.VerifyUserTokenAsync(
            user, UserManager.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, token);
        email = valid ? user!.Email : null;

        // A posted form must still be on the page to receive the submit; the handler reports the bad link.
        linkInvalid = !valid && HttpMethods.IsGet(HttpContext.Request.Method);
    }

    private async Task ResetAsync()
    {
        if (user is null || token is null || email is null)
        {
            linkInvalid = true;
            return;
        }

        if (!editContext.Validate())
        {
            return;
        }

        var result = await UserManager.ResetPasswordAsync(user, token, Input.Password);
        if (result.Succeeded)
        {
            // Proving the reset link is proof enough: lift a lockout from earlier wrong guesses.
            await UserManager.SetLockoutEndDateAsync(user, null);
            await UserManager.ResetAccessFailedCountAsync(user);
            Logger.LogInformation("User {UserId} reset their password with a reset link", user.Id);
            Navigation.RedirectTo("/account/login", new Dictionary<string, object?> { ["status"] = "password-reset" });
            return;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            linkInvalid = true;
            return;
        }

        errorMessage = PasswordRules.ShowErrors(result.Errors, serverErrors, () => Input.Password);
        editContext.NotifyValidationStateChanged();
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a new password.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(Password), ErrorMessage = PasswordRules.MismatchMessage)]
        public string ConfirmPassword { get; set; } = "";
    }
}
