using System.Reflection;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Infrastructure.Auth;

/// <summary>
/// Refuses passwords found on a built-in list of commonly used passwords (NIST SP 800-63B §5.1.1.2),
/// and passwords that are just the person's email or name. No composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "That password is on a list of commonly used passwords. Choose a longer phrase that only you would use.",
            }));
        }

        var normalized = password.Trim();
        if (string.Equals(normalized, user.Email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(normalized, user.UserName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(normalized.Replace(" ", "", StringComparison.Ordinal), user.DisplayName.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordIsName",
                Description = "The password must not be your email address or name.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return CommonPasswords.Value.Contains(password.Trim());
    }

    private static HashSet<string> LoadList()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LibraryOutreach.Web.Infrastructure.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
