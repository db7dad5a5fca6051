namespace LibraryOutreach.Web.Infrastructure.Email;

/// <summary>Sends plain-text email to staff (password reset links, invitations) when SMTP is configured.</summary>
public interface IOutreachEmailSender
{
    /// <summary>False when no SMTP server is set up: callers show links on screen instead.</summary>
    bool IsConfigured { get; }

    Task SendAsync(string toEmail, string toName, string subject, string textBody, CancellationToken ct);
}
