namespace LibraryOutreach.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddAuditFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
