using System.Net;
using System.Text.RegularExpressions;

namespace LibraryOutreach.Benchmarks.Features.SystemScale;

/// <summary>
/// A browser-like HTTP client for the server-rendered pages, as the integration tests' <c>AccountClient</c> does it:
/// keeps cookies, follows no redirects, and signs in with the real sign-in form (GET it, copy its antiforgery token,
/// POST the fields with <c>_handler=login</c>).
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public SignedInClient(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http { get; }

    /// <summary>Signs in, or throws with the page's answer.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var login = new Uri("account/login", UriKind.Relative);
        var page = await Http.GetStringAsync(login);
        var token = AntiforgeryToken().Match(page) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await Http.PostAsync(login, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>GETs a page and reads the whole body; throws unless it is a 200 (a redirect to the sign-in page is not).</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return body;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryToken();
}
