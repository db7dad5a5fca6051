using LibraryOutreach.Web.Infrastructure.Cli;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>The <c>invite</c> verb's way into <see cref="IInvitationService"/>: validation problems become <see cref="ArgumentException"/>s the verb prints.</summary>
public sealed class CliStaffInviter(IInvitationService invitations) : IStaffInviter
{
    public async Task<string> InviteAndGetLinkAsync(string email, string name, string role, string baseUri, CancellationToken cancellationToken)
    {
        try
        {
            var created = await invitations.InviteAsync(new InviteStaffRequest(email, name, role), baseUri, cancellationToken);
            return created.Link;
        }
        catch (StaffValidationException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }
}
