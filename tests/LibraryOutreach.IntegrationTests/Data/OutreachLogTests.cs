using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Data;

/// <summary>The outreach log's data model on both providers: migration, round trip, constraints, delete behaviour, search index.</summary>
public class OutreachLogTests
{
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly Guid TownMeeting = EventTypeConfiguration.Defaults[0].Id;

    private sealed record Town(OutreachAppFactory App, StaffUser Ada, StaffUser Sue, Guid Elementary, Guid Edna, Guid Seymour);

    private static async Task<Town> TownAsync(DatabaseProvider provider)
    {
        var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Staff, "Sue Staff");
        var elementary = new Organization { Name = "Springfield Elementary", TypeId = School };
        var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel" };
        var seymour = new Contact { FirstName = "Seymour", LastName = "Skinner", DisplayName = "Seymour Skinner" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(elementary, edna, seymour);
            await db.SaveChangesAsync();
        });
        return new Town(app, ada, sue, elementary.Id, edna.Id, seymour.Id);
    }

    private static async Task<T> AsAdminAsync<T>(Town town, Func<OutreachDbContext, Task<T>> action)
    {
        await using var scope = town.App.ScopeAs(town.Ada, Roles.Admin);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    private static OutreachEvent CouncilMeeting(Town town) => new()
    {
        Title = "Town council budget hearing",
        TypeId = TownMeeting,
        StartDate = new DateOnly(2026, 3, 9),
        EndDate = new DateOnly(2026, 3, 9),
        StartsAt = new DateTimeOffset(2026, 3, 9, 19, 0, 0, TimeSpan.FromHours(-5)),
        EndsAt = new DateTimeOffset(2026, 3, 9, 21, 30, 0, TimeSpan.FromHours(-5)),
        Location = "Town hall, room 2",
        LibraryRole = LibraryRole.ParticipantGuest,
        Setting = EventSetting.Offsite,
        Attendance = 0,
        LibraryCardsIssued = null,
        ItemsCheckedOut = 3,
        MaterialsHandedOut = null,
        Notes = "Asked about the bookmobile budget.",
        Outcomes = "Invited to present at the April meeting.",
        Staff = [new() { UserId = town.Ada.Id }, new() { UserId = town.Sue.Id }],
        Organizations = [new() { OrganizationId = town.Elementary }],
        Contacts = [new() { ContactId = town.Edna }, new() { ContactId = town.Seymour }],
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_SeedTheDefaultEventTypes(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);

        var names = await app.WithDbAsync(db => db.EventTypes.OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync());

        Assert.Equal(EventTypeConfiguration.Defaults.Select(d => d.Name), names);
        Assert.Empty(await app.WithDbAsync(db => db.Branches.ToListAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OutreachEvent_WithStaffOrganizationsContactsAndCounts_RoundTripsWithNotRecordedKeptApartFromZero(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;
        var branch = new Branch { Name = "Main library", SortOrder = 10 };
        var meeting = CouncilMeeting(town);
        meeting.BranchId = branch.Id;
        var fair = new OutreachEvent
        {
            Title = "Harvest fair",
            TypeId = EventTypeConfiguration.Defaults[2].Id,
            StartDate = new DateOnly(2026, 9, 12),
            EndDate = new DateOnly(2026, 9, 13),
            LibraryRole = LibraryRole.CoSponsor,
            AudienceAgeGroup = AudienceAgeGroup.AllAges,
            Staff = [new() { UserId = town.Sue.Id }],
        };
        await AsAdminAsync(town, async db =>
        {
            db.Branches.Add(branch);
            db.OutreachEvents.AddRange(meeting, fair);
            return await db.SaveChangesAsync();
        });

        var saved = await app.WithDbAsync(db => db.OutreachEvents.AsNoTracking()
            .Include(e => e.Staff).Include(e => e.Organizations).Include(e => e.Contacts).Include(e => e.Type).Include(e => e.Branch)
            .SingleAsync(e => e.Id == meeting.Id));
        Assert.Equal((0, null, 3, null), (saved.Attendance, saved.LibraryCardsIssued, saved.ItemsCheckedOut, saved.MaterialsHandedOut));
        // The instants survive exactly, kept in UTC on both providers (the form gave them at -05:00).
        Assert.Equal((new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 2, 30, 0, TimeSpan.Zero), false), (saved.StartsAt, saved.EndsAt, saved.IsAllDay));
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (saved.StartsAt!.Value.Offset, saved.EndsAt!.Value.Offset));
        Assert.Equal(new DateOnly(2026, 3, 9), saved.StartDate);
        Assert.Equal(("Town or council meeting", "Main library"), (saved.Type!.Name, saved.Branch!.Name));
        Assert.Equal((LibraryRole.ParticipantGuest, SurveyCategory.Outreach, EventSetting.Offsite, null, EventSource.Manual),
            (saved.LibraryRole, LibraryRoles.Category(saved.LibraryRole), saved.Setting, saved.AudienceAgeGroup, saved.Source));
        Assert.Equal(new[] { town.Ada.Id, town.Sue.Id }.Order(StringComparer.Ordinal), saved.Staff.Select(s => s.UserId).Order(StringComparer.Ordinal));
        Assert.Equal([town.Elementary], saved.Organizations.Select(o => o.OrganizationId));
        Assert.Equal(new[] { town.Edna, town.Seymour }.Order(), saved.Contacts.Select(c => c.ContactId).Order());
        Assert.Equal(town.Ada.Id, saved.CreatedById);

        var savedFair = await app.WithDbAsync(db => db.OutreachEvents.AsNoTracking().SingleAsync(e => e.Id == fair.Id));
        Assert.True(savedFair.IsAllDay);
        Assert.Equal((new DateOnly(2026, 9, 12), new DateOnly(2026, 9, 13), null), (savedFair.StartDate, savedFair.EndDate, savedFair.EndsAt));
        Assert.Equal((null, null, null, null), (savedFair.Attendance, savedFair.LibraryCardsIssued, savedFair.ItemsCheckedOut, savedFair.MaterialsHandedOut));
        Assert.True(LibraryRoles.IsProgram(savedFair.LibraryRole));

        // Audited by default, like every tracked record.
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(OutreachEvent)).Select(a => a.EntityId).ToListAsync());
        Assert.Contains(meeting.Id.ToString(), audited, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CheckConstraints_RefuseAnInteractionWithNobodyNegativeCountsAndAnEndBeforeTheStart(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;

        async Task RefusedAsync(object entity) => await Assert.ThrowsAsync<DbUpdateException>(() => AsAdminAsync(town, db =>
        {
            db.Add(entity);
            return db.SaveChangesAsync();
        }));

        await RefusedAsync(new Interaction { OccurredAt = DateTimeOffset.UtcNow, StaffUserId = town.Sue.Id, Summary = "Nobody" });
        var negative = CouncilMeeting(town);
        negative.Attendance = -1;
        await RefusedAsync(negative);
        var backwards = CouncilMeeting(town);
        backwards.EndDate = backwards.StartDate.AddDays(-1);
        await RefusedAsync(backwards);

        Assert.Equal(0, await app.WithDbAsync(db => db.OutreachEvents.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Interactions.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Delete_AContactWithHistoryIsRestricted_AnEventLeavesItsInteractionsAndFollowUpsUnlinked(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;
        var meeting = CouncilMeeting(town);
        var touch = new Interaction
        {
            OccurredAt = meeting.EndsAt!.Value,
            Channel = ContactChannel.InPerson,
            InitiatedBy = InitiatedBy.Partner,
            StaffUserId = town.Sue.Id,
            ContactId = town.Edna,
            EventId = meeting.Id,
            Summary = "Edna asked for a class visit",
        };
        var followUp = new FollowUp { Title = "Send the slides", DueDate = new DateOnly(2026, 3, 16), AssigneeId = town.Sue.Id, EventId = meeting.Id, ContactId = town.Seymour };
        await AsAdminAsync(town, async db =>
        {
            db.AddRange(meeting, touch, followUp);
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => AsAdminAsync(town, async db =>
        {
            db.Contacts.Remove(await db.Contacts.SingleAsync(c => c.Id == town.Edna));
            return await db.SaveChangesAsync();
        }));

        await AsAdminAsync(town, async db =>
        {
            // Deleted without loading its dependents, so the database's own ON DELETE rules do the work.
            db.OutreachEvents.Remove(await db.OutreachEvents.SingleAsync(e => e.Id == meeting.Id));
            return await db.SaveChangesAsync();
        });

        var kept = await app.WithDbAsync(db => db.Interactions.AsNoTracking().SingleAsync());
        Assert.Equal((town.Edna, null), (kept.ContactId, kept.EventId));
        var keptFollowUp = await app.WithDbAsync(db => db.FollowUps.AsNoTracking().SingleAsync());
        Assert.Equal((town.Seymour, null), (keptFollowUp.ContactId, keptFollowUp.EventId));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutreachEventContacts.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchIndex_SavingAnEventOrInteractionIndexesIt_AndDeletingRemovesIt(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;
        var meeting = CouncilMeeting(town);
        var touch = new Interaction
        {
            OccurredAt = new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero),
            Channel = ContactChannel.Phone,
            InitiatedBy = InitiatedBy.Library,
            StaffUserId = town.Sue.Id,
            OrganizationId = town.Elementary,
            Summary = "Called about summer reading",
            Notes = "The principal likes the bookmobile idea.",
        };
        await AsAdminAsync(town, async db =>
        {
            db.AddRange(meeting, touch);
            return await db.SaveChangesAsync();
        });

        Task<List<SearchDocument>> DocumentsAsync(string kind) =>
            app.WithDbAsync(db => db.SearchDocuments.AsNoTracking().Where(d => d.Kind == kind).ToListAsync());

        var indexed = Assert.Single(await DocumentsAsync(SearchKinds.Event));
        Assert.Equal((meeting.Id, "Town council budget hearing", "Town or council meeting, 9 Mar 2026"), (indexed.EntityId, indexed.Title, indexed.Subtitle));
        Assert.Equal("town council budget hearing", indexed.TitleText);
        Assert.Contains("town hall room 2", indexed.BodyText, StringComparison.Ordinal);
        Assert.Contains("bookmobile budget", indexed.BodyText, StringComparison.Ordinal);
        Assert.Contains("invited to present", indexed.BodyText, StringComparison.Ordinal);
        var indexedTouch = Assert.Single(await DocumentsAsync(SearchKinds.Interaction));
        Assert.Equal((touch.Id, "Called about summer reading", "Phone, 10 Mar 2026"), (indexedTouch.EntityId, indexedTouch.Title, indexedTouch.Subtitle));
        Assert.Contains("bookmobile idea", indexedTouch.BodyText, StringComparison.Ordinal);

        // Renaming the event type re-indexes its events.
        await AsAdminAsync(town, async db =>
        {
            (await db.EventTypes.SingleAsync(t => t.Id == TownMeeting)).Name = "Council meeting";
            return await db.SaveChangesAsync();
        });
        Assert.StartsWith("Council meeting, ", Assert.Single(await DocumentsAsync(SearchKinds.Event)).Subtitle, StringComparison.Ordinal);

        await AsAdminAsync(town, async db =>
        {
            db.OutreachEvents.Remove(await db.OutreachEvents.SingleAsync(e => e.Id == meeting.Id));
            db.Interactions.Remove(await db.Interactions.SingleAsync(i => i.Id == touch.Id));
            return await db.SaveChangesAsync();
        });

        Assert.Empty(await DocumentsAsync(SearchKinds.Event));
        Assert.Empty(await DocumentsAsync(SearchKinds.Interaction));
        Assert.NotEmpty(await DocumentsAsync(SearchKinds.Contact));
    }

    [Fact]
    public async Task PermanentDelete_OfAContactOrOrganizationInTheLog_IsRefusedWithAMessageToArchive()
    {
        var town = await TownAsync(DatabaseProvider.Sqlite);
        await using var app = town.App;
        await AsAdminAsync(town, async db =>
        {
            db.Interactions.Add(new Interaction
            {
                OccurredAt = DateTimeOffset.UtcNow,
                StaffUserId = town.Sue.Id,
                ContactId = town.Edna,
                OrganizationId = town.Elementary,
                Summary = "Planned the class visit",
            });
            return await db.SaveChangesAsync();
        });

        var contact = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<ContactService>(town.Ada, Roles.Admin, s => s.DeleteAsync(town.Edna)));
        var organization = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<OrganizationService>(town.Ada, Roles.Admin, s => s.DeleteAsync(town.Elementary)));
        await app.AsAsync<ContactService>(town.Ada, Roles.Admin, s => s.DeleteAsync(town.Seymour));

        Assert.Equal(
            "Edna Krabappel appears 1 time(s) in the outreach log (events and interactions), so it can't be deleted. Archive it instead.",
            contact.Errors[""]);
        Assert.StartsWith("Springfield Elementary appears 1 time(s)", organization.Errors[""], StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }
}
