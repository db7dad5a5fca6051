using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Components.Account;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>
/// Staff accounts for Admins (every method checks): list, change role, deactivate, reactivate, reset links.
/// Identity changes run through <see cref="UserManager{TUser}"/> in a fresh DI scope per operation (acting as the
/// calling admin, so the audit log names them): a Blazor circuit's own scope lives for hours and would keep
/// stale tracked users. Role and status changes renew the security stamp, so open pages and cookies of the
/// person notice within <c>Auth:RevalidationIntervalSeconds</c>. They also run under
/// <see cref="StaffCapacity.LockAsync"/>, which keeps the account limit and the "last active Admin" rule
/// true when two admins act at once.
/// </summary>
public sealed class StaffService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    StaffCapacity capacity,
    AccessGuard guard,
    IOutreachEmailSender emailSender,
    TimeProvider timeProvider,
    ILogger<StaffService> logger) : IStaffService
{
    public static string LastAdminMessage(string displayName) =>
        $"{displayName} is the only active Admin. Make someone else an Admin first, so the library is never left without one.";

    public const string SelfDeactivationMessage = "You can't deactivate your own account. Ask another Admin to do it.";

    /// <summary>Accounts (active first, then by name), open invitations (newest first) and the limit.</summary>
    public async Task<StaffOverview> ListAsync(CancellationToken ct)
    {
        var actor = await guard.RequireAsync(Policies.Admin);
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.LastSignInAt, u.CreatedAt })
            .ToListAsync(ct);
        var roles = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleByUser = roles
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => Roles.All.FirstOrDefault(role => g.Any(r => r.Name == role)) ?? "");
        var members = users
            .Select(u => new StaffMemberRow(u.Id, u.DisplayName, u.Email ?? "", roleByUser.GetValueOrDefault(u.Id, ""), u.IsActive, u.LastSignInAt, u.CreatedAt))
            .OrderByDescending(m => m.IsActive)
            .ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var invitations = (await db.Invitations.AsNoTracking()
                .Where(i => i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync(ct))
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationRow(i.Id, i.Email, i.DisplayName, i.Role, i.CreatedAt, i.ExpiresAt, IsExpired: !i.IsPendingAt(now)))
            .ToList();

        var used = members.Count(m => m.IsActive) + invitations.Count(i => !i.IsExpired);
        return new StaffOverview(members, invitations, used, capacity.MaxAccounts, emailSender.IsConfigured, actor.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    /// <summary>Gives the account exactly one role. Refuses to demote the last active Admin.</summary>
    public async Task ChangeRoleAsync(string userId, string role, CancellationToken ct)
    {
        var actor = await guard.RequireAsync(Policies.Admin);
        if (!Roles.IsValid(role))
        {
            throw new StaffValidationException("Role", StaffValidation.RoleInvalid);
        }

        await using (await capacity.LockAsync(ct))
        {
            await using var operation = await BeginAsync(actor, ct);
            var user = await operation.FindUserAsync(userId);
            var current = await operation.Users.GetRolesAsync(user);
            if (current.Count == 1 && current[0] == role)
            {
                return;
            }

            if (current.Contains(Roles.Admin) && role != Roles.Admin && user.IsActive && await CountActiveAdminsAsync(operation.Db, ct) <= 1)
            {
                throw LastAdmin(user);
            }

            Check(await operation.Users.RemoveFromRolesAsync(user, current));
            Check(await operation.Users.AddToRoleAsync(user, role));
            Check(await operation.Users.UpdateSecurityStampAsync(user));
            await operation.CommitAsync(ct);
            logger.LogInformation("Staff account {UserId} role changed from {OldRoles} to {Role}", user.Id, string.Join(",", current), role);
        }
    }

    /// <summary>Stops the account from signing in (open pages are signed out within a minute). Its records stay attributed to it.</summary>
    public async Task DeactivateAsync(string userId, CancellationToken ct)
    {
        var actor = await guard.RequireAsync(Policies.Admin);
        if (string.Equals(actor.FindFirstValue(ClaimTypes.NameIdentifier), userId, StringComparison.Ordinal))
        {
            throw new StaffValidationException(SelfDeactivationMessage);
        }

        await using (await capacity.LockAsync(ct))
        {
            await using var operation = await BeginAsync(actor, ct);
            var user = await operation.FindUserAsync(userId);
            if (!user.IsActive)
            {
                return;
            }

            if (await operation.Users.IsInRoleAsync(user, Roles.Admin) && await CountActiveAdminsAsync(operation.Db, ct) <= 1)
            {
                throw LastAdmin(user);
            }

            user.IsActive = false;
            user.DeactivatedAt = timeProvider.GetUtcNow();
            Check(await operation.Users.UpdateAsync(user));
            Check(await operation.Users.UpdateSecurityStampAsync(user));
            await operation.CommitAsync(ct);
            logger.LogInformation("Staff account {UserId} deactivated", user.Id);
        }
    }

    /// <summary>Lets a deactivated account sign in again, if it fits within the account limit.</summary>
    /// <exception cref="StaffLimitReachedException">The limit is reached.</exception>
    public async Task ReactivateAsync(string userId, CancellationToken ct)
    {
        var actor = await guard.RequireAsync(Policies.Admin);
        await using (await capacity.LockAsync(ct))
        {
            await using var operation = await BeginAsync(actor, ct);
            var user = await operation.FindUserAsync(userId);
            if (user.IsActive)
            {
                return;
            }

            await capacity.EnsureRoomAsync(acceptingPendingInvitation: false, ct);
            user.IsActive = true;
            user.DeactivatedAt = null;
            Check(await operation.Users.UpdateAsync(user));
            Check(await operation.Users.UpdateSecurityStampAsync(user));
            await operation.CommitAsync(ct);
            logger.LogInformation("Staff account {UserId} reactivated", user.Id);
        }
    }

    /// <summary>
    /// A one-time password reset link for an active account, for an Admin to pass on when email is not set up:
    /// the same link as the forgot-password email (<see cref="PasswordResetLinks"/>).
    /// </summary>
    public async Task<string> CreatePasswordResetLinkAsync(string userId, string baseUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var actor = await guard.RequireAsync(Policies.Admin);
        await using var operation = await BeginAsync(actor, ct, transactional: false);
        var user = await operation.FindUserAsync(userId);
        if (!user.IsActive)
        {
            throw new StaffValidationException("This account is deactivated. Reactivate it before creating a reset link.");
        }

        var link = await new PasswordResetLinks(operation.Users).CreateLinkAsync(user, baseUri);
        logger.LogInformation("Password reset link created for staff account {UserId}", user.Id);
        return link;
    }

    private static async Task<int> CountActiveAdminsAsync(OutreachDbContext db, CancellationToken ct) =>
        await (
            from u in db.Users
            where u.IsActive
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Admin
            select u.Id)
            .Distinct()
            .CountAsync(ct);

    private static StaffValidationException LastAdmin(StaffUser user) =>
        new(LastAdminMessage(user.DisplayName));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new StaffValidationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task<Operation> BeginAsync(ClaimsPrincipal actor, CancellationToken ct, bool transactional = true)
    {
        var scope = scopeFactory.CreateAsyncScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(actor);
            var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
            var transaction = transactional ? await db.Database.BeginTransactionAsync(ct) : null;
            return new Operation(scope, db, transaction, scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>A DI scope acting as the admin, with one transaction around its Identity changes.</summary>
    private sealed class Operation(AsyncServiceScope scope, OutreachDbContext db, IDbContextTransaction? transaction, UserManager<StaffUser> users) : IAsyncDisposable
    {
        public OutreachDbContext Db => db;

        public UserManager<StaffUser> Users => users;

        public async Task<StaffUser> FindUserAsync(string userId) =>
            (string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId))
            ?? throw new StaffValidationException("That staff account no longer exists.");

        public Task CommitAsync(CancellationToken ct) => transaction?.CommitAsync(ct) ?? Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await scope.DisposeAsync();
        }
    }
}
