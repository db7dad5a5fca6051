using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Google.Apis.Services;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.CalendarSync.Google;

/// <summary>
/// Builds Google clients from the settings: the OAuth flow (consent, code exchange, refresh, revoke) and Calendar
/// services authorised by a person's refresh token or by the Workspace service account impersonating a staff member.
/// Every endpoint comes from <see cref="GoogleOptions"/>. Tokens live in the library's database (encrypted), never in
/// Google.Apis' own data store.
/// </summary>
public sealed class GoogleClients(IOptions<CalendarSyncOptions> options)
{
    private GoogleOptions Google => options.Value.Google;

    public bool OAuthConfigured => Google.IsConfigured;

    public bool ServiceAccountConfigured => !string.IsNullOrWhiteSpace(Google.ServiceAccountKeyFile);

    public GoogleAuthorizationCodeFlow CreateFlow()
    {
        if (!Google.IsConfigured)
        {
            throw new InvalidOperationException("Google sign-in is not set up: CalendarSync:Google:ClientId and ClientSecret are needed.");
        }

        return new GoogleAuthorizationCodeFlow(new EndpointsInitializer(Google.AuthorizationEndpoint, Google.TokenEndpoint, Google.RevokeEndpoint)
        {
            ClientSecrets = new ClientSecrets { ClientId = Google.ClientId, ClientSecret = Google.ClientSecret },
            Scopes = GoogleOptions.Scopes,
            IncludeGrantedScopes = true,
        });
    }

    /// <summary>A Calendar client that renews its access token from <paramref name="refreshToken"/> (and again on a 401).</summary>
    public GoogleCalendarService ForRefreshToken(string refreshToken)
    {
        var credential = new UserCredential(CreateFlow(), "connection", new TokenResponse { RefreshToken = refreshToken });
        return Create(credential);
    }

    /// <summary>A Calendar client acting as <paramref name="staffEmail"/> through the Workspace service account's delegation.</summary>
    public GoogleCalendarService ForServiceAccount(string staffEmail)
    {
        var path = Google.ServiceAccountKeyFile;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new CalendarSyncConfigurationException("The Workspace service account's key file (CalendarSync:Google:ServiceAccountKeyFile) was not found.");
        }

        ServiceAccountKey key;
        try
        {
            key = JsonSerializer.Deserialize<ServiceAccountKey>(File.ReadAllText(path)) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            throw new CalendarSyncConfigurationException("The Workspace service account's key file is not a Google JSON key.", ex);
        }

        if (string.IsNullOrWhiteSpace(key.client_email) || string.IsNullOrWhiteSpace(key.private_key))
        {
            throw new CalendarSyncConfigurationException("The Workspace service account's key file has no client_email or private_key.");
        }

        var credential = new ServiceAccountCredential(
            new ServiceAccountCredential.Initializer(key.client_email, Google.TokenEndpoint)
            {
                User = staffEmail,
                Scopes = GoogleOptions.Scopes,
            }.FromPrivateKey(key.private_key));
        return Create(credential);
    }

    /// <summary>A Calendar client on a fresh access token (just after consent).</summary>
    public GoogleCalendarService ForAccessToken(string accessToken) => Create(GoogleCredential.FromAccessToken(accessToken));

    private GoogleCalendarService Create(IConfigurableHttpClientInitializer credential) => new(new BaseClientService.Initializer
    {
        HttpClientInitializer = credential,
        BaseUri = Google.ApiBaseUri,
        ApplicationName = "LibraryOutreach",
        // The sync does its own back-off (Retry-After, Google's schedule); the library's would retry 503s out of sight.
        DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        GZipEnabled = false,
    });

    /// <summary>The flow's initializer with the endpoints from the settings (its base class only exposes them to subclasses).</summary>
    private sealed class EndpointsInitializer(string authorization, string token, string revoke)
        : GoogleAuthorizationCodeFlow.Initializer(authorization, token, revoke);

#pragma warning disable IDE1006, CA1812 // The key file's own field names; made by the JSON serializer.
    private sealed record ServiceAccountKey(string? client_email, string? private_key);
#pragma warning restore IDE1006, CA1812
}

/// <summary>The calendar sync's settings don't allow what was asked (no key file, no OAuth client).</summary>
public sealed class CalendarSyncConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
