using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Contacts;

public class AffiliationServiceTests
{
    private static async Task<(Guid School, Guid Library)> AddOrganizationsAsync(OutreachAppFactory app)
    {
        var school = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        var library = new Organization { Name = "Springfield Library Friends", TypeId = OrganizationTypeConfiguration.Defaults[2].Id };
        var archived = new Organization { Name = "Springfield Old Mill", TypeId = OrganizationTypeConfiguration.Defaults[3].Id, IsArchived = true };
        await app.WithDbAsync(async db =>
        {
            db.Organizations.AddRange(school, library, archived);
            await db.SaveChangesAsync();
        });
        return (school.Id, library.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EndAsync_KeepsHistoryAndValidatesDates(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var (school, library) = await AddOrganizationsAsync(app);
        var contact = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new ContactInput { FirstName = "Edna", LastName = "Krabappel" }));
        var teacher = await app.AsAsync<AffiliationService, Guid>(sam, Roles.Staff, s => s.AddAsync(contact, school, "Teacher", new DateOnly(2015, 9, 1)));
        await app.AsAsync<AffiliationService, Guid>(sam, Roles.Staff, s => s.AddAsync(contact, library, "Volunteer", null));

        var tooEarly = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<AffiliationService>(sam, Roles.Staff, s => s.EndAsync(teacher, new DateOnly(2015, 8, 31))));
        Assert.Equal(PeriodValidation.EndBeforeStart, tooEarly.Errors["EndDate"]);
        await app.AsAsync<AffiliationService>(sam, Roles.Staff, s => s.EndAsync(teacher, new DateOnly(2024, 6, 30)));

        var list = await app.AsAsync<AffiliationService, IReadOnlyList<AffiliationView>>(sam, Roles.Staff, s => s.ListForContactAsync(contact));
        Assert.Equal([("Springfield Library Friends", true), ("Springfield Elementary", false)], list.Select(a => (a.OrganizationName, a.IsCurrent)));
        Assert.Equal(new DateOnly(2024, 6, 30), list[1].EndDate);
        var current = await app.AsAsync<ContactService, ContactResults>(sam, Roles.Staff, s => s.ListAsync(new ContactQuery { OrganizationId = school }));
        Assert.Empty(current.Rows);
        var detail = await app.AsAsync<ContactService, ContactDetail>(sam, Roles.Staff, s => s.GetAsync(contact));
        Assert.Equal(2, detail.Affiliations.Count);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Affiliation) && a.EntityId == teacher.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Created, AuditActions.Updated], audit.Order());
    }

    [Fact]
    public async Task RemoveAsync_OnlySupervisorsOrWhoeverAddedIt()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var (school, _) = await AddOrganizationsAsync(app);
        var contact = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new ContactInput { LastName = "Skinner" }));
        var first = await app.AsAsync<AffiliationService, Guid>(sam, Roles.Staff, s => s.AddAsync(contact, school, "Principal", null));
        var second = await app.AsAsync<AffiliationService, Guid>(sam, Roles.Staff, s => s.AddAsync(contact, school, "Typo", null));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<AffiliationService>(kim, Roles.Staff, s => s.RemoveAsync(first)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<AffiliationService>(kim, Roles.Staff, s => s.EndAsync(first, new DateOnly(2025, 1, 1))));
        await app.AsAsync<AffiliationService>(sam, Roles.Staff, s => s.RemoveAsync(second));
        await app.AsAsync<AffiliationService>(sue, Roles.Supervisor, s => s.RemoveAsync(first));

        Assert.Equal(0, await app.WithDbAsync(db => db.Affiliations.CountAsync()));
    }

    [Fact]
    public async Task SearchOrganizationsAsync_MatchesActiveNamesByPrefix()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await AddOrganizationsAsync(app);

        var found = await app.AsAsync<AffiliationService, IReadOnlyList<OrganizationOption>>(sam, Roles.Staff, s => s.SearchOrganizationsAsync("springfield l"));

        Assert.Equal(["Springfield Library Friends"], found.Select(o => o.Name));
        Assert.Equal(2, (await app.AsAsync<AffiliationService, IReadOnlyList<OrganizationOption>>(sam, Roles.Staff, s => s.SearchOrganizationsAsync("SPRING"))).Count);
    }

    [Fact]
    public async Task CommitteeSeats_AddListValidateAndPermissions()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var (school, library) = await AddOrganizationsAsync(app);
        var seat = new CommitteeSeatInput { StaffUserId = sam.Id, Role = "Board member", TermStart = new DateOnly(2025, 1, 1), TermEnd = new DateOnly(2026, 12, 31), MeetingCadence = "monthly, 2nd Tuesday" };

        var id = await app.AsAsync<CommitteeSeatService, Guid>(sam, Roles.Staff, s => s.AddAsync(school, seat));
        var invalid = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<CommitteeSeatService, Guid>(sam, Roles.Staff, s =>
            s.AddAsync(library, new CommitteeSeatInput { StaffUserId = "nobody", TermStart = new DateOnly(2025, 1, 1), TermEnd = new DateOnly(2024, 1, 1) })));

        Assert.Equal(PeriodValidation.RoleRequired, invalid.Errors["Role"]);
        Assert.Equal(PeriodValidation.EndBeforeStart, invalid.Errors["TermEnd"]);
        Assert.Equal(PeriodValidation.StaffRequired, invalid.Errors["StaffUserId"]);
        var byOrganization = await app.AsAsync<CommitteeSeatService, IReadOnlyList<CommitteeSeatView>>(kim, Roles.Staff, s => s.ListByOrganizationAsync(school));
        var row = Assert.Single(byOrganization);
        Assert.Equal(("Sam Staff", "Springfield Elementary", "Board member", "monthly, 2nd Tuesday"), (row.StaffName, row.OrganizationName, row.Role, row.MeetingCadence));
        Assert.Equal(id, Assert.Single(await app.AsAsync<CommitteeSeatService, IReadOnlyList<CommitteeSeatView>>(kim, Roles.Staff, s => s.ListByStaffAsync(sam.Id))).Id);
        Assert.Empty(await app.AsAsync<CommitteeSeatService, IReadOnlyList<CommitteeSeatView>>(kim, Roles.Staff, s => s.ListByStaffAsync(kim.Id)));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<CommitteeSeatService>(kim, Roles.Staff, s => s.RemoveAsync(id)));
        seat.Role = "Board treasurer";
        await app.AsAsync<CommitteeSeatService>(sam, Roles.Staff, s => s.UpdateAsync(id, seat));
        Assert.Equal("Board treasurer", await app.WithDbAsync(db => db.CommitteeSeats.Select(s => s.Role).SingleAsync()));
        await app.AsAsync<CommitteeSeatService>(sam, Roles.Staff, s => s.RemoveAsync(id));
        Assert.Equal(0, await app.WithDbAsync(db => db.CommitteeSeats.CountAsync()));
    }
}
