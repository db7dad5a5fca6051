using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Reminders;

/// <summary>One notification as the bell lists it.</summary>
public sealed record NotificationView(Guid Id, string Text, string? Link, DateOnly Day, bool IsRead);

/// <summary>The current person's in-app notifications: count, list, mark read. Nobody reads anyone else's.</summary>
public sealed class NotificationService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard, TimeProvider timeProvider) : INotificationService
{
    public const int ListSize = 20;

    public async Task<int> CountUnreadAsync(CancellationToken ct = default)
    {
        var me = await MeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    /// <summary>The newest notifications, unread first.</summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(CancellationToken ct = default)
    {
        var me = await MeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == me)
            .OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.Day).ThenByDescending(n => n.Id)
            .Take(ListSize)
            .Select(n => new NotificationView(n.Id, n.Text, n.Link, n.Day, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var me = await MeAsync();
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.Id == id && n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = await MeAsync();
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private async Task<string> MeAsync()
    {
        var user = await guard.RequireAsync(Policies.Staff);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException();
    }
}
