using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Infrastructure.Auth;

/// <summary>
/// Identity's sign-in manager with two additions: every real sign-in (password, setup, invitation) records
/// <see cref="StaffUser.LastSignInAt"/>, and a deactivated account is reported as "not allowed" only to someone
/// who knows its password (wrong guesses count toward lockout as usual), so the answer never tells a stranger
/// which emails belong to deactivated accounts.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    TimeProvider timeProvider)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(StaffUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsActive)
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }

        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        if (await UserManager.CheckPasswordAsync(user, password))
        {
            return SignInResult.NotAllowed;
        }

        if (lockoutOnFailure && UserManager.SupportsUserLockout)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return SignInResult.LockedOut;
            }
        }

        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(StaffUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
        }

        return result;
    }

    /// <summary>Explicit sign-ins (first-run setup, accepting an invitation). Not called by <see cref="SignInManager{TUser}.RefreshSignInAsync"/>.</summary>
    public override async Task SignInAsync(StaffUser user, AuthenticationProperties authenticationProperties, string? authenticationMethod = null)
    {
        await base.SignInAsync(user, authenticationProperties, authenticationMethod);
        await RecordSignInAsync(user);
    }

    private async Task RecordSignInAsync(StaffUser user)
    {
        user.LastSignInAt = timeProvider.GetUtcNow();
        var updated = await UserManager.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            Logger.LogWarning("Could not record the sign-in time for user {UserId}: {Errors}", user.Id, string.Join("; ", updated.Errors.Select(e => e.Code)));
        }
    }
}
