using System.Security.Claims;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LibraryOutreach.Benchmarks.Infrastructure;

/// <summary>
/// The app's own services on a SQLite file in <see cref="Directory"/> (its <c>outreach.db</c>): built with
/// <see cref="OutreachServiceRegistration.AddOutreachCore"/>, the composition the web host and the CLI verbs use, so
/// services get the real <c>IDbContextFactory</c>, interceptors (stamps, audit), <c>TimeProvider</c>, authorization
/// and <see cref="CurrentUser"/>. No web UI, no hosted services, no log providers (logging costs nothing here), and no
/// appsettings or environment variables: only the data directory is configured. <c>OUTREACH_BENCH_SQL=1</c> prints every
/// SQL command with its time (for looking at query shapes, not while measuring).
/// </summary>
public sealed class BenchmarkApp : IDisposable
{
    private readonly IHost _host;

    private BenchmarkApp(string directory, IHost host)
    {
        Directory = directory;
        _host = host;
    }

    /// <summary>The data directory; the database is <see cref="DatabasePath"/>.</summary>
    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "outreach.db");

    public IServiceProvider Services => _host.Services;

    public static BenchmarkApp Create(string directory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = typeof(OutreachServiceRegistration).Assembly.GetName().Name,
            ContentRootPath = directory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = directory,
            ["Database:Provider"] = "Sqlite",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("OUTREACH_BENCH_SQL") == "1")
        {
            // For looking at query shapes: every SQL command and its time, on the console.
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter((category, level) => category == "Microsoft.EntityFrameworkCore.Database.Command" && level >= LogLevel.Information);
        }

        builder.AddOutreachCore();
        // As in the CLI: some web services cannot be built without the web host, so no build-time validation.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        return new BenchmarkApp(directory, builder.Build());
    }

    /// <summary>A scope (like one Blazor circuit) acting as a signed-in staff member with <paramref name="role"/>.</summary>
    public AsyncServiceScope ScopeAs(string userId, string displayName, string role)
    {
        var scope = _host.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId),
                new Claim(ClaimTypes.Name, displayName),
                new Claim(StaffClaimTypes.DisplayName, displayName),
                new Claim(ClaimTypes.Role, role),
            ],
            authenticationType: "Benchmark");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(new ClaimsPrincipal(identity));
        return scope;
    }

    public void Dispose()
    {
        _host.Dispose();
        // Leave no pooled handle on the file: the next iteration may replace it.
        SqliteConnection.ClearAllPools();
    }
}
