using LibraryOutreach.Web.Features.Export;

namespace LibraryOutreach.Web.Features.Import;

public static class ImportServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddImportFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<IImportService>(sp => sp.GetRequiredService<ImportService>());
        builder.AddExportFeature();
        return builder;
    }
}
