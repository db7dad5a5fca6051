using LibraryOutreach.Web.Features.Staff;

namespace LibraryOutreach.ComponentTests.Features.Staff;

/// <summary>
/// An in-memory <see cref="IStaffService"/> that behaves like the real one for the page's purposes (deactivating
/// flips the status, changing a role changes the row) and records every call. Set <see cref="FailWith"/> to make
/// the next change throw, as the real service does when it refuses.
/// </summary>
internal sealed class FakeStaffService : IStaffService
{
    public List<StaffMemberRow> Members { get; } = [];

    public List<InvitationRow> Invitations { get; set; } = [];

    public int MaxAccounts { get; set; } = 12;

    public bool EmailConfigured { get; set; }

    public string? CurrentUserId { get; set; }

    public List<string> Calls { get; } = [];

    public Exception? FailWith { get; set; }

    /// <summary>When set, <see cref="ListAsync"/> waits for it (to see the loading state).</summary>
    public TaskCompletionSource? ListGate { get; set; }

    public async Task<StaffOverview> ListAsync(CancellationToken ct)
    {
        Calls.Add("List");
        if (ListGate is not null)
        {
            await ListGate.Task;
        }

        var used = Members.Count(m => m.IsActive) + Invitations.Count(i => !i.IsExpired);
        return new StaffOverview(Members.ToList(), Invitations.ToList(), used, MaxAccounts, EmailConfigured, CurrentUserId);
    }

    public Task ChangeRoleAsync(string userId, string role, CancellationToken ct) =>
        Change($"ChangeRole:{userId}:{role}", userId, m => m with { Role = role });

    public Task DeactivateAsync(string userId, CancellationToken ct) =>
        Change($"Deactivate:{userId}", userId, m => m with { IsActive = false });

    public Task ReactivateAsync(string userId, CancellationToken ct) =>
        Change($"Reactivate:{userId}", userId, m => m with { IsActive = true });

    public Task<string> CreatePasswordResetLinkAsync(string userId, string baseUri, CancellationToken ct)
    {
        Calls.Add($"ResetLink:{userId}");
        ThrowIfFailing();
        return Task.FromResult($"{baseUri.TrimEnd('/')}/account/reset-password?userId={userId}&code=abc");
    }

    private Task Change(string call, string userId, Func<StaffMemberRow, StaffMemberRow> change)
    {
        Calls.Add(call);
        ThrowIfFailing();
        var index = Members.FindIndex(m => m.Id == userId);
        Members[index] = change(Members[index]);
        return Task.CompletedTask;
    }

    private void ThrowIfFailing()
    {
        if (FailWith is { } ex)
        {
            FailWith = null;
            throw ex;
        }
    }
}

/// <summary>
/// An in-memory <see cref="IInvitationService"/> that records requests. Invitations it creates are added to the
/// <see cref="FakeStaffService"/> list, so the page shows them after reloading.
/// </summary>
internal sealed class FakeInvitationService(FakeStaffService staff) : IInvitationService
{
    public List<InviteStaffRequest> Invites { get; } = [];

    public List<string> Calls { get; } = [];

    public bool Emails { get; set; }

    public string? EmailError { get; set; }

    public Exception? FailWith { get; set; }

    public Task<InvitationCreated> InviteAsync(InviteStaffRequest request, string baseUri, CancellationToken ct)
    {
        Calls.Add($"Invite:{request.Email}");
        Invites.Add(request);
        if (FailWith is { } ex)
        {
            FailWith = null;
            throw ex;
        }

        var id = Guid.NewGuid();
        staff.Invitations.Add(new InvitationRow(id, request.Email.Trim(), request.DisplayName.Trim(), request.Role,
            DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 3, 22, 12, 0, 0, TimeSpan.Zero), IsExpired: false));
        return Task.FromResult(new InvitationCreated(id, $"{baseUri.TrimEnd('/')}/account/accept-invitation?token=token-{Invites.Count}", Emails, EmailError));
    }

    public Task<InvitationCreated> ResendAsync(Guid id, string baseUri, CancellationToken ct)
    {
        Calls.Add($"Resend:{id}");
        return Task.FromResult(new InvitationCreated(id, $"{baseUri.TrimEnd('/')}/account/accept-invitation?token=resent", Emails, EmailError));
    }

    public Task RevokeAsync(Guid id, CancellationToken ct)
    {
        Calls.Add($"Revoke:{id}");
        staff.Invitations.RemoveAll(i => i.Id == id);
        return Task.CompletedTask;
    }

    public Task<InvitationPreview?> FindPendingAsync(string? token, CancellationToken ct) =>
        throw new NotSupportedException("The staff page never looks up tokens.");

    public Task<AccountCreationResult> AcceptAsync(string? token, string password, CancellationToken ct) =>
        throw new NotSupportedException("The staff page never accepts invitations.");
}
