using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace LibraryOutreach.IntegrationTests.Infrastructure;

/// <summary>
/// A browser-like client for the server-rendered pages: keeps cookies, does not follow redirects, and submits
/// Blazor static forms (GET the page, copy its antiforgery token, POST the fields with <c>_handler</c> = form name).
/// </summary>
public sealed partial class AccountClient : IDisposable
{
    public const string AuthCookieName = "LibraryOutreach.Auth";
    private static readonly Uri BaseAddress = new("http://localhost");

    public AccountClient(OutreachAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Http = app.CreateDefaultClient(BaseAddress, new CookieContainerHandler(Cookies));
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>True while the browser holds the sign-in cookie.</summary>
    public bool HasAuthCookie => Cookies.GetCookies(BaseAddress).Any(c => c.Name == AuthCookieName && !c.Expired && c.Value.Length > 0);

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {html}");
        }

        return html;
    }

    /// <summary>GETs <paramref name="url"/> for its antiforgery token, then posts <paramref name="fields"/> as form <paramref name="formName"/> to the same address.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string url, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = AntiforgeryToken(await GetPageAsync(url))
            ?? throw new InvalidOperationException($"The page {url} has no antiforgery token (is form '{formName}' on it?).");
        return await PostFormAsync(url, formName, token, fields);
    }

    /// <summary>Posts a form with a token the caller already has (to race two submissions of one page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string? formName, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (formName is not null)
        {
            all.Add(new("_handler", formName));
        }

        all.AddRange(fields);
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Submits the sign-in form and returns the response (302 on success).</summary>
    public Task<HttpResponseMessage> TrySignInAsync(string email, string password, bool keepSignedIn = false, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var fields = new List<KeyValuePair<string, string>> { new("Input.Email", email), new("Input.Password", password) };
        if (keepSignedIn)
        {
            fields.Add(new("Input.RememberMe", "true"));
        }

        return SubmitFormAsync(url, "login", fields);
    }

    /// <summary>Signs in, or throws with the page's answer.</summary>
    public async Task SignInAsync(string email, string password = OutreachAppFactory.DefaultPassword)
    {
        using var response = await TrySignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || !HasAuthCookie)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Where a redirect points, as a local path and query ("/account/login?x=y"); null if not a redirect.</summary>
    public static string? RedirectTarget(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The value of the page's <c>__RequestVerificationToken</c> hidden input, or null.</summary>
    public static string? AntiforgeryToken(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
            {
                var value = ValueAttribute().Match(input.Value);
                return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
            }
        }

        return null;
    }

    /// <summary>The page's <c>&lt;main&gt;</c> element: what the person sees, without per-request framework markup.</summary>
    public static string MainContent(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[start..(end + "</main>".Length)] : html;
    }

    /// <summary>The texts of elements with <c>class="validation-message"</c> (messages beside fields).</summary>
    public static IReadOnlyList<string> ValidationMessages(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return ValidationMessage().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<div class=\"validation-message\"[^>]*>([^<]*)</div>")]
    private static partial Regex ValidationMessage();
}
