using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Account;

/// <summary>The real app, with (optionally) a recording email sender in place of "no email".</summary>
public sealed class AccountTestApp(TestDatabase database, bool emailConfigured) : OutreachAppFactory(database)
{
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
            if (emailConfigured)
            {
                services.AddSingleton<IOutreachEmailSender>(Email);
            }
        });
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
