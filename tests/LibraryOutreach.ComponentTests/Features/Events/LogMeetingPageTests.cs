using System.Security.Claims;
using System.Text.Json;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Drafts;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Events;

public class LogMeetingPageTests : MudBunitTestBase
{
    private const string Me = "user-lee";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FakeEventService _events = new();

    public LogMeetingPageTests()
    {
        _events.Choices = new EventFormChoices(
            [new ChoiceListItem(Guid.NewGuid(), "Committee meeting", 10, false, 0), new ChoiceListItem(EventDefaults.TownMeetingTypeId, "Town or council meeting", 20, false, 0)],
            [new ChoiceListItem(Guid.NewGuid(), "Main library", 10, false, 0)],
            [new StaffOption(Me, "Lee Supervisor"), new StaffOption("user-sam", "Sam Staff")],
            []);
        Services.AddSingleton<IEventService>(_events);
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<FormDraftStore>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Lee Supervisor");
        authorization.SetRoles(Roles.Supervisor);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Me));
    }

    /// <summary>The text of the input's control: its label, helper and error message.</summary>
    private static string Field(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string selector) =>
        cut.Find(selector).Closest(".mud-input-control")?.TextContent ?? "";

    [Fact]
    public void LogMeetingPage_New_PrefillsTodayTheTownMeetingTypeAndTheCurrentPerson()
    {
        var cut = RenderWithProviders<LogMeetingPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#event-type")));
        Assert.Equal("Town or council meeting", cut.Find("#event-type").GetAttribute("value"));
        Assert.Equal("2026-03-15", cut.Find("input[data-testid=event-start-date]").GetAttribute("value"));
        Assert.Equal("Lee Supervisor", cut.Find("#event-staff").GetAttribute("value"));
        var allDay = cut.Find("[data-testid=event-all-day]");
        Assert.True((allDay.TagName == "INPUT" ? allDay : allDay.QuerySelector("input"))!.HasAttribute("checked"));
        Assert.Contains("Counts as outreach", cut.Markup, StringComparison.Ordinal);
        // Counts start empty: "not recorded", not 0.
        Assert.True(string.IsNullOrEmpty(cut.Find("#event-count-Attendance").GetAttribute("value")));
    }

    [Fact]
    public void LogMeetingPage_NegativeCountAndEndBeforeStart_ShowMessagesBesideTheFields_AndSaveNothing()
    {
        var cut = RenderWithProviders<LogMeetingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#event-count-Attendance")));

        cut.Find("#event-count-Attendance").Input("-5");
        cut.Find("input[data-testid=event-end-date]").Change("2026-03-01");
        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains(EventValidation.CountNegative, cut.Markup, StringComparison.Ordinal));
        Assert.Contains(EventValidation.EndDateBeforeStart, Field(cut, "input[data-testid=event-end-date]"), StringComparison.Ordinal);
        Assert.Contains(EventValidation.CountNegative, Field(cut, "#event-count-Attendance"), StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", cut.Find("[data-testid=event-form-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_events.Created);
    }

    [Fact]
    public void LogMeetingPage_InlineNewPerson_IsSavedWithTheEvent()
    {
        var cut = RenderWithProviders<LogMeetingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=event-add-new-person]")));

        cut.Find("[data-testid=event-add-new-person]").Click();
        cut.Find("#event-new-person-name-0").Input("Apu Nahasapeemapetilon");
        cut.Find("#event-new-person-email-0").Input("apu@kwikemart.test");
        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(_events.Created));
        var person = Assert.Single(_events.Created[0].NewPeople);
        Assert.Equal(("Apu Nahasapeemapetilon", "apu@kwikemart.test"), (person.Name, person.Email));
        Assert.Equal([Me], _events.Created[0].StaffIds);
        Assert.EndsWith($"events/{_events.NewId}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void LogMeetingPage_InlinePersonWithBadEmail_ShowsTheContactFormsMessageBesideIt()
    {
        var cut = RenderWithProviders<LogMeetingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=event-add-new-person]")));

        cut.Find("[data-testid=event-add-new-person]").Click();
        cut.Find("#event-new-person-name-0").Input("Apu");
        cut.Find("#event-new-person-email-0").Input("apu@");
        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains(ContactValidation.EmailInvalid, cut.Find("[data-testid=event-new-person]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_events.Created);
    }

    [Fact]
    public void LogMeetingPage_InlineFollowUp_IsPrefilledForMeInAWeek_AndWithoutADateShowsTheFollowUpRule()
    {
        var cut = RenderWithProviders<LogMeetingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=event-add-follow-up]")));

        cut.Find("[data-testid=event-add-follow-up]").Click();
        var row = cut.Find("[data-testid=event-follow-up]");
        Assert.Equal("Lee Supervisor", cut.Find("#event-follow-up-assignee-0").GetAttribute("value"));
        Assert.Equal("2026-03-22", cut.Find("input[data-testid=event-follow-up-due]").GetAttribute("value"));

        cut.Find("[data-testid=event-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains(FollowUpRules.TitleRequired, cut.Find("[data-testid=event-follow-up]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_events.Created);

        cut.Find("#event-follow-up-title-0").Input("Send the budget summary");
        cut.Find("input[data-testid=event-follow-up-due]").Change("");
        cut.Find("[data-testid=event-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains(FollowUpRules.DueDateRequired, cut.Find("[data-testid=event-follow-up]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_events.Created);
        Assert.NotNull(row);
    }

    [Fact]
    public void LogMeetingPage_ServiceRefusesADeletedContact_ShowsItsMessageBesideTheAttendees()
    {
        _events.SaveError = new RecordValidationException(new Dictionary<string, string> { ["Attendees"] = "Ned Flanders is no longer in the contacts (deleted or merged meanwhile). Remove them and save again." });
        var cut = RenderWithProviders<LogMeetingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=event-save]")));

        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Ned Flanders is no longer in the contacts", Field(cut, "#event-attendee-input"), StringComparison.Ordinal));
    }

    [Fact]
    public void LogMeetingPage_Edit_FillsTheEvent_AndAConflictShowsTheirChangesThenReloadsTheirVersion()
    {
        var id = Guid.NewGuid();
        _events.Detail = new EventDetail(
            id, Guid.NewGuid(), "Budget hearing", EventDefaults.TownMeetingTypeId, "Town or council meeting",
            new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), null, null, "Town hall", null, null,
            LibraryRole.ParticipantGuest, null, EventSetting.Offsite, 40, null, null, null, "Mine", null, EventSource.Manual,
            [new StaffOption(Me, "Lee Supervisor")], [], [new ContactOption(Guid.NewGuid(), "Marge Simpson", null)], [],
            [new EventFollowUpView(Guid.NewGuid(), "Send the summary", new DateOnly(2026, 3, 17), "Lee Supervisor", null)],
            true, true);
        _events.SaveError = new ConcurrencyConflictException([new FieldDifference("Attendance", "45", "40")], "Sue Supervisor");
        var cut = RenderWithProviders<LogMeetingPage>(new Dictionary<string, object?> { [nameof(LogMeetingPage.Id)] = id });
        cut.WaitForAssertion(() => Assert.Equal("Budget hearing", cut.Find("#event-title").GetAttribute("value")));
        Assert.Equal("40", cut.Find("#event-count-Attendance").GetAttribute("value"));
        Assert.Contains("Send the summary", cut.Find("[data-testid=event-existing-follow-ups]").TextContent, StringComparison.Ordinal);

        _events.Detail = _events.Detail with { Attendance = 45 };
        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Sue Supervisor changed this record", cut.Find("[data-testid=conflict-message]").TextContent, StringComparison.Ordinal));
        Assert.Contains("45", cut.Find("[data-testid=conflict-differences]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=conflict-reload]").Click();
        cut.WaitForAssertion(() => Assert.Equal("45", cut.Find("#event-count-Attendance").GetAttribute("value")));
        Assert.Empty(_events.Created);
    }

    [Fact]
    public void LogMeetingPage_DraftInTheBrowser_IsLoadedBack_AndCanBeDiscarded()
    {
        var draft = EventDefaults.NewMeeting(_events.Choices.Types, new DateOnly(2026, 3, 15), Me);
        draft.Notes = "Typed before the connection dropped";
        draft.Attendees = [new ContactOption(Guid.NewGuid(), "Marge Simpson", "Springfield Town Council")];
        var envelope = JsonSerializer.Serialize(new { SavedAt = Clock.GetUtcNow(), Model = draft }, Json);
        JSInterop.Setup<string?>("outreach.drafts.load", _ => true).SetResult(envelope);

        var cut = RenderWithProviders<LogMeetingPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=draft-restored]")));
        var notes = cut.Find("#event-notes");
        Assert.Contains("Typed before the connection dropped", notes.GetAttribute("value") ?? notes.TextContent, StringComparison.Ordinal);
        Assert.Contains("Marge Simpson · Springfield Town Council", cut.Find("[data-testid=event-attendees]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=draft-discard]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=draft-restored]")));
        Assert.Empty(cut.FindAll("[data-testid=event-attendee-chip]"));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "outreach.drafts.remove" && Equals(i.Arguments[0], $"outreach-draft:{Me}:{LogMeetingPage.NewDraftForm}"));
    }
}
