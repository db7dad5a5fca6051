using System.ComponentModel.DataAnnotations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Features.Setup;

/// <summary>First-run setup (<c>/setup?token=…</c>): creates the first Admin and signs them in.</summary>
public sealed partial class SetupPage
{
    private EditContext editContext = default!;
    private ValidationMessageStore serverErrors = default!;
    private SetupState state;
    private string? errorMessage;
    private bool statusCodeSet;

    [Inject]
    private SetupService Setup { get; set; } = default!;

    [Inject]
    private UserManager<StaffUser> UserManager { get; set; } = default!;

    [Inject]
    private SignInManager<StaffUser> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? Token { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        editContext = new EditContext(Input);
        serverErrors = new ValidationMessageStore(editContext);

        // A posted form must still be on the page to receive the submit; the handler checks the state again.
        state = HttpMethods.IsGet(HttpContext.Request.Method)
            ? await Setup.GetStateAsync(Token, HttpContext.RequestAborted)
            : SetupState.Ready;
        SetStatusCode();
    }

    private async Task CreateAsync()
    {
        state = await Setup.GetStateAsync(Token, HttpContext.RequestAborted);
        if (state != SetupState.Ready)
        {
            SetStatusCode();
            return;
        }

        if (!editContext.Validate())
        {
            return;
        }

        var email = Input.Email.Trim();
        var draft = new StaffUser { Email = email, UserName = email, DisplayName = Input.DisplayName.Trim() };
        var passwordErrors = await PasswordRules.ValidateAsync(UserManager, draft, Input.Password);
        if (passwordErrors.Count > 0)
        {
            foreach (var error in passwordErrors)
            {
                serverErrors.Add(() => Input.Password, error);
            }

            editContext.NotifyValidationStateChanged();
            return;
        }

        var result = await Setup.CreateFirstAdminAsync(Token, email, Input.DisplayName, Input.Password, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            state = result.State;
            errorMessage = result.Errors.Count > 0 ? string.Join(" ", result.Errors) : null;
            SetStatusCode();
            return;
        }

        var user = await UserManager.FindByIdAsync(result.UserId!);
        if (user is not null)
        {
            await SignInManager.SignInAsync(user, isPersistent: false);
        }

        Navigation.RedirectToLocal("/");
    }

    private void SetStatusCode()
    {
        if (state == SetupState.Ready || statusCodeSet)
        {
            return;
        }

        // Answer 404 with this page's own message. Set when the response starts: a status changed during rendering
        // makes Blazor hand the request to the status-code-pages middleware, which would show the generic page.
        statusCodeSet = true;
        var response = HttpContext.Response;
        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
            }

            return Task.CompletedTask;
        });
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@library.org.")]
        [StringLength(256, ErrorMessage = "Keep the email address under 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the password again.")]
        [Compare(nameof(Password), ErrorMessage = PasswordRules.MismatchMessage)]
        public string ConfirmPassword { get; set; } = "";
    }
}
