using System.Text;

namespace LibraryOutreach.Web.Features.Audit;

/// <summary>
/// Friendly names for the CLR type and property names the audit interceptor stores, with the raw name as
/// fallback so new entity types show up without a code change.
/// </summary>
public static class AuditDisplayNames
{
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["StaffUser"] = "Staff account",
        ["Invitation"] = "Invitation",
        ["IdentityUserRole`1"] = "Role assignment",
        ["IdentityRole"] = "Role",
        ["IdentityUserClaim`1"] = "Account claim",
        ["IdentityRoleClaim`1"] = "Role claim",
        ["IdentityUserLogin`1"] = "External sign-in",
        ["IdentityUserToken`1"] = "Account token",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["PasswordHash"] = "Password",
        ["TokenHash"] = "Invitation token",
        ["UserName"] = "Sign-in name",
        ["DisplayName"] = "Name",
        ["RoleId"] = "Role",
        ["UserId"] = "Account",
        ["InvitedById"] = "Invited by",
        ["AcceptedUserId"] = "Accepted by account",
        ["IsActive"] = "Active",
        ["LockoutEnd"] = "Locked out until",
        ["MergedFrom"] = "Merged from",
        ["MergedIntoId"] = "Merged into (id)",
        ["FilledFromDuplicate"] = "Filled from the duplicate",
        ["NotesAppended"] = "Duplicate's notes appended",
    };

    public static string EntityType(string rawName)
    {
        ArgumentNullException.ThrowIfNull(rawName);
        return EntityTypes.TryGetValue(rawName, out var name) ? name : rawName;
    }

    /// <summary>"DisplayName" → "Name", "TwoFactorEnabled" → "Two factor enabled".</summary>
    public static string Field(string rawName)
    {
        ArgumentNullException.ThrowIfNull(rawName);
        if (Fields.TryGetValue(rawName, out var name))
        {
            return name;
        }

        var text = new StringBuilder(rawName.Length + 8);
        for (var i = 0; i < rawName.Length; i++)
        {
            var c = rawName[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(rawName[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
