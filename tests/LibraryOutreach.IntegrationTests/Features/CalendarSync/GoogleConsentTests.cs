using System.Net;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.CalendarSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.CalendarSync;

/// <summary>"Connect Google Calendar" end to end over HTTP: the app, the fake consent screen and token endpoint, and back.</summary>
public class GoogleConsentTests
{
    private static async Task<(HttpResponseMessage Back, Uri Consent)> ConsentAsync(CalendarSyncHarness h, AccountClient browser)
    {
        using var connect = await browser.GetAsync(GoogleConsentEndpoints.ConnectPath);
        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);
        var consent = connect.Headers.Location!;
        using var google = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var fields = System.Web.HttpUtility.ParseQueryString(consent.Query);
        using var form = new FormUrlEncodedContent(fields.AllKeys.Select(k => new KeyValuePair<string, string>(k!, fields[k]!)));
        var approve = await google.PostAsync(new Uri(h.Google.BaseAddress + "o/oauth2/v2/approve"), form);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var back = approve.Headers.Location!;
        return (await browser.GetAsync(back.PathAndQuery), consent);
    }

    [Fact]
    public async Task Connect_ConsentThenCallback_StoresAnEncryptedRefreshTokenAndTheCalendarList()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.Google.AddCalendar("jo@library.example", "Jo Librarian", primary: true);
        h.Google.AddCalendar("branch-events", "Branch events");
        using var browser = new AccountClient(h.App);
        await browser.SignInAsync(h.Owner.Email!);

        var (back, consent) = await ConsentAsync(h, browser);

        var query = System.Web.HttpUtility.ParseQueryString(consent.Query);
        Assert.Equal(h.Google.AuthorizationEndpoint, consent.GetLeftPart(UriPartial.Path));
        Assert.Equal(("offline", "consent", "S256", "code"), (query["access_type"], query["prompt"], query["code_challenge_method"], query["response_type"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Contains("calendar.events.readonly", query["scope"], StringComparison.Ordinal);
        Assert.EndsWith(GoogleConsentEndpoints.CallbackPath, query["redirect_uri"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/calendars?connected=", AccountClient.RedirectTarget(back), StringComparison.Ordinal);

        var connection = await h.App.WithDbAsync(db => db.CalendarConnections.AsNoTracking().Include(c => c.Calendars).SingleAsync());
        Assert.Equal((CalendarConnectionKind.GoogleOAuth, "jo@library.example", CalendarConnectionState.Active, h.Owner.Id),
            (connection.Kind, connection.AccountEmail, connection.State, connection.OwnerId));
        Assert.DoesNotContain("refresh-", connection.ProtectedSecret, StringComparison.Ordinal);
        Assert.StartsWith("refresh-", h.App.Services.GetRequiredService<CalendarSecrets>().TryUnprotect(connection.ProtectedSecret), StringComparison.Ordinal);
        Assert.Equal(["jo@library.example"], connection.Calendars.Where(c => c.IsSelected).Select(c => c.ExternalId));
        Assert.Equal(3, connection.Calendars.Count); // work, jo@…, branch-events
    }

    [Fact]
    public async Task Callback_WithAStateThatDoesNotMatch_IsRefusedAndStoresNothing()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        using var browser = new AccountClient(h.App);
        await browser.SignInAsync(h.Owner.Email!);
        using var connect = await browser.GetAsync(GoogleConsentEndpoints.ConnectPath);

        using var forged = await browser.GetAsync(GoogleConsentEndpoints.CallbackPath + "?code=code-stolen&state=not-the-state");

        Assert.Equal("/calendars?google=expired", AccountClient.RedirectTarget(forged));
        Assert.Equal(0, await h.App.WithDbAsync(db => db.CalendarConnections.CountAsync()));
    }

    [Fact]
    public async Task Consent_WithoutCalendarScopes_LeavesTheConnectionNeedingReconnect()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        h.Google.GrantedScopesOverride = "openid email";
        using var browser = new AccountClient(h.App);
        await browser.SignInAsync(h.Owner.Email!);

        var (back, _) = await ConsentAsync(h, browser);

        Assert.StartsWith("/calendars?connected=", AccountClient.RedirectTarget(back), StringComparison.Ordinal);
        var connection = await h.App.WithDbAsync(db => db.CalendarConnections.AsNoTracking().SingleAsync());
        Assert.Equal(CalendarConnectionState.ReconnectNeeded, connection.State);
        Assert.Contains("without permission to read your calendars", connection.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithoutSignIn_GoesToTheSignInPage()
    {
        await using var h = await CalendarSyncHarness.StartAsync();
        using var browser = new AccountClient(h.App);

        using var response = await browser.GetAsync(GoogleConsentEndpoints.ConnectPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", AccountClient.RedirectTarget(response), StringComparison.Ordinal);
    }
}
