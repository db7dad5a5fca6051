namespace LibraryOutreach.Web.Features.Cadence;

public static class CadenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCadenceFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CadenceService>();
        builder.Services.AddScoped<ICadenceService>(sp => sp.GetRequiredService<CadenceService>());
        return builder;
    }
}
