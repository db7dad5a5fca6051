using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>The outcome of creating an account: the new user's id, or messages to show beside the form.</summary>
public sealed record AccountCreationResult(string? UserId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => UserId is not null;

    public static AccountCreationResult Failed(params string[] errors) => new(null, errors);
}

/// <summary>
/// Creates an active staff account with a role and password, within the account limit. Used by first-run setup,
/// the <c>create-admin</c> verb and invitation acceptance (which passes <c>acceptingPendingInvitation: true</c>
/// and must already hold <see cref="StaffCapacity.LockAsync"/>).
/// </summary>
public sealed class StaffAccountCreator(UserManager<StaffUser> userManager, StaffCapacity capacity, TimeProvider timeProvider)
{
    /// <summary>Takes the capacity lock, checks room, creates the account.</summary>
    public async Task<AccountCreationResult> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        await using (await capacity.LockAsync(cancellationToken))
        {
            try
            {
                await capacity.EnsureRoomAsync(acceptingPendingInvitation: false, cancellationToken);
            }
            catch (StaffLimitReachedException ex)
            {
                return AccountCreationResult.Failed(ex.Message);
            }

            return await CreateUnlockedAsync(email, displayName, role, password);
        }
    }

    /// <summary>Creates the account without taking the lock: the caller holds it and has checked room.</summary>
    public async Task<AccountCreationResult> CreateUnlockedAsync(string email, string displayName, string role, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(displayName);
        if (!Roles.IsValid(role))
        {
            return AccountCreationResult.Failed($"Unknown role '{role}'. Choose Admin, Supervisor or Staff.");
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return AccountCreationResult.Failed("Enter the person's name.");
        }

        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            IsActive = true,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountCreationResult(null, created.Errors.Select(e => e.Description).ToList());
        }

        var added = await userManager.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await userManager.DeleteAsync(user);
            return new AccountCreationResult(null, added.Errors.Select(e => e.Description).ToList());
        }

        return new AccountCreationResult(user.Id, []);
    }
}
