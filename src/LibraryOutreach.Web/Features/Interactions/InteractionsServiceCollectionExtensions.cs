namespace LibraryOutreach.Web.Features.Interactions;

public static class InteractionsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddInteractionsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<InteractionService>();
        builder.Services.AddScoped<IInteractionService>(sp => sp.GetRequiredService<InteractionService>());
        return builder;
    }
}
