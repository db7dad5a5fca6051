using System.Linq.Expressions;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Components.Account;

/// <summary>Password guidance shown under every new-password field, and a check that runs Identity's validators up front.</summary>
public static class PasswordRules
{
    public const string Hint = "At least 12 characters. A phrase of a few words is easiest to remember.";

    public const string MismatchMessage = "The two passwords do not match.";

    /// <summary>Messages from every configured password validator (length, common-password list), for showing beside the field.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(UserManager<StaffUser> userManager, StaffUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(userManager);
        var errors = new List<string>();
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    /// <summary>Identity error codes that are about the new password itself (shown beside the new-password field).</summary>
    public static bool IsPasswordError(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code == "CommonPassword"
            || (error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch));
    }

    /// <summary>
    /// Shows Identity's errors where they belong: those about the new password beside <paramref name="passwordField"/>,
    /// the rest returned as one form-level message (null when there are none).
    /// </summary>
    public static string? ShowErrors(IEnumerable<IdentityError> errors, ValidationMessageStore store, Expression<Func<object>> passwordField)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(store);
        var other = new List<string>();
        foreach (var error in errors)
        {
            if (IsPasswordError(error))
            {
                store.Add(passwordField, error.Description);
            }
            else
            {
                other.Add(error.Description);
            }
        }

        return other.Count == 0 ? null : string.Join(" ", other);
    }
}
