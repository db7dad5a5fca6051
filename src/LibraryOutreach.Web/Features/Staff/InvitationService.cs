using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>
/// Invitations for new staff accounts. Inviting, resending and revoking are for Admins; looking up and accepting
/// an invitation is anonymous (the token is the credential). Links are single use, expire after
/// <see cref="StaffOptions.InvitationLifetimeDays"/>, and only a hash of the token is stored. Every change that
/// affects the account limit runs under <see cref="StaffCapacity.LockAsync"/>.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    StaffCapacity capacity,
    StaffAccountCreator accountCreator,
    AccessGuard guard,
    IOutreachEmailSender emailSender,
    ILookupNormalizer normalizer,
    TimeProvider timeProvider,
    IOptions<StaffOptions> staffOptions,
    IOptions<LibraryOptions> libraryOptions,
    ILogger<InvitationService> logger) : IInvitationService
{
    public const string InvalidLinkMessage =
        "This invitation link has expired or was already used. Ask your administrator for a new one.";

    /// <summary>Creates a pending invitation and emails the link when SMTP is configured. Admin only.</summary>
    /// <exception cref="StaffValidationException">A field is invalid, or the email already has an account or invitation.</exception>
    /// <exception cref="StaffLimitReachedException">No room under <see cref="StaffOptions.MaxAccounts"/>.</exception>
    public async Task<InvitationCreated> InviteAsync(InviteStaffRequest request, string baseUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(baseUri);
        var actor = await guard.RequireAsync(Policies.Admin);

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        AddIfError(errors, nameof(InviteStaffRequest.Email), StaffValidation.EmailError(request.Email));
        AddIfError(errors, nameof(InviteStaffRequest.DisplayName), StaffValidation.NameError(request.DisplayName));
        if (!Roles.IsValid(request.Role))
        {
            errors[nameof(InviteStaffRequest.Role)] = StaffValidation.RoleInvalid;
        }

        if (errors.Count > 0)
        {
            throw new StaffValidationException(errors);
        }

        var email = request.Email.Trim();
        var token = InvitationTokens.NewToken();
        var now = timeProvider.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = email,
            DisplayName = request.DisplayName.Trim(),
            Role = request.Role,
            TokenHash = InvitationTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(staffOptions.Value.InvitationLifetimeDays),
            InvitedById = actor.FindFirstValue(ClaimTypes.NameIdentifier),
        };

        await using (await capacity.LockAsync(ct))
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var emailError = await FindEmailConflictAsync(db, email, now, ct);
            if (emailError is not null)
            {
                throw new StaffValidationException(nameof(InviteStaffRequest.Email), emailError);
            }

            await capacity.EnsureRoomAsync(acceptingPendingInvitation: false, ct);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Invitation {InvitationId} created for {Email} as {Role}", invitation.Id, invitation.Email, invitation.Role);
        return await DeliverAsync(invitation, token, baseUri, ct);
    }

    /// <summary>Issues a new token and expiry for an unaccepted, unrevoked invitation (the old link stops working). Admin only.</summary>
    public async Task<InvitationCreated> ResendAsync(Guid id, string baseUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        await guard.RequireAsync(Policies.Admin);
        var token = InvitationTokens.NewToken();
        Invitation invitation;
        await using (await capacity.LockAsync(ct))
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct)
                ?? throw new StaffValidationException("That invitation no longer exists.");
            EnsureOpen(invitation);
            var now = timeProvider.GetUtcNow();
            if (!invitation.IsPendingAt(now))
            {
                // An expired invitation no longer counts toward the limit: renewing it needs room again.
                await capacity.EnsureRoomAsync(acceptingPendingInvitation: false, ct);
            }

            invitation.TokenHash = InvitationTokens.Hash(token);
            invitation.ExpiresAt = now.AddDays(staffOptions.Value.InvitationLifetimeDays);
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Invitation {InvitationId} for {Email} renewed", invitation.Id, invitation.Email);
        return await DeliverAsync(invitation, token, baseUri, ct);
    }

    /// <summary>Cancels an invitation that has not been accepted: its link stops working and it frees its place. Admin only.</summary>
    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new StaffValidationException("That invitation no longer exists.");
        if (invitation.RevokedAt is not null)
        {
            return;
        }

        if (invitation.AcceptedAt is not null)
        {
            throw new StaffValidationException("This invitation was already accepted. Deactivate the account instead.");
        }

        invitation.RevokedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Invitation {InvitationId} for {Email} revoked", invitation.Id, invitation.Email);
    }

    /// <summary>The pending invitation for <paramref name="token"/>, or null when the link is unknown, used, revoked or expired. Anonymous.</summary>
    public async Task<InvitationPreview?> FindPendingAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var hash = InvitationTokens.Hash(token);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsPendingAt(timeProvider.GetUtcNow())
            ? new InvitationPreview(invitation.Id, invitation.Email, invitation.DisplayName, invitation.Role, invitation.ExpiresAt)
            : null;
    }

    /// <summary>
    /// Creates the invited account with <paramref name="password"/> and marks the invitation accepted. Anonymous.
    /// Single use even under concurrent requests: the check and the write happen under the capacity lock.
    /// </summary>
    public async Task<AccountCreationResult> AcceptAsync(string? token, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrWhiteSpace(token))
        {
            return AccountCreationResult.Failed(InvalidLinkMessage);
        }

        var hash = InvitationTokens.Hash(token);
        await using (await capacity.LockAsync(ct))
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
            var now = timeProvider.GetUtcNow();
            if (invitation is null || !invitation.IsPendingAt(now))
            {
                return AccountCreationResult.Failed(InvalidLinkMessage);
            }

            try
            {
                await capacity.EnsureRoomAsync(acceptingPendingInvitation: true, ct);
            }
            catch (StaffLimitReachedException ex)
            {
                return AccountCreationResult.Failed(ex.Message);
            }

            var created = await accountCreator.CreateUnlockedAsync(invitation.Email, invitation.DisplayName, invitation.Role, password);
            if (!created.Succeeded)
            {
                return created;
            }

            invitation.AcceptedAt = now;
            invitation.AcceptedUserId = created.UserId;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Invitation {InvitationId} accepted: account {UserId} created as {Role}", invitation.Id, created.UserId, invitation.Role);
            return created;
        }
    }

    private async Task<string?> FindEmailConflictAsync(OutreachDbContext db, string email, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = normalizer.NormalizeEmail(email);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.IsActive })
            .FirstOrDefaultAsync(ct);
        if (account is not null)
        {
            return account.IsActive
                ? "There is already an account with this email address."
                : "There is already a deactivated account with this email address. Reactivate it instead.";
        }

        // Few invitations are open at once: compare in memory, case-insensitively, the same way on every provider.
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Select(i => i.Email)
            .ToListAsync(ct);
        return open.Contains(email, StringComparer.OrdinalIgnoreCase)
            ? "This person already has a pending invitation. Resend it from the list instead."
            : null;
    }

    private static void EnsureOpen(Invitation invitation)
    {
        if (invitation.AcceptedAt is not null)
        {
            throw new StaffValidationException("This invitation was already accepted.");
        }

        if (invitation.RevokedAt is not null)
        {
            throw new StaffValidationException("This invitation was revoked. Invite the person again instead.");
        }
    }

    private async Task<InvitationCreated> DeliverAsync(Invitation invitation, string token, string baseUri, CancellationToken ct)
    {
        var link = InvitationTokens.Link(baseUri, token);
        if (!emailSender.IsConfigured)
        {
            return new InvitationCreated(invitation.Id, link, Emailed: false, EmailError: null);
        }

        var library = libraryOptions.Value.Name;
        var body = $"""
            Hello {invitation.DisplayName},

            You're invited to join {library} Outreach as {invitation.Role}.

            To accept, open this link and choose a password:
            {link}

            The link works once and expires on {invitation.ExpiresAt:yyyy-MM-dd} (UTC).
            If you weren't expecting this, you can ignore this email.
            """;
        try
        {
            await emailSender.SendAsync(invitation.Email, invitation.DisplayName, $"You're invited to {library} Outreach", body, ct);
            return new InvitationCreated(invitation.Id, link, Emailed: true, EmailError: null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not email invitation {InvitationId} to {Email}", invitation.Id, invitation.Email);
            return new InvitationCreated(invitation.Id, link, Emailed: false,
                EmailError: $"The invitation email could not be sent ({ex.Message}). Copy the link and send it yourself.");
        }
    }

    private static void AddIfError(Dictionary<string, string> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = message;
        }
    }
}
