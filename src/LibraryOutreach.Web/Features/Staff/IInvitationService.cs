namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Staff invitations: see <see cref="InvitationService"/>.</summary>
public interface IInvitationService
{
    Task<InvitationCreated> InviteAsync(InviteStaffRequest request, string baseUri, CancellationToken ct);

    Task<InvitationCreated> ResendAsync(Guid id, string baseUri, CancellationToken ct);

    Task RevokeAsync(Guid id, CancellationToken ct);

    Task<InvitationPreview?> FindPendingAsync(string? token, CancellationToken ct);

    Task<AccountCreationResult> AcceptAsync(string? token, string password, CancellationToken ct);
}
