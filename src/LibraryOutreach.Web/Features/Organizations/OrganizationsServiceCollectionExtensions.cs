namespace LibraryOutreach.Web.Features.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOrganizationsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OrganizationService>();
        builder.Services.AddScoped<IOrganizationService>(sp => sp.GetRequiredService<OrganizationService>());
        builder.Services.AddScoped<OrganizationMergeService>();
        builder.Services.AddScoped<IOrganizationMergeService>(sp => sp.GetRequiredService<OrganizationMergeService>());
        return builder;
    }
}
