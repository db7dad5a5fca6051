using System.Security.Claims;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Events;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Events;

public class EventPageTests : MudBunitTestBase
{
    private readonly FakeEventService _events = new();

    public EventPageTests()
    {
        Services.AddSingleton<IEventService>(_events);
        // The history panel has its own tests (integration, on real audit entries).
        ComponentFactories.AddStub<RecordHistoryPanel>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Sam Staff");
        authorization.SetRoles(Roles.Staff);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-sam"));
    }

    private static EventDetail Detail(bool canEdit, Guid marge) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Budget hearing", Guid.NewGuid(), "Town or council meeting",
        new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), null, null, "Town hall", null, null,
        LibraryRole.CoSponsor, AudienceAgeGroup.Adults, EventSetting.Offsite,
        0, null, 12, null, "Long evening", null, EventSource.Manual,
        [new StaffOption("user-lee", "Lee Supervisor")],
        [new OrganizationOption(Guid.NewGuid(), "Springfield Town Council")],
        [new ContactOption(marge, "Marge Simpson", "Springfield Town Council")],
        [],
        [new EventFollowUpView(Guid.NewGuid(), "Send the budget summary", new DateOnly(2026, 3, 17), "Sam Staff", null)],
        canEdit,
        canEdit);

    [Fact]
    public void EventPage_ShowsNotRecordedApartFromZero_TheCategoryAndAttendeeLinks()
    {
        var marge = Guid.NewGuid();
        _events.Detail = Detail(canEdit: false, marge);

        var cut = RenderWithProviders<EventPage>(new Dictionary<string, object?> { ["Id"] = _events.Detail.Id });

        cut.WaitForAssertion(() => Assert.Equal("Budget hearing", cut.Find("[data-testid=event-title]").TextContent.Trim()));
        Assert.Equal("0", cut.Find("[data-testid=event-count-Attendance]").TextContent.Trim());
        Assert.Equal("Not recorded", cut.Find("[data-testid=event-count-LibraryCardsIssued]").TextContent.Trim());
        Assert.Equal("12", cut.Find("[data-testid=event-count-ItemsCheckedOut]").TextContent.Trim());
        Assert.Equal("Program", cut.Find("[data-testid=event-category]").TextContent.Trim());
        Assert.Equal($"contacts/{marge}", cut.Find("[data-testid=event-attendee] a").GetAttribute("href"));
        Assert.Contains("Send the budget summary", cut.Find("[data-testid=event-follow-ups]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=event-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=event-delete]"));
    }

    [Fact]
    public void EventPage_Delete_AsksFirstThenDeletesAndGoesToTheEventsList()
    {
        _events.Detail = Detail(canEdit: true, Guid.NewGuid());
        var cut = RenderWithProviders<EventPage>(new Dictionary<string, object?> { ["Id"] = _events.Detail.Id });
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=event-delete]")));

        cut.Find("[data-testid=event-delete]").Click();
        Assert.Empty(_events.Deleted);
        cut.WaitForAssertion(() => Assert.Contains("Delete this event?", cut.Markup, StringComparison.Ordinal));
        cut.FindAll("button").First(b => b.TextContent.Trim() == "Delete event").Click();

        cut.WaitForAssertion(() => Assert.Equal([_events.Detail.Id], _events.Deleted));
        Assert.EndsWith("/events", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
