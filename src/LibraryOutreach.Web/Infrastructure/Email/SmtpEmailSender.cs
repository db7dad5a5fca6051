using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LibraryOutreach.Web.Infrastructure.Email;

/// <summary>
/// Sends email through the SMTP server in <see cref="SmtpOptions"/> with MailKit, one connection per message
/// (a few messages a week). Logs the recipient and subject only: bodies carry sign-in links.
/// </summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IOutreachEmailSender
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task SendAsync(string toEmail, string toName, string subject, string textBody, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toEmail);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("Email is not configured: set Smtp:Host and Smtp:From.");
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(toName ?? "", toEmail));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = textBody };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, SocketOptionsFor(settings), ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Sent email \"{Subject}\" to {Recipient}", subject, toEmail);
    }

    internal static SecureSocketOptions SocketOptionsFor(SmtpOptions settings) =>
        settings.UseStartTls ? SecureSocketOptions.StartTls
        : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.None;
}
