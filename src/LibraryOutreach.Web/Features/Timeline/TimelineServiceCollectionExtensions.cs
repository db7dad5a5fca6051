namespace LibraryOutreach.Web.Features.Timeline;

public static class TimelineServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddTimelineFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<TimelineService>();
        builder.Services.AddScoped<ITimelineService>(sp => sp.GetRequiredService<TimelineService>());
        return builder;
    }
}
