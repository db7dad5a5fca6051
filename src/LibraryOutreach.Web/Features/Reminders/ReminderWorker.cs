using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Reminders;

/// <summary>
/// A thin loop: on start and then every <see cref="ReminderOptions.CheckIntervalSeconds"/>, a new DI scope calls
/// <see cref="ReminderService.RunAsync"/>, which does nothing before the digest hour or once today's reminders are
/// recorded. A failure is logged and the next tick tries again.
/// </summary>
public sealed class ReminderWorker(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, IOptions<ReminderOptions> options, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Reminders are turned off (Reminders:Enabled)");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckIntervalSeconds), timeProvider);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One check, in its own scope; exceptions are logged, never thrown (the loop must keep going).</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(ct);
            if (result.People > 0)
            {
                logger.LogInformation("Reminders: {People} people, {Notifications} notifications, {Sent} digests sent, {Failed} failed",
                    result.People, result.Notifications, result.EmailsSent, result.EmailsFailed);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The reminder check failed; it runs again on the next tick");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
