using LibraryOutreach.ComponentTests.Features.Contacts;
using LibraryOutreach.ComponentTests.Features.Interactions;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Features.Timeline;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LibraryOutreach.ComponentTests.Features.Timeline;

public class TimelinePanelTests : MudBunitTestBase
{
    private static readonly Guid Edna = Guid.NewGuid();
    private readonly FakeTimelineService _timeline = new();

    public TimelinePanelTests()
    {
        Services.AddSingleton<ITimelineService>(_timeline);
        Services.AddSingleton<IInteractionService>(new FakeInteractionService(Clock));
        Services.AddSingleton<IContactService>(new FakeContactService());
        AuthorizeAsAdmin();
    }

    private static TimelineEntry Entry(TimelineEntryKind kind, DateTimeOffset at, string title, IReadOnlyList<string>? staff = null, TimelineVia? via = null) =>
        new(kind, Guid.NewGuid().ToString(), at, false, title, null, staff ?? [], null, via, null, null);

    private IRenderedComponent<TimelinePanel> RenderPanel(Guid? organizationId = null) =>
        RenderWithProviders<TimelinePanel>(organizationId is null
            ? new Dictionary<string, object?> { [nameof(TimelinePanel.ContactId)] = Edna, [nameof(TimelinePanel.PageSize)] = 3 }
            : new Dictionary<string, object?> { [nameof(TimelinePanel.OrganizationId)] = organizationId, [nameof(TimelinePanel.PageSize)] = 3 })
        .FindComponent<TimelinePanel>();

    [Fact]
    public void Entries_RenderNewestFirstInMonthGroups_WithTheirStaffAndVia()
    {
        _timeline.Entries.Add(Entry(TimelineEntryKind.Event, new DateTimeOffset(2026, 3, 12, 19, 0, 0, TimeSpan.Zero), "Council meeting", ["Ann Supervisor", "Sam Staff"]));
        _timeline.Entries.Add(Entry(TimelineEntryKind.Interaction, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), "Called about the fair", ["Sam Staff"], new TimelineVia(Guid.NewGuid(), "Jane Doe", "Principal")));
        _timeline.Entries.Add(Entry(TimelineEntryKind.FollowUpDone, new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero), "Send the flyer", ["Kim Staff"]));

        var cut = RenderPanel();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=timeline-entry]").Count));
        Assert.Equal(["March 2026", "February 2026"], cut.FindAll("[data-testid=timeline-month]").Select(h => h.TextContent));
        var entries = cut.FindAll("[data-testid=timeline-entry]");
        Assert.Contains("Event:", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Staff: Ann Supervisor, Sam Staff", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("via Jane Doe, Principal", entries[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Follow-up done:", entries[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Kim Staff", entries[2].TextContent, StringComparison.Ordinal);
        Assert.Equal(TimelineSubject.Contact(Edna), _timeline.Calls.Single().Subject);
        Assert.Contains("that is the whole timeline", cut.Find("[data-testid=timeline-end]").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NoEntries_ShowsTheEmptyState()
    {
        var cut = RenderPanel();

        cut.WaitForAssertion(() => Assert.Contains("Nothing on this timeline yet", cut.Find("[data-testid=timeline-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=timeline-load-older]"));
    }

    [Fact]
    public void LoadOlder_AppendsTheNextPage_AndAnnouncesIt()
    {
        for (var i = 0; i < 7; i++)
        {
            _timeline.Entries.Add(Entry(TimelineEntryKind.Interaction, new DateTimeOffset(2026, 3, 14 - i, 10, 0, 0, TimeSpan.Zero), $"Touch {i}"));
        }

        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=timeline-entry]").Count));

        cut.Find("[data-testid=timeline-load-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid=timeline-entry]").Count));
        Assert.Equal(["Touch 0", "Touch 1", "Touch 2", "Touch 3", "Touch 4", "Touch 5"], cut.FindAll("[data-testid=timeline-title]").Select(t => t.TextContent));
        Assert.Equal("Loaded 3 older entries.", cut.Find("[data-testid=timeline-status]").TextContent);
        Assert.Equal(_timeline.Entries[2].Key, _timeline.Calls[^1].After!.Key);

        cut.Find("[data-testid=timeline-load-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(7, cut.FindAll("[data-testid=timeline-entry]").Count));
        Assert.Empty(cut.FindAll("[data-testid=timeline-load-older]"));
        Assert.Contains("that is the whole timeline", cut.Find("[data-testid=timeline-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOlder_ShowsALoadingIndicatorWhileThePageLoads()
    {
        for (var i = 0; i < 5; i++)
        {
            _timeline.Entries.Add(Entry(TimelineEntryKind.Interaction, new DateTimeOffset(2026, 3, 14 - i, 10, 0, 0, TimeSpan.Zero), $"Touch {i}"));
        }

        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=timeline-entry]").Count));
        _timeline.Gate = new TaskCompletionSource();

        cut.Find("[data-testid=timeline-load-older]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=timeline-loading]")));
        Assert.True(cut.Find("[data-testid=timeline-load-older]").HasAttribute("disabled"));

        _timeline.Gate.SetResult();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=timeline-entry]").Count));
        Assert.Empty(cut.FindAll("[data-testid=timeline-loading]"));
    }

    [Fact]
    public async Task Filters_TypeAndInitiator_StartAgainFromTheNewest_WithTheFilter()
    {
        _timeline.Entries.Add(Entry(TimelineEntryKind.Event, new DateTimeOffset(2026, 3, 12, 19, 0, 0, TimeSpan.Zero), "Council meeting"));
        _timeline.Entries.Add(Entry(TimelineEntryKind.Interaction, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), "Called about the fair"));
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=timeline-entry]").Count));

        var types = cut.FindComponent<MudSelect<TimelineEntryType>>();
        await cut.InvokeAsync(() => types.Instance.SelectedValuesChanged.InvokeAsync([TimelineEntryType.Events]));

        cut.WaitForAssertion(() => Assert.Equal(["Council meeting"], cut.FindAll("[data-testid=timeline-title]").Select(t => t.TextContent)));
        Assert.Equal([TimelineEntryType.Events], _timeline.Calls[^1].Filter.Types);
        Assert.Null(_timeline.Calls[^1].After);

        var initiated = cut.FindComponent<MudSelect<InitiatedBy?>>();
        await cut.InvokeAsync(() => initiated.Instance.ValueChanged.InvokeAsync(InitiatedBy.Partner));

        cut.WaitForAssertion(() => Assert.Contains("No entries match these filters.", cut.Find("[data-testid=timeline-empty]").TextContent, StringComparison.Ordinal));
        Assert.Equal((InitiatedBy.Partner, 1), (_timeline.Calls[^1].Filter.InitiatedBy!.Value, _timeline.Calls[^1].Filter.Types.Count));
    }

    [Fact]
    public void OrganizationTimeline_AsksForTheOrganization()
    {
        var org = Guid.NewGuid();
        var cut = RenderPanel(org);

        cut.WaitForAssertion(() => Assert.Single(_timeline.Calls));
        Assert.Equal(TimelineSubject.Organization(org), _timeline.Calls[0].Subject);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=timeline-empty]")));
    }
}
