namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>
/// What the <c>invite</c> verb needs from the Staff feature: create an invitation as the current (Admin) user and
/// return the link to accept it. Implemented by an adapter over the Staff feature's invitation service; when no
/// implementation is registered the verb says that invitations are not available.
/// </summary>
/// <remarks>
/// Implementations throw <see cref="Features.Staff.StaffLimitReachedException"/> when the account limit is reached and
/// <see cref="System.ComponentModel.DataAnnotations.ValidationException"/> (or <see cref="ArgumentException"/>) for
/// invalid input; the verb prints the message and exits with code 1. The link must not be logged.
/// </remarks>
public interface IStaffInviter
{
    Task<string> InviteAndGetLinkAsync(string email, string name, string role, string baseUri, CancellationToken cancellationToken);
}
