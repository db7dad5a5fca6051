namespace LibraryOutreach.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log browser. (The audit entries themselves are written by the data layer's interceptor.)</summary>
    public static IHostApplicationBuilder AddAuditFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<AuditService>();
        return builder;
    }
}
