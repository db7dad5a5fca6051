namespace LibraryOutreach.Web.Features.Staff;

/// <summary>What <see cref="InviteStaffDialog"/> returns: who was invited and how the link went out.</summary>
public sealed record InvitationSent(string Email, string DisplayName, InvitationCreated Created);
