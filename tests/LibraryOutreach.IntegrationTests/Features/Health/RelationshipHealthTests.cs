using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Health;

/// <summary>
/// The precomputed health on both providers: right after every kind of write (through the real services), the daily
/// refresh, stale rows after a cadence setting changes, and the Relationships page's filters and sorts.
/// </summary>
public class RelationshipHealthTests
{
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly Guid Nonprofit = OrganizationTypeConfiguration.Defaults[2].Id;

    private static DateOnly Today => LibraryTime.Today(TimeProvider.System);

    private static Task<RelationshipHealthRow?> RowAsync(OutreachAppFactory app, RelationshipKind kind, Guid id) =>
        app.WithDbAsync(db => db.RelationshipHealth.AsNoTracking().SingleOrDefaultAsync(h => h.Kind == (int)kind && h.EntityId == id));

    private static Interaction Touch(StaffUser staff, InitiatedBy by, int daysAgo, Guid? contactId = null, Guid? organizationId = null) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow.AddDays(-daysAgo),
        Channel = ContactChannel.Phone,
        InitiatedBy = by,
        StaffUserId = staff.Id,
        ContactId = contactId,
        OrganizationId = organizationId,
        Summary = "Touch",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Interactions_CreatedEditedDeleted_HealthOfTheContactAndItsOrganizationFollowsAtOnce(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = new Organization { Name = "Springfield Elementary", TypeId = School, PartnershipLevel = PartnershipLevel.Sponsor, OwnerId = sam.Id };
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(school, edna);
            db.Affiliations.Add(new Affiliation { ContactId = edna.Id, OrganizationId = school.Id, StartDate = Today.AddYears(-3) });
            await db.SaveChangesAsync();
        });
        Assert.Equal((0, null), ((await RowAsync(app, RelationshipKind.Contact, edna.Id))!.TouchesInWindow, (await RowAsync(app, RelationshipKind.Contact, edna.Id))!.LastTouch));

        var input = new InteractionInput
        {
            ContactId = edna.Id,
            Channel = ContactChannel.Email,
            InitiatedBy = InitiatedBy.Partner,
            Summary = "Asked for a class visit",
            Date = Today.AddDays(-10).ToDateTime(TimeOnly.MinValue),
            Time = new TimeSpan(10, 0, 0),
        };
        var id = await app.AsAsync<InteractionService, Guid>(sam, Roles.Staff, s => s.CreateAsync(input));

        var contact = (await RowAsync(app, RelationshipKind.Contact, edna.Id))!;
        Assert.Equal((1, 1, 0, Today.AddDays(-10), 1.0), (contact.TouchesInWindow, contact.PartnerTouches, contact.LibraryTouches, contact.LastTouch, contact.PartnerShare));
        // Ten days without an answer: judged, not answered.
        Assert.Equal((1, 0, 0.0), (contact.PartnerTouchesJudged, contact.PartnerTouchesAnswered, contact.Responsiveness));
        var organization = (await RowAsync(app, RelationshipKind.Organization, school.Id))!;
        Assert.Equal((1, 1, Today.AddDays(-10)), (organization.TouchesInWindow, organization.PartnerTouches, organization.LastTouch));

        // The library answers three days later (an edit of the same touch would change who started it; here a new one).
        var version = await app.WithDbAsync(db => db.Interactions.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
        input.InitiatedBy = InitiatedBy.Library;
        await app.AsAsync<InteractionService>(sam, Roles.Staff, s => s.UpdateAsync(id, input, version));
        contact = (await RowAsync(app, RelationshipKind.Contact, edna.Id))!;
        Assert.Equal((1, 0, 1, 0.0, (double?)null), (contact.TouchesInWindow, contact.PartnerTouches, contact.LibraryTouches, contact.PartnerShare, contact.Responsiveness));
        Assert.Equal(1, (await RowAsync(app, RelationshipKind.Organization, school.Id))!.LibraryTouches);

        version = await app.WithDbAsync(db => db.Interactions.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
        await app.AsAsync<InteractionService>(sam, Roles.Staff, s => s.DeleteAsync(id, version));
        contact = (await RowAsync(app, RelationshipKind.Contact, edna.Id))!;
        Assert.Equal((0, null, (double?)null), (contact.TouchesInWindow, contact.LastTouch, contact.PartnerShare));
        Assert.Equal(0, (await RowAsync(app, RelationshipKind.Organization, school.Id))!.TouchesInWindow);

        // What the service returns is what the table holds.
        var health = await app.AsAsync<RelationshipHealthService, RelationshipHealth>(sam, Roles.Staff, s => s.GetAsync(RelationshipKind.Contact, edna.Id));
        Assert.Equal((0, CadenceStatus.NeverTouched, "Sam Staff"), (health.TouchesInWindow, health.Status, health.OwnerName));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AffiliationEnds_TheOrganizationKeepsOnlyThePersonsTouchesWhileAffiliated(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var friends = new Organization { Name = "Friends of the Library", TypeId = Nonprofit, PartnershipLevel = PartnershipLevel.FormalPartner };
        var marge = new Contact { FirstName = "Marge", DisplayName = "Marge Simpson" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(friends, marge);
            await db.SaveChangesAsync();
        });
        var affiliationId = await app.AsAsync<AffiliationService, Guid>(sue, Roles.Supervisor, s => s.AddAsync(marge.Id, friends.Id, "Treasurer", Today.AddYears(-1)));
        await app.WithDbAsync(async db =>
        {
            db.Interactions.AddRange(Touch(sue, InitiatedBy.Partner, 100, marge.Id), Touch(sue, InitiatedBy.Library, 20, marge.Id));
            db.OutreachEvents.Add(new OutreachEvent
            {
                Title = "Book sale",
                TypeId = EventTypeConfiguration.Defaults[0].Id,
                StartDate = Today.AddDays(-30),
                EndDate = Today.AddDays(-30),
                Contacts = [new() { ContactId = marge.Id }],
            });
            await db.SaveChangesAsync();
        });
        var before = (await RowAsync(app, RelationshipKind.Organization, friends.Id))!;
        Assert.Equal((3, 1, 1, 1, Today.AddDays(-20)), (before.TouchesInWindow, before.PartnerTouches, before.LibraryTouches, before.EventTouches, before.LastTouch));

        // She left 50 days ago: the call 100 days ago stays with the Friends, the event and the later touch do not.
        await app.AsAsync<AffiliationService>(sue, Roles.Supervisor, s => s.EndAsync(affiliationId, Today.AddDays(-50)));
        var after = (await RowAsync(app, RelationshipKind.Organization, friends.Id))!;
        Assert.Equal((1, 1, 0, 0), (after.TouchesInWindow, after.PartnerTouches, after.LibraryTouches, after.EventTouches));
        Assert.Equal(Today.AddDays(-100), after.LastTouch);
        // Her own health is unchanged, and her cadence no longer comes from the Friends (no current organization).
        var person = (await RowAsync(app, RelationshipKind.Contact, marge.Id))!;
        Assert.Equal((3, (int)CadenceSource.PartnershipLevel, 90), (person.TouchesInWindow, person.CadenceSource, person.CadenceIdealDays));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Merge_TheSurvivorCountsTheDuplicatesTouches_AndTheDuplicatesRowIsGone(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var survivor = new Contact { FirstName = "Marge", LastName = "Simpson", DisplayName = "Marge Simpson" };
        var duplicate = new Contact { FirstName = "Marjorie", LastName = "Simpson", DisplayName = "Marjorie Simpson" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(survivor, duplicate);
            db.Interactions.AddRange(
                Touch(sue, InitiatedBy.Library, 40, survivor.Id),
                Touch(sue, InitiatedBy.Partner, 30, duplicate.Id),
                Touch(sue, InitiatedBy.Mutual, 5, duplicate.Id));
            await db.SaveChangesAsync();
        });
        Assert.Equal(2, (await RowAsync(app, RelationshipKind.Contact, duplicate.Id))!.TouchesInWindow);

        var preview = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivor.Id, duplicate.Id));
        await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivor.Id, preview.Survivor.Version, duplicate.Id, preview.Duplicate.Version));

        var row = (await RowAsync(app, RelationshipKind.Contact, survivor.Id))!;
        Assert.Equal((3, 1, 1, 1, Today.AddDays(-5)), (row.TouchesInWindow, row.LibraryTouches, row.PartnerTouches, row.MutualTouches, row.LastTouch));
        // The partner's call 30 days ago was never answered within 7 days (the next library touch is 25 days later).
        Assert.Equal((1, 0), (row.PartnerTouchesJudged, row.PartnerTouchesAnswered));
        Assert.Null(await RowAsync(app, RelationshipKind.Contact, duplicate.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            app.AsAsync<RelationshipHealthService, RelationshipHealth>(sue, Roles.Supervisor, s => s.GetAsync(RelationshipKind.Contact, duplicate.Id)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CadenceSettingChanges_RowsGoStale_AndAreRecomputedOnRead(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var ned = new Contact { FirstName = "Ned", DisplayName = "Ned Flanders" };
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(ned);
            db.Interactions.Add(Touch(ada, InitiatedBy.Library, 100, ned.Id));
            await db.SaveChangesAsync();
        });
        Assert.Equal((int)CadenceStatus.Due, (await RowAsync(app, RelationshipKind.Contact, ned.Id))!.CadenceStatus);

        var rules = await app.AsAsync<CadenceService, IReadOnlyList<CadenceRuleView>>(ada, Roles.Admin, s => s.ListRulesAsync());
        var contactLevel = rules.Single(r => r.PartnershipLevel == PartnershipLevel.Contact);
        await app.AsAsync<CadenceService>(ada, Roles.Admin, s => s.SaveRuleAsync(PartnershipLevel.Contact, null, 30, 60, contactLevel.Version));
        Assert.True((await RowAsync(app, RelationshipKind.Contact, ned.Id))!.ComputedFor < Today);

        var health = await app.AsAsync<RelationshipHealthService, RelationshipHealth>(ada, Roles.Admin, s => s.GetAsync(RelationshipKind.Contact, ned.Id));
        Assert.Equal((CadenceStatus.Overdue, 60, true), (health.Status, health.Cadence.MaxDays, health.HasFlag(HealthWarning.Neglected)));
        Assert.Equal(Today, (await RowAsync(app, RelationshipKind.Contact, ned.Id))!.ComputedFor);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListAsync_FiltersByFlagOwnerLevelTypeAndKind_SortsWithEmptyValuesLast_AndRefreshesMissingRows(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        var school = new Organization { Name = "Springfield Elementary", TypeId = School, PartnershipLevel = PartnershipLevel.Sponsor, OwnerId = tia.Id };
        school.CoOwners.Add(new OrganizationCoOwner { UserId = sam.Id });
        var friends = new Organization { Name = "Friends of the Library", TypeId = Nonprofit, PartnershipLevel = PartnershipLevel.FormalPartner };
        // Always called by the library (4 of 4): one-sided.
        var apu = new Contact { FirstName = "Apu", DisplayName = "Apu Nahasapeemapetilon", OwnerId = sam.Id };
        // Calls the library, never answered in time: slow to answer.
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        // Balanced and recent: no flag.
        var moe = new Contact { FirstName = "Moe", DisplayName = "Moe Szyslak", OwnerId = tia.Id };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(school, friends, apu, edna, moe);
            db.Affiliations.Add(new Affiliation { ContactId = edna.Id, OrganizationId = school.Id });
            db.Interactions.AddRange(Enumerable.Range(0, 4).Select(k => Touch(sam, InitiatedBy.Library, 10 + (k * 20), apu.Id)));
            db.Interactions.AddRange(Enumerable.Range(0, 3).Select(k => Touch(sam, InitiatedBy.Partner, 15 + (k * 30), edna.Id)));
            db.Interactions.AddRange(Touch(tia, InitiatedBy.Partner, 12, moe.Id), Touch(tia, InitiatedBy.Library, 10, moe.Id), Touch(tia, InitiatedBy.Mutual, 2, moe.Id));
            // The Friends: one call long before the window, so overdue (neglected) with nothing to share out.
            db.Interactions.Add(Touch(sam, InitiatedBy.Library, 400, organizationId: friends.Id));
            await db.SaveChangesAsync();
        });
        // A row lost outside the app (a restore, a manual fix): the list finds it missing and recomputes it.
        await app.WithDbAsync(db => db.RelationshipHealth.Where(h => h.EntityId == moe.Id).ExecuteDeleteAsync());

        Task<HealthResults> List(HealthQuery query) => app.AsAsync<RelationshipHealthService, HealthResults>(sam, Roles.Staff, s => s.ListAsync(query));
        static IEnumerable<string> Names(HealthResults results) => results.Rows.Select(r => r.Name);

        var all = await List(new HealthQuery());
        Assert.Equal(5, all.Total);
        Assert.Equal(["Apu Nahasapeemapetilon", "Edna Krabappel", "Friends of the Library", "Moe Szyslak", "Springfield Elementary"], Names(all));
        Assert.Equal(["Apu Nahasapeemapetilon"], Names(await List(new HealthQuery(Flag: HealthFlagFilter.LibraryAlwaysReachesOut))));
        // Edna's calls count for the school too (she is affiliated): both are slow to answer.
        Assert.Equal(["Edna Krabappel", "Springfield Elementary"], Names(await List(new HealthQuery(Flag: HealthFlagFilter.LibrarySlowToAnswer))));
        Assert.Equal(["Moe Szyslak"], Names(await List(new HealthQuery(Flag: HealthFlagFilter.NoFlag, Kind: RelationshipKind.Contact))));
        Assert.Equal(["Friends of the Library"], Names(await List(new HealthQuery(Kind: RelationshipKind.Organization, Flag: HealthFlagFilter.Neglected))));
        // Sam's: his contacts and the school he co-owns.
        Assert.Equal(["Apu Nahasapeemapetilon", "Edna Krabappel", "Springfield Elementary"], Names(await List(new HealthQuery(OwnerId: sam.Id))));
        // Level and type: the school, and Edna through it.
        Assert.Equal(["Edna Krabappel", "Springfield Elementary"], Names(await List(new HealthQuery(Level: PartnershipLevel.Sponsor))));
        Assert.Equal(["Edna Krabappel", "Springfield Elementary"], Names(await List(new HealthQuery(OrganizationTypeId: School))));

        // Partner share, highest first; the Friends (no attributed touch) last in both directions.
        Assert.Equal(["Edna Krabappel", "Springfield Elementary", "Moe Szyslak", "Apu Nahasapeemapetilon", "Friends of the Library"],
            Names(await List(new HealthQuery(Sort: HealthSort.PartnerShare, Descending: true))));
        Assert.Equal("Friends of the Library", Names(await List(new HealthQuery(Sort: HealthSort.PartnerShare))).Last());
        // Fewest days since the last touch first (Edna and the school tie at 15 days: by name).
        Assert.Equal(["Moe Szyslak", "Apu Nahasapeemapetilon", "Edna Krabappel", "Springfield Elementary", "Friends of the Library"],
            Names(await List(new HealthQuery(Sort: HealthSort.DaysSinceLastTouch))));
        Assert.Equal(["Apu Nahasapeemapetilon", "Edna Krabappel", "Moe Szyslak", "Springfield Elementary", "Friends of the Library"],
            Names(await List(new HealthQuery(Sort: HealthSort.TouchesInWindow, Descending: true))));
        var friendsRow = (await List(new HealthQuery(Kind: RelationshipKind.Organization, Flag: HealthFlagFilter.Neglected))).Rows.Single();
        Assert.Equal((0, 400, CadenceStatus.Overdue, (double?)null), (friendsRow.TouchesInWindow, friendsRow.DaysSince, friendsRow.Status, friendsRow.PartnerShare));
        var page = await List(new HealthQuery(Sort: HealthSort.Name, Page: 1, PageSize: 2));
        Assert.Equal(5, page.Total);
        Assert.Equal(["Friends of the Library", "Moe Szyslak"], Names(page));
        Assert.Equal((1.0 / 3, 1.0 / 3, 1.0 / 3), (page.Rows[1].LibraryShare!.Value, page.Rows[1].PartnerShare!.Value, page.Rows[1].MutualShare!.Value));
        Assert.Equal(1.0, page.Rows[1].Responsiveness);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FailedSave_LeavesTheHealthAsItWas(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel" };
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(edna);
            await db.SaveChangesAsync();
        });

        // An interaction with a staff member who does not exist breaks the foreign key: nothing is saved.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Interactions.Add(Touch(sam, InitiatedBy.Partner, 1, edna.Id));
            db.Interactions.Add(new Interaction { OccurredAt = DateTimeOffset.UtcNow, Channel = ContactChannel.Phone, StaffUserId = "nobody", ContactId = edna.Id, Summary = "x" });
            await db.SaveChangesAsync();
        }));
        Assert.Equal(0, (await RowAsync(app, RelationshipKind.Contact, edna.Id))!.TouchesInWindow);
        Assert.Equal(0, await app.WithDbAsync(db => db.Interactions.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task ServiceCalls_NeedAStaffRole(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var nobody = await app.CreateUserAsync("nobody@library.test", Roles.Staff, "No Role");
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync<RelationshipHealthService, HealthResults>(nobody, "Patron", s => s.ListAsync(new HealthQuery())));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync<RelationshipHealthService, RelationshipHealth>(nobody, "Patron", s => s.GetAsync(RelationshipKind.Contact, Guid.NewGuid())));
    }
}
