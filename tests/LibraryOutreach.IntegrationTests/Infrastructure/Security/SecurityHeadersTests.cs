using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Security;

public sealed class SecurityAppFixture : IAsyncLifetime
{
    public OutreachAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await OutreachAppFactory.CreateAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class SecurityHeadersTests(SecurityAppFixture fixture) : IClassFixture<SecurityAppFixture>
{
    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/audit", HttpStatusCode.Redirect)]
    [InlineData("/favicon.svg", HttpStatusCode.OK)]
    public async Task EveryResponse_CarriesSecurityHeaders(string path, HttpStatusCode expectedStatus)
    {
        using var response = await fixture.App.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expectedStatus, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public void AuthCookie_IsHttpOnlyAndLax_SecureFollowsRequestWhenSecureCookiesOff()
    {
        var cookie = fixture.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;

        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
    }

    [Fact]
    public async Task AuthCookie_SecureCookiesOn_IsAlwaysSecure()
    {
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Auth:SecureCookies"] = "true" });
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        var cookie = monitor.Get(IdentityConstants.ApplicationScheme).Cookie;

        Assert.True(cookie.HttpOnly);
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, monitor.Get(IdentityConstants.ExternalScheme).Cookie.SecurePolicy);
    }
}
