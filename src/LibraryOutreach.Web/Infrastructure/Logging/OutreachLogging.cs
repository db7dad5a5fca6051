using LibraryOutreach.Web.Infrastructure.Data;
using Serilog;

namespace LibraryOutreach.Web.Infrastructure.Logging;

/// <summary>
/// Serilog in two stages: a console bootstrap logger for start-up failures, then the logger configured in
/// appsettings (console plus rolling files in the data directory). The static logger is preserved so that
/// several hosts in one test run do not fight over it.
/// </summary>
public static class OutreachLogging
{
    /// <summary>Placeholder in Serilog file sink paths for the data directory.</summary>
    public const string DataDirectoryToken = "%DATA_DIR%";

    public static void CreateBootstrapLogger()
    {
        if (Log.Logger.GetType().Name == "SilentLogger")
        {
            Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        }
    }

    public static IHostApplicationBuilder AddOutreachLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataDirectory = (builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions()).FullPath;

        // Resolve %DATA_DIR% in sink paths so logs land in the data directory wherever it is.
        var overrides = builder.Configuration.AsEnumerable()
            .Where(kv => kv.Key.StartsWith("Serilog:WriteTo:", StringComparison.OrdinalIgnoreCase)
                         && kv.Value?.Contains(DataDirectoryToken, StringComparison.Ordinal) == true)
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value!.Replace(DataDirectoryToken, dataDirectory, StringComparison.Ordinal)))
            .ToList();
        if (overrides.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.AddSerilog(
            (services, configuration) => configuration
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Destructure.With<RedactingDestructuringPolicy>()
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }
}
