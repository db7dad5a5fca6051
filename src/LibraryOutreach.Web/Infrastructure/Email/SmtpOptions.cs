using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace LibraryOutreach.Web.Infrastructure.Email;

/// <summary>Outgoing mail server. Email is optional: without <see cref="Host"/> and <see cref="From"/> nothing is sent.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// Upgrade the connection with STARTTLS (required when true). When false, port 465 uses TLS from the start and
    /// other ports send in plain text (only for a relay on the same machine or network).
    /// </summary>
    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. <c>outreach@library.org</c> or <c>Library Outreach &lt;outreach@library.org&gt;</c>.</summary>
    public string? From { get; set; }

    [MemberNotNullWhen(true, nameof(Host), nameof(From))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
