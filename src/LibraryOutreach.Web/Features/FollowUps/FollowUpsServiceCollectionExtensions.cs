namespace LibraryOutreach.Web.Features.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddFollowUpsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<FollowUpService>();
        builder.Services.AddScoped<IFollowUpService>(sp => sp.GetRequiredService<FollowUpService>());
        builder.Services.AddScoped<FollowUpChanges>();
        builder.Services.AddScoped<FollowUpActions>();
        return builder;
    }
}
