using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Cadence;

/// <summary>CadenceService on both providers: last touch from interactions and events, precedence, overrides, reach-out list.</summary>
public class CadenceServiceTests
{
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly Guid Nonprofit = OrganizationTypeConfiguration.Defaults[2].Id;

    private static DateOnly Today => LibraryTime.Today(TimeProvider.System);

    private static OutreachEvent Event(string title, DateOnly day) =>
        new() { Title = title, TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = day, EndDate = day };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ComputeAsync_LastTouchIsTheLatestInteractionOrSharedEvent_AndEachTouchRestartsTheClock(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        // A formal partner (30/60) and a sponsor school whose type has its own cadence (10/20, wins over the level).
        var partner = new Organization { Name = "Friends of the Library", TypeId = Nonprofit, PartnershipLevel = PartnershipLevel.FormalPartner, OwnerId = sam.Id };
        var school = new Organization { Name = "Springfield Elementary", TypeId = School, PartnershipLevel = PartnershipLevel.Sponsor };
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        var moe = new Contact { FirstName = "Moe", DisplayName = "Moe Szyslak", OwnerId = sam.Id, CadenceIdealDays = 5, CadenceMaxDays = 7 };
        var ned = new Contact { FirstName = "Ned", DisplayName = "Ned Flanders" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(partner, school, edna, moe, ned);
            db.Affiliations.Add(new Affiliation { ContactId = edna.Id, OrganizationId = school.Id });
            db.CadenceRules.Add(new CadenceRule { OrganizationTypeId = School, IdealDays = 10, MaxDays = 20 });
            db.Interactions.Add(new Interaction { OccurredAt = DateTimeOffset.UtcNow.AddDays(-70), Channel = ContactChannel.Phone, StaffUserId = sam.Id, OrganizationId = partner.Id, Summary = "Call" });
            // A meeting 40 days ago with Edna and the school; an event next week does not count yet.
            var meeting = Event("PTA meeting", Today.AddDays(-40));
            meeting.Contacts = [new() { ContactId = edna.Id }];
            meeting.Organizations = [new() { OrganizationId = school.Id }];
            var future = Event("Book fair", Today.AddDays(7));
            future.Contacts = [new() { ContactId = edna.Id }];
            db.OutreachEvents.AddRange(meeting, future);
            db.Interactions.Add(new Interaction { OccurredAt = DateTimeOffset.UtcNow.AddDays(-6), Channel = ContactChannel.Email, StaffUserId = sam.Id, ContactId = moe.Id, Summary = "Email" });
            await db.SaveChangesAsync();
        });

        var all = await app.AsAsync<CadenceService, IReadOnlyList<RelationshipCadence>>(sam, Roles.Staff, s => s.ComputeAsync(new CadenceScope()));
        var byName = all.ToDictionary(r => r.Name);

        Assert.Equal((70, CadenceStatus.Overdue, new CadenceDays(30, 60, CadenceSource.PartnershipLevel)), (byName[partner.Name].DaysSince, byName[partner.Name].Status, byName[partner.Name].Cadence));
        Assert.Equal((40, CadenceStatus.Overdue, CadenceSource.OrganizationType), (byName[school.Name].DaysSince, byName[school.Name].Status, byName[school.Name].Cadence.Source));
        // Edna inherits the school's type cadence (10/20): 40 days since the meeting is overdue.
        Assert.Equal((Today.AddDays(-40), CadenceStatus.Overdue, new CadenceDays(10, 20, CadenceSource.OrganizationType)), (byName[edna.DisplayName].LastTouch, byName[edna.DisplayName].Status, byName[edna.DisplayName].Cadence));
        Assert.Equal((6, CadenceStatus.Due, CadenceSource.Contact), (byName[moe.DisplayName].DaysSince, byName[moe.DisplayName].Status, byName[moe.DisplayName].Cadence.Source));
        Assert.Equal((null, CadenceStatus.NeverTouched, new CadenceDays(90, 180, CadenceSource.PartnershipLevel)), (byName[ned.DisplayName].LastTouch, byName[ned.DisplayName].Status, byName[ned.DisplayName].Cadence));
        // Most urgent first: the furthest past its maximum (Edna 20 over, the school 20 over, the partner 10 over), then due, then never touched.
        Assert.Equal([CadenceStatus.Overdue, CadenceStatus.Overdue, CadenceStatus.Overdue, CadenceStatus.Due, CadenceStatus.NeverTouched], all.Select(r => r.Status));
        Assert.Equal(partner.Name, all[2].Name);

        // A touch today restarts Edna's clock (a new interaction) and the partner's (a shared event).
        await app.WithDbAsync(async db =>
        {
            db.Interactions.Add(new Interaction { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), Channel = ContactChannel.InPerson, InitiatedBy = InitiatedBy.Partner, StaffUserId = sam.Id, ContactId = edna.Id, Summary = "Chat" });
            var fair = Event("Harvest fair", Today);
            fair.Organizations = [new() { OrganizationId = partner.Id }];
            db.OutreachEvents.Add(fair);
            await db.SaveChangesAsync();
        });
        var after = (await app.AsAsync<CadenceService, IReadOnlyList<RelationshipCadence>>(sam, Roles.Staff, s => s.ComputeAsync(new CadenceScope()))).ToDictionary(r => r.Name);
        Assert.Equal((0, CadenceStatus.OnTrack), (after[edna.DisplayName].DaysSince, after[edna.DisplayName].Status));
        Assert.Equal((0, CadenceStatus.OnTrack), (after[partner.Name].DaysSince, after[partner.Name].Status));

        // "Due to reach out" for Sam: his contacts and the organization he owns that need attention.
        var mine = await app.AsAsync<CadenceService, ReachOutResults>(sam, Roles.Staff, s => s.ListReachOutAsync(new ReachOutQuery(sam.Id)));
        Assert.Equal([moe.DisplayName], mine.Rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Overrides_OwnerMaySetAContactsCadence_OthersMayNot_AdminsChangeTheSettings(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel", OwnerId = sam.Id };
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(edna);
            await db.SaveChangesAsync();
        });

        var detail = await app.AsAsync<CadenceService, CadenceDetail>(sam, Roles.Staff, s => s.GetForContactAsync(edna.Id));
        Assert.True(detail.CanEdit);
        var invalid = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<CadenceService>(sam, Roles.Staff, s => s.SetContactCadenceAsync(edna.Id, 30, 10, detail.Version)));
        Assert.Equal(CadenceRules.MaxBelowIdeal, invalid.Errors["MaxDays"]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<CadenceService>(tia, Roles.Staff, s => s.SetContactCadenceAsync(edna.Id, 14, 28, detail.Version)));
        await app.AsAsync<CadenceService>(sam, Roles.Staff, s => s.SetContactCadenceAsync(edna.Id, 14, 28, detail.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsAsync<CadenceService>(sam, Roles.Staff, s => s.SetContactCadenceAsync(edna.Id, null, null, detail.Version)));
        var changed = await app.AsAsync<CadenceService, CadenceDetail>(tia, Roles.Staff, s => s.GetForContactAsync(edna.Id));
        Assert.Equal(new CadenceDays(14, 28, CadenceSource.Contact), changed.Relationship.Cadence);
        Assert.False(changed.CanEdit);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<CadenceService, IReadOnlyList<CadenceRuleView>>(sam, Roles.Staff, s => s.ListRulesAsync()));
        var rules = await app.AsAsync<CadenceService, IReadOnlyList<CadenceRuleView>>(ada, Roles.Admin, s => s.ListRulesAsync());
        var contactLevel = rules.Single(r => r.PartnershipLevel == PartnershipLevel.Contact);
        Assert.Equal((90, 180), (contactLevel.IdealDays, contactLevel.MaxDays));
        await app.AsAsync<CadenceService>(ada, Roles.Admin, s => s.SaveRuleAsync(PartnershipLevel.Contact, null, 100, 200, contactLevel.Version));
        await app.AsAsync<CadenceService>(ada, Roles.Admin, s => s.SaveRuleAsync(null, School, 15, 30, null));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsAsync<CadenceService>(ada, Roles.Admin, s => s.SaveRuleAsync(PartnershipLevel.Contact, null, 10, 20, contactLevel.Version)));
        var schoolRule = (await app.AsAsync<CadenceService, IReadOnlyList<CadenceRuleView>>(ada, Roles.Admin, s => s.ListRulesAsync())).Single(r => r.OrganizationTypeId == School);
        Assert.Equal((15, 30), (schoolRule.IdealDays, schoolRule.MaxDays));
        await app.AsAsync<CadenceService>(ada, Roles.Admin, s => s.SaveRuleAsync(null, School, null, null, schoolRule.Version));
        Assert.False(await app.WithDbAsync(db => db.CadenceRules.AnyAsync(r => r.OrganizationTypeId == School)));
        Assert.Equal(100, await app.WithDbAsync(db => db.CadenceRules.Where(r => r.PartnershipLevel == PartnershipLevel.Contact).Select(r => r.IdealDays).SingleAsync()));
    }
}
