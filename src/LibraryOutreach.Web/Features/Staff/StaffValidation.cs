using System.Net.Mail;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Input rules shared by the invitation form and <see cref="InvitationService"/>.</summary>
public static class StaffValidation
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 200;

    public const string EmailRequired = "Enter the person's email address.";
    public const string EmailInvalid = "Enter a valid email address, like name@library.org.";
    public const string NameRequired = "Enter the person's name.";
    public const string RoleInvalid = "Choose Admin, Supervisor or Staff.";

    /// <summary>A single plain address (no display name, no list) with a dotted domain.</summary>
    public static bool IsValidEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxEmailLength || !MailAddress.TryCreate(trimmed, out var address))
        {
            return false;
        }

        return string.Equals(address.Address, trimmed, StringComparison.Ordinal)
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.');
    }

    public static string? EmailError(string? value) =>
        string.IsNullOrWhiteSpace(value) ? EmailRequired
        : IsValidEmail(value) ? null
        : EmailInvalid;

    public static string? NameError(string? value) =>
        string.IsNullOrWhiteSpace(value) ? NameRequired
        : value.Trim().Length > MaxNameLength ? $"Use at most {MaxNameLength} characters."
        : null;
}
