using System.Security.Claims;
using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>
/// The edit rule of docs/permissions.md for outreach records: Admins and Supervisors edit everything; Staff edit
/// what they created or own; merging duplicates is for Admins and Supervisors. Services call it after loading the record
/// (and throw AccessDeniedException).
/// </summary>
public static class RecordPermissions
{
    public static bool CanEdit(ClaimsPrincipal user, ITrackedEntity record, string? ownerId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(record);
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor))
        {
            return true;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null && user.IsInRole(Roles.Staff) && (record.CreatedById == id || ownerId == id);
    }

    /// <summary>
    /// Merging duplicates rewrites two records and everything linked to them, including what other people created or
    /// own: Supervisors and Admins, like editing anyone's records.
    /// </summary>
    public static bool CanMerge(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);
    }

    public static bool CanDeletePermanently(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin);
    }
}
