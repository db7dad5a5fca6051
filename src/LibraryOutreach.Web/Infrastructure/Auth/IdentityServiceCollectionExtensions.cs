using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Infrastructure.Auth;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>ASP.NET Core Identity with EF stores, cookie sign-in, the three roles and the app's policies.</summary>
    public static IHostApplicationBuilder AddOutreachIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<LibraryOutreach.Data.Auditing.IAuditUserProvider>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<AccessGuard>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "LibraryOutreach.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = auth.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.SecurePolicy = auth.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        // Cookie-authenticated requests re-check the security stamp this often (deactivation and role changes renew it).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(auth.RevalidationIntervalSeconds));

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" = active; see ActiveStaffConfirmation
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OutreachDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<IUserConfirmation<StaffUser>, ActiveStaffConfirmation>();

        services.AddAuthorization(o => o.AddOutreachPolicies());
        return builder;
    }
}

/// <summary>Adds the display name claim so pages and the audit log can name the person.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<IdentityRole> roleManager,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new System.Security.Claims.Claim(StaffClaimTypes.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>Only active accounts may sign in: a deactivated account gets "not allowed".</summary>
public sealed class ActiveStaffConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.IsActive);
    }
}
