using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace LibraryOutreach.IntegrationTests.Features.Account;

/// <summary>The real app, plus captured log lines and (optionally) a recording email sender in place of "no email".</summary>
public sealed class AccountTestApp(TestDatabase database, bool emailConfigured) : OutreachAppFactory(database)
{
    public CapturedLog Log { get; } = new();

    public RecordingEmailSender Email { get; } = new();

    public static async Task<AccountTestApp> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool emailConfigured = false)
    {
        var app = new AccountTestApp(await TestDatabase.CreateAsync(provider), emailConfigured);
        _ = app.Server;
        return app;
    }

    /// <summary>A second host on the same database (a restart); dispose it before this one.</summary>
    public static AccountTestApp StartSecondHost(TestDatabase database)
    {
        var app = new AccountTestApp(database, emailConfigured: false);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            // Serilog's ReadFrom.Services picks up sinks registered in DI.
            services.AddSingleton<ILogEventSink>(Log);
            if (emailConfigured)
            {
                services.AddSingleton<IOutreachEmailSender>(Email);
            }
        });
    }
}

/// <summary>Log events rendered as the console shows them.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Level:u3} {Message:lj}");
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        Formatter.Format(logEvent, writer);
        lock (_lines)
        {
            _lines.Add(writer.ToString());
        }
    }

    /// <summary>Waits up to 10 seconds for a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var line = Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No log line containing '{text}'. Lines:\n{string.Join('\n', Lines)}");
    }
}

public sealed record SentEmail(string To, string ToName, string Subject, string Body);

/// <summary>Stands in for SMTP: "configured", and keeps what would have been sent.</summary>
public sealed class RecordingEmailSender : IOutreachEmailSender
{
    private readonly List<SentEmail> _sent = [];

    public bool IsConfigured => true;

    public IReadOnlyList<SentEmail> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    public Task SendAsync(string toEmail, string toName, string subject, string textBody, CancellationToken ct)
    {
        lock (_sent)
        {
            _sent.Add(new SentEmail(toEmail, toName, subject, textBody));
        }

        return Task.CompletedTask;
    }
}
