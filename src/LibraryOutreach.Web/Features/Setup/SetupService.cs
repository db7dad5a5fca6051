using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Setup;

public enum SetupState
{
    /// <summary>No account exists and the token is right: show the form.</summary>
    Ready,

    /// <summary>An account exists: setup is over.</summary>
    AlreadyCompleted,

    /// <summary>No account exists, but the token is wrong or was already used.</summary>
    InvalidToken,
}

/// <summary>The outcome of <see cref="SetupService.CreateFirstAdminAsync"/>.</summary>
public sealed record SetupResult(SetupState State, string? UserId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => UserId is not null;
}

/// <summary>First-run setup: while no staff account exists, the one-time token creates the first Admin.</summary>
public sealed class SetupService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    SetupTokenStore tokens,
    StaffCapacity capacity,
    StaffAccountCreator accountCreator,
    ILogger<SetupService> logger)
{
    public async Task<bool> AnyAccountExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<SetupState> GetStateAsync(string? token, CancellationToken cancellationToken)
    {
        if (await AnyAccountExistsAsync(cancellationToken))
        {
            return SetupState.AlreadyCompleted;
        }

        return tokens.IsValid(token) ? SetupState.Ready : SetupState.InvalidToken;
    }

    /// <summary>
    /// Creates the first Admin if no account exists and <paramref name="token"/> is the setup token. The token is
    /// consumed atomically before the account is created, so two requests with the same token create one admin;
    /// it is given back if the details are refused (e.g. a weak password), so the person can correct them.
    /// </summary>
    public async Task<SetupResult> CreateFirstAdminAsync(string? token, string email, string displayName, string password, CancellationToken cancellationToken)
    {
        await using (await capacity.LockAsync(cancellationToken))
        {
            if (await AnyAccountExistsAsync(cancellationToken))
            {
                tokens.Clear();
                return new SetupResult(SetupState.AlreadyCompleted, null, []);
            }

            var receipt = tokens.TryConsume(token);
            if (receipt is null)
            {
                return new SetupResult(SetupState.InvalidToken, null, []);
            }

            var created = false;
            try
            {
                try
                {
                    await capacity.EnsureRoomAsync(acceptingPendingInvitation: false, cancellationToken);
                }
                catch (StaffLimitReachedException ex)
                {
                    return new SetupResult(SetupState.Ready, null, [ex.Message]);
                }

                var result = await accountCreator.CreateUnlockedAsync(email, displayName, Roles.Admin, password);
                if (!result.Succeeded)
                {
                    return new SetupResult(SetupState.Ready, null, result.Errors);
                }

                created = true;
                logger.LogInformation("First administrator {UserId} created through the setup link", result.UserId);
                return new SetupResult(SetupState.Ready, result.UserId, []);
            }
            finally
            {
                if (!created)
                {
                    tokens.Restore(receipt);
                }
            }
        }
    }
}
