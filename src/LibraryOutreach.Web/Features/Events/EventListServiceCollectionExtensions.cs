namespace LibraryOutreach.Web.Features.Events;

public static class EventListServiceCollectionExtensions
{
    /// <summary>The events list and month view (reading only; EventService creates and edits events).</summary>
    public static IHostApplicationBuilder AddEventListFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<EventListService>();
        builder.Services.AddScoped<IEventListService>(sp => sp.GetRequiredService<EventListService>());
        return builder;
    }
}
