using System.Reflection;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Auth;

/// <summary>Every page of the app, found by reflection, so that a new page is covered without being listed.</summary>
public static class RoutableComponents
{
    /// <summary>Pages meant to be public. Adding one here is a deliberate, reviewed decision.</summary>
    public static readonly IReadOnlySet<string> PublicRoutes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/account/login",
        "/account/logout",
        "/account/forgot-password",
        "/account/reset-password",
        "/account/lockout",
        "/account/access-denied",
        "/account/accept-invitation",
        "/setup",
        "/not-found",
        "/error",
    };

    public sealed record Page(Type Component, string Route, bool AllowsAnonymous, string? Policy)
    {
        public override string ToString() => $"{Route} ({Component.Name})";
    }

    public static IReadOnlyList<Page> All() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new Page(
                t,
                r.Template,
                t.GetCustomAttribute<AllowAnonymousAttribute>() is not null,
                t.GetCustomAttribute<AuthorizeAttribute>()?.Policy)))
            .OrderBy(p => p.Route, StringComparer.Ordinal)
            .ToList();

    /// <summary>A concrete URL for a route template: parameters get a harmless value.</summary>
    public static string UrlFor(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "00000000-0000-0000-0000-000000000000");

    /// <summary>Roles that a policy must refuse.</summary>
    public static IReadOnlyList<string> RolesRefusedBy(string? policy) => policy switch
    {
        Policies.Admin => [LibraryOutreach.Data.Entities.Roles.Supervisor, LibraryOutreach.Data.Entities.Roles.Staff],
        Policies.Supervisor => [LibraryOutreach.Data.Entities.Roles.Staff],
        _ => [],
    };
}
