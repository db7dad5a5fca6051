namespace LibraryOutreach.Web.Features.Import;

public static class ImportServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddImportFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
