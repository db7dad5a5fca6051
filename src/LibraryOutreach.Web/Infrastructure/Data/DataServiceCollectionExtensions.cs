using LibraryOutreach.Data;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Search;
using LibraryOutreach.Web.Features.Health;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibraryOutreach.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    private const string SqliteMigrationsAssembly = "LibraryOutreach.Data.Sqlite";
    private const string PostgresMigrationsAssembly = "LibraryOutreach.Data.Postgres";

    /// <summary>
    /// Registers <see cref="OutreachDbContext"/> on the configured provider: a scoped
    /// <see cref="IDbContextFactory{TContext}"/> for feature services (short-lived context per operation)
    /// and the scoped context itself for Identity's stores.
    /// </summary>
    public static IHostApplicationBuilder AddOutreachData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);

        var (provider, connectionString) = ResolveConnection(builder.Configuration);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TrackedEntityInterceptor>();
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddSingleton<SearchIndexInterceptor>();
        builder.Services.AddSingleton<RelationshipHealthInterceptor>();
        builder.Services.AddDbContextFactory<OutreachDbContext>(
            (services, options) =>
            {
                Configure(options, provider, connectionString);
                // Stamps first, so the audit sees the final values; the search index after the records are saved; the
                // health's collector before the search index (it opens the transaction both use) and its writer last
                // (it commits that transaction after the search documents are written).
                var health = services.GetRequiredService<RelationshipHealthInterceptor>();
                options.AddInterceptors(
                    services.GetRequiredService<TrackedEntityInterceptor>(),
                    services.GetRequiredService<AuditInterceptor>(),
                    health.Collector,
                    services.GetRequiredService<SearchIndexInterceptor>(),
                    health.Writer);
            },
            ServiceLifetime.Scoped);
        return builder;
    }

    /// <summary>
    /// The configured provider and its connection string (<c>Database:Provider</c>; <c>ConnectionStrings:Postgres</c>, or
    /// the SQLite file in <c>Data:Directory</c>, which is created), for the app's contexts and for bulk work that needs a
    /// plain context without the interceptors (<c>seed-demo</c>).
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) ResolveConnection(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var data = configuration.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var postgres = configuration.GetConnectionString("Postgres");
            return string.IsNullOrWhiteSpace(postgres)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.")
                : (DatabaseProvider.Postgres, postgres);
        }

        Directory.CreateDirectory(data.FullPath);
        return (DatabaseProvider.Sqlite, SqliteConnectionString(data.DatabasePath));
    }

    /// <summary>Provider switch shared by the app, the CLI verbs and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
        };
    }

    public static string SqliteConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        ForeignKeys = true,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
