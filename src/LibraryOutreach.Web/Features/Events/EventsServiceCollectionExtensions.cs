namespace LibraryOutreach.Web.Features.Events;

public static class EventsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddEventsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<EventService>();
        builder.Services.AddScoped<IEventService>(sp => sp.GetRequiredService<EventService>());
        return builder;
    }
}
