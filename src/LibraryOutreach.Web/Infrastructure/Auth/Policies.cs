using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace LibraryOutreach.Web.Infrastructure.Auth;

/// <summary>
/// Authorization policies, used on pages (<c>[Authorize(Policy = ...)]</c>) and checked again in services
/// through <see cref="AccessGuard"/>. See docs/permissions.md.
/// </summary>
public static class Policies
{
    /// <summary>Staff accounts, roles and settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Edit all outreach records, run reports: Admin or Supervisor.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Any signed-in staff member with a role.</summary>
    public const string Staff = "Staff";

    public static void AddOutreachPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Supervisor));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Supervisor, Roles.Staff));

        // Every endpoint and page requires a signed-in user unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
