namespace LibraryOutreach.Web.Features.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOrganizationsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
