using LibraryOutreach.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Reminders;

public class NotificationBellTests : MudBunitTestBase
{
    private readonly FakeNotifications _notifications = new();

    public NotificationBellTests()
    {
        Services.AddSingleton<INotificationService>(_notifications);
        AuthorizeAsAdmin();
    }

    [Fact]
    public void Bell_ShowsTheUnreadCount_ListsThem_AndMarkAllReadClearsTheCount()
    {
        _notifications.Items.Add(new NotificationView(Guid.NewGuid(), "Follow-up due today: Call the principal", "follow-ups", new DateOnly(2026, 3, 15), false));
        _notifications.Items.Add(new NotificationView(Guid.NewGuid(), "Time to reach out: Edna Krabappel", "contacts/x", new DateOnly(2026, 3, 15), false));
        _notifications.Items.Add(new NotificationView(Guid.NewGuid(), "Old news", null, new DateOnly(2026, 3, 1), true));

        var cut = RenderWithProviders<NotificationBell>();

        cut.WaitForAssertion(() => Assert.Contains("Notifications, 2 unread", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("2", cut.Find("[data-testid=notifications-count] .mud-badge").TextContent.Trim());

        cut.Find("[data-testid=notifications-bell] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=notification-item]").Count));
        Assert.Equal(["false", "false", "true"], cut.FindAll("[data-testid=notification-item]").Select(i => i.GetAttribute("data-read")));

        cut.Find("[data-testid=notifications-mark-all]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Notifications, none unread", cut.Markup, StringComparison.Ordinal));
        Assert.True(_notifications.Items.All(i => i.IsRead));
    }

    private sealed class FakeNotifications : INotificationService
    {
        public List<NotificationView> Items { get; } = [];

        public Task<int> CountUnreadAsync(CancellationToken ct = default) => Task.FromResult(Items.Count(i => !i.IsRead));

        public Task<IReadOnlyList<NotificationView>> ListAsync(CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<NotificationView>>([.. Items.OrderBy(i => i.IsRead)]);

        public Task MarkReadAsync(Guid id, CancellationToken ct = default)
        {
            var index = Items.FindIndex(i => i.Id == id);
            Items[index] = Items[index] with { IsRead = true };
            return Task.CompletedTask;
        }

        public Task MarkAllReadAsync(CancellationToken ct = default)
        {
            for (var i = 0; i < Items.Count; i++)
            {
                Items[i] = Items[i] with { IsRead = true };
            }

            return Task.CompletedTask;
        }
    }
}
