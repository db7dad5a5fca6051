namespace LibraryOutreach.Web.Features.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>Two-way health: options, the service and the refresh coordinator; the web host adds <see cref="HealthRefreshWorker"/>.</summary>
    public static IHostApplicationBuilder AddHealthFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HealthOptions>()
            .BindConfiguration(HealthOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.IsValidWindow, "Health:WindowMonths must be a multiple of 3.")
            .ValidateOnStart();
        builder.Services.AddSingleton<HealthRefreshCoordinator>();
        builder.Services.AddScoped<RelationshipHealthService>();
        builder.Services.AddScoped<IRelationshipHealthService>(sp => sp.GetRequiredService<RelationshipHealthService>());
        return builder;
    }
}
