using System.Security.Claims;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// Who may edit or delete an event (docs/permissions.md): Admins and Supervisors any; Staff the events they created
/// or were present at (<see cref="RecordPermissions.CanEdit"/> plus the staff-present list).
/// </summary>
public static class EventPermissions
{
    public const string Refused = "You can change events you logged or were at. Ask a Supervisor to change this one.";

    public static bool CanEdit(ClaimsPrincipal user, OutreachEvent record, IEnumerable<string> staffPresentIds)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(staffPresentIds);
        if (RecordPermissions.CanEdit(user, record))
        {
            return true;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null && user.IsInRole(Roles.Staff) && staffPresentIds.Contains(id, StringComparer.Ordinal);
    }
}
