namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Staff accounts, for Admins: see <see cref="StaffService"/>.</summary>
public interface IStaffService
{
    Task<StaffOverview> ListAsync(CancellationToken ct);

    Task ChangeRoleAsync(string userId, string role, CancellationToken ct);

    Task DeactivateAsync(string userId, CancellationToken ct);

    Task ReactivateAsync(string userId, CancellationToken ct);

    Task<string> CreatePasswordResetLinkAsync(string userId, string baseUri, CancellationToken ct);
}
