using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Features.Search;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Events;

public class EventServiceTests
{
    private static readonly Guid TownMeeting = EventTypeConfiguration.Defaults[0].Id;

    private static EventInput Meeting(StaffUser staff, params ContactOption[] attendees) => new()
    {
        TypeId = TownMeeting,
        StartDate = new DateOnly(2026, 3, 10),
        StaffIds = [staff.Id],
        Attendees = [.. attendees],
    };

    private sealed record Seeded(Organization Council, Contact Marge, Contact Ned, Tag Tag);

    private static async Task<Seeded> SeedAsync(OutreachAppFactory app)
    {
        var council = new Organization { Name = "Springfield Town Council", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        var marge = new Contact { FirstName = "Marge", LastName = "Simpson", DisplayName = "Marge Simpson" };
        var ned = new Contact { FirstName = "Ned", LastName = "Flanders", DisplayName = "Ned Flanders" };
        var tag = new Tag { Name = "Civic", Color = "#1f5f8b" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(council, marge, ned, tag);
            db.Affiliations.Add(new Affiliation { ContactId = marge.Id, OrganizationId = council.Id, Role = "Clerk" });
            await db.SaveChangesAsync();
        });
        return new Seeded(council, marge, ned, tag);
    }

    private static ContactOption Option(Contact c) => new(c.Id, c.DisplayName, null);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateAsync_WithEverything_SavesTheEventLinksNewPeopleAndFollowUpsTogether(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var seed = await SeedAsync(app);
        var input = Meeting(lee, Option(seed.Marge), Option(seed.Ned));
        input.StaffIds.Add(sam.Id);
        input.IsAllDay = false;
        input.StartTime = new TimeOnly(19, 0);
        input.EndTime = new TimeOnly(20, 30);
        input.Location = "Town hall";
        input.LibraryRole = LibraryRole.ParticipantGuest;
        input.Organizations = [new OrganizationOption(seed.Council.Id, seed.Council.Name)];
        input.TagIds = [seed.Tag.Id];
        input.NewPeople = [new NewPersonInput { Name = "Apu Nahasapeemapetilon", Email = "apu@kwikemart.test", Organization = new OrganizationOption(seed.Council.Id, seed.Council.Name) }];
        input.Attendance = 0;
        input.Notes = "Budget hearing";
        input.FollowUps = [new InlineFollowUpInput { Title = "Send the library's budget summary", DueDate = new DateOnly(2026, 3, 17), AssigneeId = sam.Id }];

        var id = await app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(input));
        var detail = await app.AsAsync<EventService, EventDetail>(sam, Roles.Staff, s => s.GetAsync(id));

        Assert.Equal(("Town or council meeting", "Town or council meeting", "Town hall"), (detail.Title, detail.TypeName, detail.Location));
        Assert.Equal((new TimeOnly(19, 0), new TimeOnly(20, 30)), (TimeOnly.FromDateTime(detail.StartsAt!.Value.DateTime), TimeOnly.FromDateTime(detail.EndsAt!.Value.DateTime)));
        Assert.Equal(SurveyCategory.Outreach, detail.Category);
        Assert.Equal(["Apu Nahasapeemapetilon", "Marge Simpson", "Ned Flanders"], detail.Attendees.Select(a => a.Name));
        Assert.Equal("Springfield Town Council", detail.Attendees.Single(a => a.Name == "Marge Simpson").Organization);
        Assert.Equal("Springfield Town Council", detail.Attendees.Single(a => a.Name.StartsWith("Apu", StringComparison.Ordinal)).Organization);
        Assert.Equal(["Lee Supervisor", "Sam Staff"], detail.Staff.Select(s => s.DisplayName));
        Assert.Equal(["Civic"], detail.Tags.Select(t => t.Name));
        Assert.Equal((0, null, null, null), (detail.Attendance, detail.LibraryCardsIssued, detail.ItemsCheckedOut, detail.MaterialsHandedOut));
        var followUp = Assert.Single(detail.FollowUps);
        Assert.Equal(("Send the library's budget summary", "Sam Staff", new DateOnly(2026, 3, 17)), (followUp.Title, followUp.AssigneeName, followUp.DueDate));
        Assert.True(detail.CanEdit); // Sam was there.

        // A timeline entry (event link) for every attendee; the new person is a real contact with their email.
        Assert.Equal(3, await app.WithDbAsync(db => db.OutreachEventContacts.CountAsync(c => c.EventId == id)));
        var apu = await app.WithDbAsync(db => db.Contacts.Include(c => c.Emails).SingleAsync(c => c.LastName == "Nahasapeemapetilon"));
        Assert.Equal(("Apu", "apu@kwikemart.test"), (apu.FirstName, apu.Emails.Single().Address));
        var audit = await app.AsAsync<AuditService, IReadOnlyList<AuditRow>>(sam, Roles.Staff, s => s.ListForRecordAsync(nameof(OutreachEvent), id, CancellationToken.None));
        Assert.Equal(AuditActions.Created, Assert.Single(audit).Action);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateAsync_OnePartInvalid_SavesNothingAndNamesEachField(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var seed = await SeedAsync(app);
        var input = Meeting(lee, Option(seed.Marge));
        input.EndDate = new DateOnly(2026, 3, 9);
        input.ItemsCheckedOut = -1;
        input.NewPeople = [new NewPersonInput { Name = "Good Person" }, new NewPersonInput { Name = "Bad Email", Email = "not-an-email" }];
        input.FollowUps = [new InlineFollowUpInput { Title = "Call back" }];

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(input)));

        Assert.Equal(EventValidation.EndDateBeforeStart, error.Errors["EndDate"]);
        Assert.Equal(EventValidation.CountNegative, error.Errors["ItemsCheckedOut"]);
        Assert.Equal(ContactValidation.EmailInvalid, error.Errors["NewPeople[1].Email"]);
        Assert.False(error.Errors.ContainsKey("NewPeople[0].Name"));
        Assert.Equal(FollowUpRules.DueDateRequired, error.Errors["FollowUps[0].DueDate"]);
        Assert.Equal(FollowUpRules.AssigneeRequired, error.Errors["FollowUps[0].AssigneeId"]);
        Assert.Equal((0, 2, 0, 0), await app.WithDbAsync(async db =>
            (await db.OutreachEvents.CountAsync(), await db.Contacts.CountAsync(), await db.FollowUps.CountAsync(), await db.OutreachEventContacts.CountAsync())));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateAsync_ContactDeletedMeanwhile_SaysWhoAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var ada = await app.CreateAdminAsync();
        var seed = await SeedAsync(app);
        var chamber = new Organization { Name = "Chamber of Commerce", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(chamber);
            await db.SaveChangesAsync();
        });
        // Lee picked Ned and the chamber and added a new person; meanwhile an Admin deleted Ned and the chamber.
        var input = Meeting(lee, Option(seed.Marge), Option(seed.Ned));
        input.Organizations = [new OrganizationOption(chamber.Id, chamber.Name)];
        input.NewPeople = [new NewPersonInput { Name = "Apu Nahasapeemapetilon" }];
        await app.AsAsync<ContactService>(ada, Roles.Admin, s => s.DeleteAsync(seed.Ned.Id));
        await app.AsAsync<OrganizationService>(ada, Roles.Admin, s => s.DeleteAsync(chamber.Id));

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(input)));

        Assert.Contains("Ned Flanders is no longer in the contacts", error.Errors["Attendees"], StringComparison.Ordinal);
        Assert.Contains("Chamber of Commerce is no longer in the organizations", error.Errors["Organizations"], StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), await app.WithDbAsync(async db =>
            (await db.OutreachEvents.CountAsync(), await db.Contacts.CountAsync(), await db.OutreachEventContacts.CountAsync())));
    }

    [Fact]
    public async Task UpdateAndDelete_AnotherStaffMembersEvent_AreRefused_StaffPresentAndSupervisorsMayEdit()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var pat = await app.CreateUserAsync("pat@library.test", Roles.Staff, "Pat Staff");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var input = Meeting(sam);
        input.StaffIds.Add(pat.Id);
        var id = await app.AsAsync<EventService, Guid>(sam, Roles.Staff, s => s.CreateAsync(input));
        var seen = await app.AsAsync<EventService, EventDetail>(kim, Roles.Staff, s => s.GetAsync(id));
        Assert.False(seen.CanEdit);
        Assert.False(seen.CanDelete);

        var edit = seen.ToInput();
        edit.Notes = "Kim's edit";
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<EventService>(kim, Roles.Staff, s => s.UpdateAsync(id, edit, seen.Version)));
        Assert.Equal(EventPermissions.Refused, refused.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<EventService>(kim, Roles.Staff, s => s.DeleteAsync(id, seen.Version)));
        Assert.Null((await app.AsAsync<EventService, EventDetail>(sam, Roles.Staff, s => s.GetAsync(id))).Notes);

        // Pat was there (staff present), so Pat may edit; a Supervisor may edit anyone's.
        edit.Notes = "Pat's notes";
        await app.AsAsync<EventService>(pat, Roles.Staff, s => s.UpdateAsync(id, edit, seen.Version));
        var afterPat = await app.AsAsync<EventService, EventDetail>(sue, Roles.Supervisor, s => s.GetAsync(id));
        Assert.Equal("Pat's notes", afterPat.Notes);
        Assert.True(afterPat.CanEdit);
        await app.AsAsync<EventService>(sue, Roles.Supervisor, s => s.DeleteAsync(id, afterPat.Version));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutreachEvents.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task UpdateAsync_StaleVersion_IsRefusedWithTheirChangesAndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var seed = await SeedAsync(app);
        var id = await app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(Meeting(lee, Option(seed.Marge))));
        var opened = await app.AsAsync<EventService, EventDetail>(lee, Roles.Supervisor, s => s.GetAsync(id));

        var first = opened.ToInput();
        first.Attendance = 40;
        first.Attendees.Add(Option(seed.Ned));
        await app.AsAsync<EventService>(sue, Roles.Supervisor, s => s.UpdateAsync(id, first, opened.Version));
        var second = opened.ToInput();
        second.Attendance = 12;

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<EventService>(lee, Roles.Supervisor, s => s.UpdateAsync(id, second, opened.Version)));

        Assert.Equal("Sue Supervisor", conflict.ChangedBy);
        Assert.Equal(
            [new FieldDifference("Attendance", "40", "12"), new FieldDifference("Attendees", "Marge Simpson, Ned Flanders", "Marge Simpson")],
            conflict.Differences);
        var saved = await app.AsAsync<EventService, EventDetail>(lee, Roles.Supervisor, s => s.GetAsync(id));
        Assert.Equal(40, saved.Attendance);
        Assert.Equal(2, saved.Attendees.Count);

        // A change of links only (one attendee fewer) still moves the version on; a stale delete is refused too.
        var linksOnly = saved.ToInput();
        linksOnly.Attendees.RemoveAt(1);
        await app.AsAsync<EventService>(sue, Roles.Supervisor, s => s.UpdateAsync(id, linksOnly, saved.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsAsync<EventService>(lee, Roles.Supervisor, s => s.DeleteAsync(id, saved.Version)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutreachEvents.CountAsync()));
    }

    [Fact]
    public async Task UpdateAsync_AddsPeopleAndFollowUpsInline_AndKeepsAnArchivedTypeThatNewEventsMayNotUse()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var seed = await SeedAsync(app);
        var id = await app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(Meeting(lee, Option(seed.Marge))));
        await app.WithDbAsync(async db =>
        {
            (await db.EventTypes.SingleAsync(t => t.Id == TownMeeting)).IsArchived = true;
            await db.SaveChangesAsync();
        });
        var opened = await app.AsAsync<EventService, EventDetail>(lee, Roles.Supervisor, s => s.GetAsync(id));

        var edit = opened.ToInput();
        edit.NewPeople = [new NewPersonInput { Name = "Cookie Kwan", Organization = new OrganizationOption(seed.Council.Id, seed.Council.Name) }];
        edit.FollowUps = [new InlineFollowUpInput { Title = "Invite Cookie to the board", DueDate = new DateOnly(2026, 4, 1), AssigneeId = lee.Id }];
        edit.Attendance = 0;
        await app.AsAsync<EventService>(lee, Roles.Supervisor, s => s.UpdateAsync(id, edit, opened.Version));

        var saved = await app.AsAsync<EventService, EventDetail>(lee, Roles.Supervisor, s => s.GetAsync(id));
        Assert.Equal(["Cookie Kwan", "Marge Simpson"], saved.Attendees.Select(a => a.Name));
        Assert.Equal("Springfield Town Council", saved.Attendees[0].Organization);
        Assert.Equal(["Invite Cookie to the board"], saved.FollowUps.Select(f => f.Title));
        Assert.Equal((TownMeeting, 0), (saved.TypeId, saved.Attendance));
        var history = await app.AsAsync<AuditService, IReadOnlyList<AuditRow>>(lee, Roles.Supervisor, s => s.ListForRecordAsync(nameof(OutreachEvent), id, CancellationToken.None));
        Assert.Equal([AuditActions.Updated, AuditActions.Created], history.Select(h => h.Action));

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(Meeting(lee))));
        Assert.Equal(EventService.TypeArchived, error.Errors["TypeId"]);
    }

    [Fact]
    public async Task DeleteAsync_KeepsItsFollowUpsUnlinked_AndTheSearchFindsEventsUntilThen()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var input = Meeting(lee);
        input.Title = "Zoning board hearing";
        input.FollowUps = [new InlineFollowUpInput { Title = "Write to the board", DueDate = new DateOnly(2026, 3, 20), AssigneeId = lee.Id }];
        var id = await app.AsAsync<EventService, Guid>(lee, Roles.Supervisor, s => s.CreateAsync(input));

        var found = await app.AsAsync<ISearchService, SearchResults>(lee, Roles.Supervisor, s => s.SearchAsync("zoning"));
        var hit = Assert.Single(Assert.Single(found.Groups, g => g.Kind == SearchKinds.Event).Hits);
        Assert.Equal(("Zoning board hearing", $"/events/{id}"), (hit.Title, hit.Url));

        var detail = await app.AsAsync<EventService, EventDetail>(lee, Roles.Supervisor, s => s.GetAsync(id));
        await app.AsAsync<EventService>(lee, Roles.Supervisor, s => s.DeleteAsync(id, detail.Version));

        var followUp = await app.WithDbAsync(db => db.FollowUps.SingleAsync());
        Assert.Equal(("Write to the board", null), (followUp.Title, followUp.EventId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => app.AsAsync<EventService, EventDetail>(lee, Roles.Supervisor, s => s.GetAsync(id)));
        Assert.Empty((await app.AsAsync<ISearchService, SearchResults>(lee, Roles.Supervisor, s => s.SearchAsync("zoning"))).Groups);
    }
}
