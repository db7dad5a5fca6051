using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Apis.Auth.OAuth2.Requests;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util;
using LibraryOutreach.Web.Features.CalendarSync.Google;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.CalendarSync;

/// <summary>
/// "Connect Google Calendar": <c>/calendars/google/connect</c> sends the signed-in person to Google's consent screen
/// (offline access, consent prompt, a random <c>state</c> and a PKCE S256 challenge); <c>/calendars/google/callback</c>
/// checks the state against the short-lived encrypted cookie set on the way out (same person, not expired), exchanges
/// the code with the PKCE verifier, and stores the connection. Both need sign-in.
/// </summary>
public static class GoogleConsentEndpoints
{
    public const string ConnectPath = "/calendars/google/connect";
    public const string CallbackPath = "/calendars/google/callback";
    private const string CookieName = "LibraryOutreach.GoogleConsent";
    private static readonly TimeSpan ConsentLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapGoogleConsentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConnectPath, Connect).RequireAuthorization(Policies.Staff);
        endpoints.MapGet(CallbackPath, CallbackAsync).RequireAuthorization(Policies.Staff);
        return endpoints;
    }

    private static IResult Connect(
        HttpContext context,
        [FromServices] CalendarConnectionService connections,
        [FromServices] GoogleClients google,
        [FromServices] IDataProtectionProvider protection,
        [FromServices] IOptions<AuthOptions> auth,
        [FromServices] TimeProvider time)
    {
        if (!google.OAuthConfigured)
        {
            return Results.LocalRedirect("~/calendars?google=not-configured");
        }

        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var pending = new PendingConsent(state, verifier, UserId(context), time.GetUtcNow() + ConsentLifetime);
        context.Response.Cookies.Append(CookieName, Protector(protection).Protect(JsonSerializer.Serialize(pending)), new CookieOptions
        {
            HttpOnly = true,
            Secure = auth.Value.SecureCookies,
            SameSite = SameSiteMode.Lax, // Google's redirect back is a top-level GET: Lax cookies go with it
            Path = "/calendars/google",
            MaxAge = ConsentLifetime,
            IsEssential = true,
        });
        var email = context.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? context.User.Identity?.Name;
        return Results.Redirect(connections.ConsentUri(RedirectUri(context.Request), state, challenge, email).AbsoluteUri);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context,
        [FromServices] CalendarConnectionService connections,
        [FromServices] CurrentUser currentUser,
        [FromServices] GoogleClients google,
        [FromServices] IDataProtectionProvider protection,
        [FromServices] IOptions<CalendarSyncOptions> options,
        [FromServices] TimeProvider time,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(GoogleConsentEndpoints));
        var query = context.Request.Query;
        var pending = ReadPending(context, protection);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/calendars/google" });
        if (pending is null || pending.ExpiresAt < time.GetUtcNow() || pending.UserId != UserId(context)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(pending.State), Encoding.ASCII.GetBytes(query["state"].ToString())))
        {
            logger.LogWarning("Google consent callback refused: state missing, expired, of another person or not matching");
            return Results.LocalRedirect("~/calendars?google=expired");
        }

        if (!string.IsNullOrEmpty(query["error"]))
        {
            return Results.LocalRedirect(query["error"] == "access_denied" ? "~/calendars?google=denied" : "~/calendars?google=failed");
        }

        var code = query["code"].ToString();
        if (code.Length == 0)
        {
            return Results.LocalRedirect("~/calendars?google=failed");
        }

        TokenResponse token;
        try
        {
            var flow = google.CreateFlow();
            var request = new AuthorizationCodeTokenRequest
            {
                Code = code,
                RedirectUri = RedirectUri(context.Request),
                CodeVerifier = pending.Verifier,
                ClientId = options.Value.Google.ClientId,
                ClientSecret = options.Value.Google.ClientSecret,
            };
            token = await request.ExecuteAsync(flow.HttpClient, options.Value.Google.TokenEndpoint, cancellationToken, SystemClock.Default);
        }
        catch (TokenResponseException ex)
        {
            logger.LogWarning("Google refused the consent code ({Error})", ex.Error?.Error);
            return Results.LocalRedirect("~/calendars?google=failed");
        }

        currentUser.RunAs(context.User);
        try
        {
            var id = await connections.CompleteGoogleConsentAsync(token, cancellationToken);
            return Results.LocalRedirect($"~/calendars?connected={id}");
        }
        catch (RecordValidationException)
        {
            return Results.LocalRedirect("~/calendars?google=no-refresh-token");
        }
    }

    /// <summary>
    /// The address Google sends the person back to, on the address they use (behind a reverse proxy, the forwarded
    /// headers make it the public one), as ASP.NET Core's own OAuth handlers do: register it in the Google Cloud console.
    /// </summary>
    public static string RedirectUri(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}";
    }

    private static PendingConsent? ReadPending(HttpContext context, IDataProtectionProvider protection)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingConsent>(Protector(protection).Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("LibraryOutreach.CalendarSync.GoogleConsent.v1");

    private static string UserId(HttpContext context) =>
        context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record PendingConsent(string State, string Verifier, string UserId, DateTimeOffset ExpiresAt);
}
