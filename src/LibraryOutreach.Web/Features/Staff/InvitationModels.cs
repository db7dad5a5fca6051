namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Who to invite, and with which role (<see cref="LibraryOutreach.Data.Entities.Roles"/>).</summary>
public sealed record InviteStaffRequest(string Email, string DisplayName, string Role);

/// <summary>
/// A new or renewed invitation. <see cref="Link"/> is the only copy of the token: it is shown to the admin (or
/// emailed) and never stored. When <see cref="Emailed"/> is false, <see cref="EmailError"/> says why if sending failed.
/// </summary>
public sealed record InvitationCreated(Guid InvitationId, string Link, bool Emailed, string? EmailError);

/// <summary>What the accept page shows about a pending invitation.</summary>
public sealed record InvitationPreview(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset ExpiresAt);
