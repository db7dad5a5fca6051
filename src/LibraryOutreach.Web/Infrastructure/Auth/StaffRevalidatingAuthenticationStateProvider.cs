using System.Security.Claims;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Infrastructure.Auth;

/// <summary>
/// Re-checks the signed-in person on every open circuit every <see cref="AuthOptions.RevalidationIntervalSeconds"/>
/// (default 60 s): a deactivated account, or a changed role or password (both change the security stamp),
/// signs the circuit out.
/// </summary>
public sealed class StaffRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identityOptions,
    IOptions<AuthOptions> authOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, authOptions.Value.RevalidationIntervalSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await IsStillValidAsync(userManager, authenticationState.User, identityOptions.Value);
    }

    internal static async Task<bool> IsStillValidAsync(UserManager<StaffUser> userManager, ClaimsPrincipal principal, IdentityOptions options)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
