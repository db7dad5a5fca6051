namespace LibraryOutreach.Web.Features.Reminders;

/// <summary>The current person's notifications (see <see cref="NotificationService"/>); an interface so component tests can fake it.</summary>
public interface INotificationService
{
    Task<int> CountUnreadAsync(CancellationToken ct = default);

    Task<IReadOnlyList<NotificationView>> ListAsync(CancellationToken ct = default);

    Task MarkReadAsync(Guid id, CancellationToken ct = default);

    Task MarkAllReadAsync(CancellationToken ct = default);
}
