namespace LibraryOutreach.Web.Components.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Services behind the server-rendered account pages.</summary>
    public static IHostApplicationBuilder AddAccountFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<PasswordResetLinks>();
        return builder;
    }
}
