using LibraryOutreach.IntegrationTests.Features.Account;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LibraryOutreach.IntegrationTests.Features.Reminders;

/// <summary>The real app on a given database with a fake clock (library zone New York) and an email sender that records, or fails.</summary>
public sealed class ReminderTestApp(TestDatabase database, FakeTimeProvider clock) : OutreachAppFactory(database)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public FakeTimeProvider Clock { get; } = clock;

    public FlakyEmailSender Email { get; } = new();

    public static FakeTimeProvider ClockAt(DateTimeOffset local)
    {
        var clock = new FakeTimeProvider(local.ToUniversalTime());
        clock.SetLocalTimeZone(Zone);
        return clock;
    }

    public static async Task<ReminderTestApp> StartAsync(TestDatabase database, FakeTimeProvider clock, bool worker = false)
    {
        var app = new ReminderTestApp(database, clock);
        app.WithSetting("Reminders:Enabled", worker ? "true" : "false");
        app.WithSetting("Reminders:DigestHour", "7");
        app.WithSetting("Library:PublicUrl", "https://outreach.example-library.org");
        _ = app.Server;
        await Task.CompletedTask;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IOutreachEmailSender>(Email);
        });
    }
}

/// <summary>A configured email sender that records what it sends and throws while <see cref="FailuresLeft"/> is above 0.</summary>
public sealed class FlakyEmailSender : IOutreachEmailSender
{
    private readonly List<SentEmail> _sent = [];

    public int FailuresLeft { get; set; }

    public bool IsConfigured => true;

    public IReadOnlyList<SentEmail> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public async Task SendAsync(string toEmail, string toName, string subject, string textBody, CancellationToken ct)
    {
        // Slow enough that two instances running at once overlap.
        await Task.Delay(50, ct);
        lock (_sent)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("SMTP server unavailable");
            }

            _sent.Add(new SentEmail(toEmail, toName, subject, textBody));
        }
    }
}
