using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Features.Staff;

public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Active accounts plus pending invitations may not exceed this.</summary>
    [Range(1, 1000)]
    public int MaxAccounts { get; set; } = 12;

    /// <summary>How long an invitation link stays valid.</summary>
    [Range(1, 90)]
    public int InvitationLifetimeDays { get; set; } = 7;
}
