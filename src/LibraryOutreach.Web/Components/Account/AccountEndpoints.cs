using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LibraryOutreach.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Endpoints the server-rendered account pages post to.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/account/logout", async ([FromServices] SignInManager<StaffUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
        return endpoints;
    }
}
