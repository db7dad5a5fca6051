using Microsoft.AspNetCore.Components;

namespace LibraryOutreach.Web.Components.Account;

/// <summary>
/// Redirects from server-rendered account pages, only ever to addresses inside this app. The project sets
/// <c>BlazorDisableThrowNavigationException</c>, so code after a redirect still runs: return right after.
/// </summary>
public static class AccountRedirects
{
    /// <summary>Redirects to <paramref name="uri"/> if it is a local path, otherwise to the home page (no open redirects).</summary>
    public static void RedirectToLocal(this NavigationManager navigation, string? uri)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        navigation.NavigateTo(IsLocalUrl(uri) ? uri! : "/");
    }

    /// <summary>Redirects to a path inside the app, with optional query parameters.</summary>
    public static void RedirectTo(this NavigationManager navigation, string path, IReadOnlyDictionary<string, object?>? query = null)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (!IsLocalUrl(path))
        {
            throw new ArgumentException("Only local paths are allowed.", nameof(path));
        }

        var target = query is null ? path : navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).GetLeftPart(UriPartial.Path), query);
        navigation.NavigateTo(target);
    }

    /// <summary>
    /// A path on this site: starts with one "/" (not "//" or "/\") or "~/", and has no control characters.
    /// Same rule as ASP.NET Core's <c>IUrlHelper.IsLocalUrl</c>.
    /// </summary>
    public static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        if (url[0] == '~' && url.Length > 1 && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\');
        }

        return false;
    }
}
