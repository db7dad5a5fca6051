namespace LibraryOutreach.Web.Features.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Notifications and the daily digest's logic; the web host adds <see cref="ReminderWorker"/> to run it.</summary>
    public static IHostApplicationBuilder AddRemindersFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<INotificationService>(sp => sp.GetRequiredService<NotificationService>());
        builder.Services.AddScoped<ReminderService>();
        return builder;
    }
}
