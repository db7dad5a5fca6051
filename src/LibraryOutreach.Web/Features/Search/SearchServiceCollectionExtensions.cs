namespace LibraryOutreach.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSearchFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddScoped<ISearchService>(sp => sp.GetRequiredService<SearchService>());
        return builder;
    }
}
