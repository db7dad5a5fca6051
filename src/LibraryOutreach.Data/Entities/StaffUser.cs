using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Data.Entities;

/// <summary>A staff account. Records stay attributed to a staff member after deactivation.</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }
}
