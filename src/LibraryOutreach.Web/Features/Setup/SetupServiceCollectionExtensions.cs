using LibraryOutreach.Web.Components.Account;

namespace LibraryOutreach.Web.Features.Setup;

public static class SetupServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSetupFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SetupTokenStore>();
        builder.Services.AddSingleton<SetupNotice>();
        builder.Services.AddScoped<SetupService>();
        builder.AddAccountFeature();
        return builder;
    }

    /// <summary>While no account exists, logs the one-time setup link once the server is listening.</summary>
    public static WebApplication MapSetupNotice(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var lifetime = app.Lifetime;
        lifetime.ApplicationStarted.Register(() =>
        {
            var notice = app.Services.GetRequiredService<SetupNotice>();
            _ = Task.Run(() => notice.AnnounceAsync(lifetime.ApplicationStopping), lifetime.ApplicationStopping);
        });
        return app;
    }
}
