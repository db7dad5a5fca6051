namespace LibraryOutreach.Web.Features.Home;

public static class HomeServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddHomeFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DashboardService>();
        builder.Services.AddScoped<IDashboardService>(sp => sp.GetRequiredService<DashboardService>());
        return builder;
    }
}
