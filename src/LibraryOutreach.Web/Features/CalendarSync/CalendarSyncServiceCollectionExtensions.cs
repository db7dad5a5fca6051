using LibraryOutreach.Web.Features.CalendarSync.Google;
using LibraryOutreach.Web.Features.CalendarSync.Ics;
using LibraryOutreach.Web.Features.CalendarSync.Sync;

namespace LibraryOutreach.Web.Features.CalendarSync;

public static class CalendarSyncServiceCollectionExtensions
{
    /// <summary>The sync's settings, clients and service (shared by the web host and the <c>sync</c> verb).</summary>
    public static IHostApplicationBuilder AddCalendarSyncFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CalendarSyncOptions>().BindConfiguration(CalendarSyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GoogleClients>();
        builder.Services.AddSingleton<CalendarSecrets>();
        builder.Services.AddSingleton<CalendarSyncInstance>();
        builder.Services.AddScoped<CalendarSyncService>();
        builder.Services.AddScoped<CalendarConnectionService>();
        builder.Services.AddScoped<CalendarSuggestionService>();

        // The feed address is a credential: no request logging for this client (it would write the address).
        builder.Services.AddHttpClient<IcsFeedClient>(http =>
        {
            http.Timeout = TimeSpan.FromSeconds(60);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("LibraryOutreach/1.0 (calendar feed)");
        }).RemoveAllLoggers();
        return builder;
    }

    /// <summary>The background worker, in the web host only.</summary>
    public static IServiceCollection AddCalendarSyncWorker(this IServiceCollection services)
    {
        services.AddHostedService<CalendarSyncWorker>();
        return services;
    }
}
