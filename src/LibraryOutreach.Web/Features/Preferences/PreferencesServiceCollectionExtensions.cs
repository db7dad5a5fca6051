namespace LibraryOutreach.Web.Features.Preferences;

public static class PreferencesServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPreferencesFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<PreferenceService>();
        builder.Services.AddScoped<IPreferenceService>(sp => sp.GetRequiredService<PreferenceService>());
        return builder;
    }
}
