namespace LibraryOutreach.Web.Features.Export;

public static class ExportServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddExportFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<IExportService>(sp => sp.GetRequiredService<ExportService>());
        return builder;
    }
}
