using System.Security.Claims;
using LibraryOutreach.ComponentTests.Features.Contacts;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.FollowUps;

public class FollowUpComponentTests : MudBunitTestBase
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private readonly FollowUpChanges _changes = new();
    private readonly FakeFollowUpService _followUps;
    private readonly FakeContactService _contacts = new();

    public FollowUpComponentTests()
    {
        _followUps = new FakeFollowUpService(_changes, Today);
        Services.AddSingleton(_changes);
        Services.AddSingleton<IFollowUpService>(_followUps);
        Services.AddSingleton<IContactService>(_contacts);
        Services.AddScoped<FollowUpActions>();
        Services.AddScoped<CurrentUser>();
        _contacts.Staff.Add(new StaffOption("me", "Sam Staff"));
        var authorization = AuthorizeAsAdmin("Sam Staff");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "me"));
    }

    [Fact]
    public void MyFollowUpsPage_GroupsOverdueFirstThenDueTodayThenUpcoming_AndHidesDone()
    {
        _followUps.Add("Next week", 7);
        _followUps.Add("Today", 0);
        _followUps.Add("Finished", -3, done: true);
        _followUps.Add("Long overdue", -10);
        _followUps.Add("Yesterday", -1);

        var cut = RenderWithProviders<MyFollowUpsPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=followup-row]").Count));
        Assert.Equal(["Long overdue", "Yesterday", "Today", "Next week"], cut.FindAll("[data-testid=followup-title-text]").Select(t => t.TextContent.Trim()));
        Assert.Equal(
            ["followups-group-Overdue", "followups-group-DueToday", "followups-group-Upcoming"],
            cut.FindAll("[data-testid^=followups-group-]").Select(g => g.GetAttribute("data-testid")));
        Assert.DoesNotContain("Finished", cut.Markup, StringComparison.Ordinal);

        cut.Find("input[data-testid=followups-show-done]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Finished", cut.Markup, StringComparison.Ordinal));
        Assert.Equal([false, true], _followUps.MineQueries);
    }

    [Fact]
    public void MyFollowUpsPage_TickingOne_MarksItDoneInOneClickAndTheBadgeCountsDown()
    {
        _followUps.Add("Yesterday", -1);
        _followUps.Add("Today", 0);
        _followUps.Add("Tomorrow", 1);
        var badge = Render<FollowUpBadge>();
        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=followups-badge]").TextContent.Trim()));
        var cut = RenderWithProviders<MyFollowUpsPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=followup-row]").Count));

        cut.FindAll("input[data-testid=followup-done]")[0].Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["Today", "Tomorrow"], cut.FindAll("[data-testid=followup-title-text]").Select(t => t.TextContent.Trim())));
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=followups-badge]").TextContent.Trim()));
        Assert.NotNull(_followUps.Items.Single(i => i.Title == "Yesterday").DoneAt);

        cut.FindAll("input[data-testid=followup-done]")[0].Change(true);

        badge.WaitForAssertion(() => Assert.Empty(badge.FindAll("[data-testid=followups-badge]")));
    }

    [Fact]
    public void MyFollowUpsPage_NothingOpen_ShowsTheEmptyState()
    {
        var cut = RenderWithProviders<MyFollowUpsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Nothing to follow up", cut.Find("[data-testid=followups-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void FollowUpDialog_SaveWithoutTitleOrDate_ShowsEachMessageBesideItsFieldAndSavesNothing()
    {
        var cut = RenderWithProviders<MyFollowUpsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=followups-add]"));

        cut.Find("[data-testid=followups-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=followup-save]"));
        cut.Find("[data-testid=followup-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains(FollowUpRules.TitleRequired, cut.Markup, StringComparison.Ordinal));
        Assert.Contains(FollowUpRules.DueDateRequired, cut.Markup, StringComparison.Ordinal);
        // The assignee defaults to the person adding it.
        Assert.DoesNotContain(FollowUpRules.AssigneeRequired, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(_followUps.Created);
        var describedBy = cut.Find("#followup-title").GetAttribute("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy));
        Assert.Contains(FollowUpRules.TitleRequired, cut.Find($"[id='{describedBy!.Split(' ')[0]}']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FollowUpDialog_FilledIn_CreatesItForTheContactAndTheBadgeCountsUp()
    {
        var badge = Render<FollowUpBadge>();
        var contactId = Guid.NewGuid();
        var cut = RenderWithProviders<FollowUpsPanel>(new Dictionary<string, object?> { ["ContactId"] = contactId, ["About"] = "Edna Krabappel" });
        cut.WaitForAssertion(() => cut.Find("[data-testid=followups-panel-empty]"));

        cut.Find("[data-testid=followups-panel-add]").Click();
        cut.WaitForAssertion(() => cut.Find("#followup-title"));
        Assert.Contains("About Edna Krabappel", cut.Find("[data-testid=followup-about]").TextContent, StringComparison.Ordinal);
        cut.Find("#followup-title").Change("Send the summer reading flyer");
        cut.Find("#followup-due").Change("2026-03-15");
        cut.Find("[data-testid=followup-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(_followUps.Created));
        Assert.Equal(("Send the summer reading flyer", Today, "me", contactId), (_followUps.Created[0].Title, _followUps.Created[0].DueDate, _followUps.Created[0].AssigneeId, _followUps.Created[0].ContactId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=followup-row]")));
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=followups-badge]").TextContent.Trim()));
    }
}
