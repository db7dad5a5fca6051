using System.Security.Claims;
using LibraryOutreach.Data.Auditing;
using Microsoft.AspNetCore.Components.Authorization;

namespace LibraryOutreach.Web.Infrastructure.Auth;

/// <summary>
/// The person using the app in this scope (a Blazor circuit, a server-rendered request), read from
/// <see cref="AuthenticationStateProvider"/>. Background work and CLI verbs run as the system, or as
/// the account set with <see cref="RunAs"/>.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider) : IAuditUserProvider
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private ClaimsPrincipal? _override;

    /// <summary>Acts as <paramref name="principal"/> for the rest of this scope (CLI verbs, tests).</summary>
    public void RunAs(ClaimsPrincipal principal) => _override = principal;

    public async Task<ClaimsPrincipal> GetPrincipalAsync()
    {
        if (_override is not null)
        {
            return _override;
        }

        try
        {
            var state = await authenticationStateProvider.GetAuthenticationStateAsync();
            return state.User;
        }
        catch (InvalidOperationException)
        {
            // No authentication state in this scope: a background worker or a CLI verb.
            return Anonymous;
        }
    }

    public async Task<string?> GetUserIdAsync() =>
        (await GetPrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier);

    async ValueTask<AuditUser> IAuditUserProvider.GetCurrentAsync(CancellationToken cancellationToken)
    {
        var principal = await GetPrincipalAsync();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return AuditUser.System;
        }

        var name = principal.FindFirstValue(StaffClaimTypes.DisplayName) ?? principal.Identity?.Name ?? id;
        return new AuditUser(id, name);
    }
}
