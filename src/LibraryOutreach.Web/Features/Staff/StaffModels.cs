namespace LibraryOutreach.Web.Features.Staff;

/// <summary>One staff account in the list.</summary>
public sealed record StaffMemberRow(
    string Id,
    string DisplayName,
    string Email,
    string Role,
    bool IsActive,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt);

/// <summary>An invitation that is neither accepted nor revoked; <see cref="IsExpired"/> ones can be resent.</summary>
public sealed record InvitationRow(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool IsExpired);

/// <summary>
/// Everything the staff page shows: accounts, open invitations, and how much of the account limit is used
/// (active accounts plus pending invitations, out of <see cref="MaxAccounts"/>).
/// </summary>
public sealed record StaffOverview(
    IReadOnlyList<StaffMemberRow> Members,
    IReadOnlyList<InvitationRow> Invitations,
    int Used,
    int MaxAccounts,
    bool EmailConfigured,
    string? CurrentUserId)
{
    public bool AtLimit => Used >= MaxAccounts;
}
