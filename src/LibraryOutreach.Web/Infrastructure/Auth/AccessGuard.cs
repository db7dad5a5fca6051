using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace LibraryOutreach.Web.Infrastructure.Auth;

/// <summary>Thrown by services when the current user lacks the permission for an operation.</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
        : base("You do not have permission to do that.")
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Services call this before doing anything a policy restricts: the UI is not the security boundary.</summary>
public sealed class AccessGuard(CurrentUser currentUser, IAuthorizationService authorizationService)
{
    /// <summary>Returns the current principal when it satisfies <paramref name="policy"/>; throws <see cref="AccessDeniedException"/> otherwise.</summary>
    public async Task<ClaimsPrincipal> RequireAsync(string policy)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var result = await authorizationService.AuthorizeAsync(principal, policy);
        if (!result.Succeeded)
        {
            throw new AccessDeniedException();
        }

        return principal;
    }

    public async Task<bool> IsAllowedAsync(string policy)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return (await authorizationService.AuthorizeAsync(principal, policy)).Succeeded;
    }
}
