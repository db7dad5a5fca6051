using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LibraryOutreach.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Endpoints the server-rendered account pages post to.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Sign-out form posts (the user menu, and the page a GET of /account/logout shows). Ordered before the page's
        // own POST handling; the antiforgery token is checked here because no form field is bound.
        endpoints.MapPost("/account/logout", async (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<StaffUser> signInManager) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                await signInManager.SignOutAsync();
                return Results.LocalRedirect("~/account/login?status=signed-out");
            })
            .AllowAnonymous()
            .WithOrder(-1);
        return endpoints;
    }
}
