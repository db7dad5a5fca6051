using System.Security.Claims;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Serilog;
using Serilog.Events;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>
/// The services a verb runs on: a host with the app's own configuration and core services
/// (<see cref="OutreachServiceRegistration.AddOutreachCore"/>), and a scope acting as the system with Admin rights.
/// Audit entries written by a verb name "system (command line)".
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    public const string AuditName = "system (command line)";

    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private CliSession(IHost host)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, AuditName), new Claim(ClaimTypes.Role, Roles.Admin)],
            authenticationType: "CommandLine");
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(new ClaimsPrincipal(identity));
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public DatabaseProvider Provider => Get<IOptions<DatabaseOptions>>().Value.Provider;

    public DataOptions Data => Get<IOptions<DataOptions>>().Value;

    /// <summary>Builds the host. Throws <see cref="OptionsValidationException"/> for invalid settings.</summary>
    public static CliSession Start(CliCommand command, TextWriter error, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = typeof(CliSession).Assembly.GetName().Name,
            ContentRootPath = ContentRoot(),
            EnvironmentName = command.Environment
                ?? Variable("DOTNET_ENVIRONMENT")
                ?? Variable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Production,
        });

        // Overrides from the command line win over appsettings and environment variables.
        builder.Configuration.AddInMemoryCollection(command.Settings);

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(CreateLogger(error), dispose: true);
        builder.AddOutreachCore();
        builder.Services.AddScoped<IAuditUserProvider, CommandLineAuditUser>();
        configureServices?.Invoke(builder.Services);

        // Not every web service can be built without the web host (authorization's endpoint policy cache needs
        // routing), so skip build-time validation of all descriptors; verbs still resolve what they use eagerly.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));

        var host = builder.Build();
        try
        {
            // The host is never started (no hosted services run); check ValidateOnStart options ourselves.
            host.Services.GetService<IStartupValidator>()?.Validate();
            return new CliSession(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Where the database is, without credentials.</summary>
    public string DescribeDatabase()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var postgres = PostgresConnection();
            return $"PostgreSQL database \"{postgres.Database}\" on {postgres.Host}:{postgres.Port}";
        }

        return $"SQLite file {Data.DatabasePath}";
    }

    public NpgsqlConnectionStringBuilder PostgresConnection() =>
        new(Get<IConfiguration>().GetConnectionString("Postgres"));

    public async ValueTask DisposeAsync()
    {
        var sqlite = Provider == DatabaseProvider.Sqlite ? Data.DatabasePath : null;
        await _scope.DisposeAsync();
        _host.Dispose();
        if (sqlite is not null)
        {
            // Leave no pooled handle on the database file (the verb may be followed by a backup, a copy, a delete).
            using var connection = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(sqlite));
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>
    /// Where appsettings.json is: the working directory when it has one (as for the web host), otherwise the
    /// app's own folder (the build output, where the Web SDK copies appsettings.json).
    /// </summary>
    private static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }

    private static string? Variable(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>Warnings and errors only, to the verb's error writer: no start-up chatter, never secrets.</summary>
    private static Serilog.Core.Logger CreateLogger(TextWriter error) => new LoggerConfiguration()
        .MinimumLevel.Warning()
        .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
        .Destructure.With<RedactingDestructuringPolicy>()
        .WriteTo.Sink(new TextWriterSink(error))
        .CreateLogger();

    private sealed class CommandLineAuditUser : IAuditUserProvider
    {
        private static readonly AuditUser User = new(null, AuditName);

        public ValueTask<AuditUser> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(User);
    }
}
