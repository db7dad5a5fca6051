using System.ComponentModel.DataAnnotations;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Components.Account.Pages;

public sealed partial class ChangePasswordPage
{
    private EditContext editContext = default!;
    private ValidationMessageStore serverErrors = default!;
    private string? errorMessage;

    [Inject]
    private UserManager<StaffUser> UserManager { get; set; } = default!;

    [Inject]
    private SignInManager<StaffUser> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<ChangePasswordPage> Logger { get; set; } = default!;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? Status { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    protected override void OnInitialized()
    {
        Input ??= new();
        editContext = new EditContext(Input);
        serverErrors = new ValidationMessageStore(editContext);
    }

    private async Task ChangeAsync()
    {
        var user = await UserManager.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            Navigation.RedirectTo("/account/login");
            return;
        }

        var result = await UserManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (result.Succeeded)
        {
            // The security stamp changed: renew this browser's cookie (other sessions are signed out within a minute).
            await SignInManager.RefreshSignInAsync(user);
            Logger.LogInformation("User {UserId} changed their password", user.Id);
            Navigation.RedirectTo("/account/change-password", new Dictionary<string, object?> { ["status"] = "changed" });
            return;
        }

        // A wrong current password is Identity's "PasswordMismatch": show it beside that field.
        var wrongCurrent = result.Errors.Where(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)).ToList();
        if (wrongCurrent.Count > 0)
        {
            serverErrors.Add(() => Input.CurrentPassword, "The current password is incorrect.");
        }

        errorMessage = PasswordRules.ShowErrors(result.Errors.Except(wrongCurrent), serverErrors, () => Input.NewPassword);
        editContext.NotifyValidationStateChanged();
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = PasswordRules.MismatchMessage)]
        public string ConfirmPassword { get; set; } = "";
    }
}
