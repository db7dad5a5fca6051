using System.Security.Claims;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.UnitTests.Features.Events;

public class EventValidationTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static EventInput Valid() => new()
    {
        TypeId = Guid.NewGuid(),
        StartDate = new DateOnly(2026, 3, 10),
        StaffIds = ["staff-1"],
    };

    [Fact]
    public void Validate_AMinimalMeeting_HasNoErrors()
    {
        Assert.Empty(EventValidation.Validate(Valid()));
    }

    [Fact]
    public void Validate_EndDateBeforeStart_IsAnErrorOnTheLastDay()
    {
        var input = Valid();
        input.EndDate = new DateOnly(2026, 3, 9);

        Assert.Equal(EventValidation.EndDateBeforeStart, Assert.Single(EventValidation.Validate(input)).Value);
        Assert.True(EventValidation.Validate(input).ContainsKey(nameof(EventInput.EndDate)));
    }

    [Fact]
    public void Validate_EndTimeBeforeStartOnTheSameDay_IsAnError_ButNotOnALaterDay()
    {
        var input = Valid();
        input.IsAllDay = false;
        input.StartTime = new TimeOnly(19, 0);
        input.EndTime = new TimeOnly(18, 30);

        Assert.Equal(EventValidation.EndTimeBeforeStart, EventValidation.Validate(input)[nameof(EventInput.EndTime)]);

        input.EndDate = new DateOnly(2026, 3, 11);
        Assert.Empty(EventValidation.Validate(input));
    }

    [Fact]
    public void Validate_TimedWithoutStartTime_AsksForIt()
    {
        var input = Valid();
        input.IsAllDay = false;

        Assert.Equal(EventValidation.StartTimeRequired, EventValidation.Validate(input)[nameof(EventInput.StartTime)]);
    }

    [Theory]
    [InlineData(nameof(EventInput.Attendance))]
    [InlineData(nameof(EventInput.LibraryCardsIssued))]
    [InlineData(nameof(EventInput.ItemsCheckedOut))]
    [InlineData(nameof(EventInput.MaterialsHandedOut))]
    public void Validate_NegativeCount_IsAnErrorOnThatCount_ZeroAndEmptyAreFine(string key)
    {
        var input = Valid();
        Set(input, key, -1);
        Assert.Equal(EventValidation.CountNegative, Assert.Single(EventValidation.Validate(input)).Value);
        Assert.True(EventValidation.Validate(input).ContainsKey(key));

        Set(input, key, 0);
        Assert.Empty(EventValidation.Validate(input));
        Set(input, key, null);
        Assert.Empty(EventValidation.Validate(input));
    }

    [Fact]
    public void Validate_MissingTypeDateAndStaff_NamesEach()
    {
        var errors = EventValidation.Validate(new EventInput());

        Assert.Equal(EventValidation.TypeRequired, errors[nameof(EventInput.TypeId)]);
        Assert.Equal(EventValidation.StartDateRequired, errors[nameof(EventInput.StartDate)]);
        Assert.Equal(EventValidation.StaffRequired, errors[nameof(EventInput.StaffIds)]);
    }

    [Fact]
    public void Validate_FollowUpWithoutAssigneeOrDate_UsesFollowUpRulesMessagesPerRow()
    {
        var input = Valid();
        input.FollowUps = [new InlineFollowUpInput { Title = "Fine", DueDate = new DateOnly(2026, 3, 17), AssigneeId = "staff-1" }, new InlineFollowUpInput { Title = "Call back" }];

        var errors = EventValidation.Validate(input);

        Assert.Equal(2, errors.Count);
        Assert.Equal(FollowUpRules.DueDateRequired, errors["FollowUps[1].DueDate"]);
        Assert.Equal(FollowUpRules.AssigneeRequired, errors["FollowUps[1].AssigneeId"]);
    }

    [Fact]
    public void Validate_NewPeople_NeedANameAndAValidEmail()
    {
        var input = Valid();
        input.NewPeople = [new NewPersonInput(), new NewPersonInput { Name = "Apu", Email = "apu@" }, new NewPersonInput { Name = "Ok Person", Email = "ok@example.org" }];

        var errors = EventValidation.Validate(input);

        Assert.Equal(EventValidation.NewPersonNameRequired, errors["NewPeople[0].Name"]);
        Assert.Equal(ContactValidation.EmailInvalid, errors["NewPeople[1].Email"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void ToContact_SplitsTheNameAtTheLastSpace()
    {
        var contact = EventValidation.ToContact(new NewPersonInput { Name = " Mary Ann  Smith ", Email = "mary@example.org" }, 0, []);

        Assert.NotNull(contact);
        Assert.Equal(("Mary Ann", "Smith", "Mary Ann  Smith"), (contact.FirstName, contact.LastName, contact.DisplayName));
        Assert.Equal("mary@example.org", Assert.Single(contact.Emails).NormalizedAddress);
    }

    [Fact]
    public void Apply_TimedEvent_KeepsInstantsInUtcAndTheTypeAsDefaultTitle()
    {
        var input = Valid();
        input.IsAllDay = false;
        input.StartTime = new TimeOnly(19, 0);
        input.EndTime = new TimeOnly(20, 30);
        input.Notes = "  ";
        var target = new OutreachEvent();

        EventValidation.Apply(input, target, "Town or council meeting", NewYork);

        Assert.Equal("Town or council meeting", target.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero), target.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero), target.EndsAt);
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10)), (target.StartDate, target.EndDate));
        Assert.Null(target.Notes);
    }

    [Fact]
    public void Apply_AllDay_ClearsTimes_AndInvalidInputWritesNothing()
    {
        var target = new OutreachEvent { Title = "Before", StartsAt = DateTimeOffset.UtcNow };
        EventValidation.Apply(Valid(), target, "Type", NewYork);
        Assert.True(target.IsAllDay);

        var bad = Valid();
        bad.Attendance = -3;
        bad.Title = "After";
        var error = Assert.Throws<RecordValidationException>(() => EventValidation.Apply(bad, target, "Type", NewYork));
        Assert.Equal(EventValidation.CountNegative, error.Errors[nameof(EventInput.Attendance)]);
        Assert.Equal("Type", target.Title);
    }

    private static void Set(EventInput input, string key, int? value)
    {
        switch (key)
        {
            case nameof(EventInput.Attendance): input.Attendance = value; break;
            case nameof(EventInput.LibraryCardsIssued): input.LibraryCardsIssued = value; break;
            case nameof(EventInput.ItemsCheckedOut): input.ItemsCheckedOut = value; break;
            default: input.MaterialsHandedOut = value; break;
        }
    }
}

public class EventDefaultsTests
{
    [Fact]
    public void NewMeeting_PrefillsTodayTheTownMeetingTypeAndTheCurrentPerson()
    {
        var types = new List<ChoiceListItem>
        {
            new(Guid.NewGuid(), "Committee meeting", 10, false, 0),
            new(EventDefaults.TownMeetingTypeId, "Town or council meeting", 20, false, 0),
        };

        var input = EventDefaults.NewMeeting(types, new DateOnly(2026, 3, 15), "me");

        Assert.Equal((EventDefaults.TownMeetingTypeId, new DateOnly(2026, 3, 15), true), (input.TypeId, input.StartDate, input.IsAllDay));
        Assert.Equal(["me"], input.StaffIds);
        Assert.Null(input.Attendance);
    }

    [Fact]
    public void NewMeeting_WithoutTheTownMeetingType_TakesTheFirstType()
    {
        var first = Guid.NewGuid();
        var input = EventDefaults.NewMeeting([new(first, "School visit", 10, false, 0), new(Guid.NewGuid(), "Other", 20, false, 0)], new DateOnly(2026, 3, 15), null);

        Assert.Equal(first, input.TypeId);
        Assert.Empty(input.StaffIds);
    }

    [Fact]
    public void NewFollowUp_IsForThePersonLoggingAndDueInAWeek()
    {
        var f = EventDefaults.NewFollowUp(new DateOnly(2026, 3, 15), "me");

        Assert.Equal((new DateOnly(2026, 3, 22), "me"), (f.DueDate, f.AssigneeId));
        Assert.Null(f.Title);
    }
}

public class EventPermissionsTests
{
    private static ClaimsPrincipal User(string id, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role)], "Test"));

    [Fact]
    public void CanEdit_StaffCreatorOrPresent_YesOtherStaffNo_SupervisorsAndAdminsAlways()
    {
        var e = new OutreachEvent { CreatedById = "creator" };
        string[] present = ["present"];

        Assert.True(EventPermissions.CanEdit(User("creator", Roles.Staff), e, present));
        Assert.True(EventPermissions.CanEdit(User("present", Roles.Staff), e, present));
        Assert.False(EventPermissions.CanEdit(User("other", Roles.Staff), e, present));
        Assert.True(EventPermissions.CanEdit(User("other", Roles.Supervisor), e, present));
        Assert.True(EventPermissions.CanEdit(User("other", Roles.Admin), e, present));
    }

    [Fact]
    public void EventText_Count_NotRecordedIsNotZero()
    {
        Assert.Equal("Not recorded", EventText.Count(null));
        Assert.Equal("0", EventText.Count(0));
    }
}
