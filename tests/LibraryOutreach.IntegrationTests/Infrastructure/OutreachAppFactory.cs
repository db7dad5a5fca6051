using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real database (a temporary SQLite file, or a fresh PostgreSQL database), migrated
/// by the app's own start-up. Create one per test class (IClassFixture) or per test with <see cref="CreateAsync"/>.
/// </summary>
public class OutreachAppFactory : WebApplicationFactory<Program>
{
    public const string DefaultPassword = "correct-library-card-staple";

    private readonly Dictionary<string, string?> _extraSettings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _extraServices = [];

    public OutreachAppFactory(TestDatabase database)
    {
        Database = database;
        ClientOptions.AllowAutoRedirect = false;
    }

    public TestDatabase Database { get; }

    /// <summary>Everything the app logged, as the console shows it.</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>Starts a host on a new SQLite (default) or PostgreSQL database. Dispose the factory to delete it.</summary>
    public static async Task<OutreachAppFactory> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var factory = new OutreachAppFactory(await TestDatabase.CreateAsync(provider));
        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                factory._extraSettings[key] = value;
            }
        }

        _ = factory.Server; // start the host: runs migrations
        return factory;
    }

    /// <summary>Adds a setting before the host starts.</summary>
    public OutreachAppFactory WithSetting(string key, string? value)
    {
        _extraSettings[key] = value;
        return this;
    }

    /// <summary>Changes the app's services (after its own registrations) before the host starts.</summary>
    public OutreachAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _extraServices.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:SecureCookies", "false");
        // The reminder worker would run on the real clock in every test host; its tests run ReminderService directly.
        builder.UseSetting("Reminders:Enabled", "false");
        // Likewise the health refresh worker; reads refresh stale rows themselves.
        builder.UseSetting("Health:RefreshWorkerEnabled", "false");
        // Serilog's ReadFrom.Services picks up sinks registered in DI.
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Log));
        foreach (var (key, value) in _extraSettings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var configure in _extraServices)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>Runs <paramref name="action"/> with a short-lived context, as the system.</summary>
    public async Task<T> WithDbAsync<T>(Func<OutreachDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await action(db);
    }

    public Task WithDbAsync(Func<OutreachDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    /// <summary>Creates an active account with a role, straight through Identity (as the system).</summary>
    public async Task<StaffUser> CreateUserAsync(string email, string role = Roles.Staff, string? displayName = null, string password = DefaultPassword)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A DI scope whose <see cref="CurrentUser"/> acts as <paramref name="user"/> with <paramref name="role"/>, for calling services directly.</summary>
    public AsyncServiceScope ScopeAs(StaffUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scope = Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.UserName ?? user.Id),
                new Claim(StaffClaimTypes.DisplayName, user.DisplayName),
                new Claim(ClaimTypes.Role, role),
            ],
            "Test");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(new ClaimsPrincipal(identity));
        return scope;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
