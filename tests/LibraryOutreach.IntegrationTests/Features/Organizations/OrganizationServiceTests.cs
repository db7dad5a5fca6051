using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Organizations;

public class OrganizationServiceTests
{
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly Guid Nonprofit = OrganizationTypeConfiguration.Defaults[2].Id;

    private static OrganizationInput Input(string name, Guid? type = null, PartnershipLevel level = PartnershipLevel.Contact) =>
        new() { Name = name, TypeId = type ?? School, Level = level };

    private static async Task<T> AsAsync<T>(OutreachAppFactory app, StaffUser user, string role, Func<OrganizationService, Task<T>> action)
    {
        await using var scope = app.ScopeAs(user, role);
        return await action(scope.ServiceProvider.GetRequiredService<OrganizationService>());
    }

    private static async Task AsAsync(OutreachAppFactory app, StaffUser user, string role, Func<OrganizationService, Task> action)
    {
        await using var scope = app.ScopeAs(user, role);
        await action(scope.ServiceProvider.GetRequiredService<OrganizationService>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListAsync_PagesSortsAndFilters(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        Guid tagId;
        await using (var scope = app.ScopeAs(admin, Roles.Admin))
        {
            tagId = await scope.ServiceProvider.GetRequiredService<TagService>().CreateAsync("Youth", "#aa3300");
        }

        await AsAsync(app, admin, Roles.Admin, async s =>
        {
            await s.CreateAsync(Input("Charlie School", level: PartnershipLevel.FormalPartner));
            await s.CreateAsync(new OrganizationInput { Name = "alpha Food Bank", TypeId = Nonprofit, Level = PartnershipLevel.Sponsor, TagIds = [tagId] });
            await s.CreateAsync(new OrganizationInput { Name = "Bravo Elementary", TypeId = School, Level = PartnershipLevel.Collaborator, TagIds = [tagId], OwnerId = admin.Id });
            var archived = await s.CreateAsync(Input("Delta Closed"));
            var detail = await s.GetAsync(archived);
            await s.ArchiveAsync(archived, detail.Version);
        });
        var merged = await AsAsync(app, admin, Roles.Admin, s => s.CreateAsync(Input("Echo Merged")));
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == merged).ExecuteUpdateAsync(u => u.SetProperty(o => o.MergedIntoId, Guid.CreateVersion7())));

        var page1 = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { PageSize = 2 }));
        var page2 = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { PageSize = 2, Page = 1 }));
        var byLevelDesc = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { Sort = OrganizationSort.Level, Descending = true }));
        var byType = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { Sort = OrganizationSort.Type }));
        var tagged = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { TagId = tagId }));
        var schools = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { TypeId = School }));
        var withArchived = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { IncludeArchived = true }));
        var text = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { Text = "ALPHA" }));
        var owned = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { OwnerId = admin.Id }));
        var huge = await AsAsync(app, admin, Roles.Admin, s => s.ListAsync(new OrganizationQuery { PageSize = 10_000 }));

        Assert.Equal(3, page1.TotalCount);
        Assert.Equal(["alpha Food Bank", "Bravo Elementary"], page1.Rows.Select(r => r.Name));
        Assert.Equal(["Charlie School"], page2.Rows.Select(r => r.Name));
        Assert.Equal(["Charlie School", "alpha Food Bank", "Bravo Elementary"], byLevelDesc.Rows.Select(r => r.Name));
        Assert.Equal(["alpha Food Bank", "Bravo Elementary", "Charlie School"], byType.Rows.Select(r => r.Name));
        Assert.Equal(["alpha Food Bank", "Bravo Elementary"], tagged.Rows.Select(r => r.Name));
        Assert.Equal(new TagChip(tagId, "Youth", "#aa3300"), Assert.Single(tagged.Rows[0].Tags));
        Assert.Equal(["Bravo Elementary", "Charlie School"], schools.Rows.Select(r => r.Name));
        Assert.Equal(4, withArchived.TotalCount);
        Assert.True(withArchived.Rows.Single(r => r.Name == "Delta Closed").IsArchived);
        Assert.DoesNotContain(withArchived.Rows, r => r.Name == "Echo Merged");
        Assert.Equal(["alpha Food Bank"], text.Rows.Select(r => r.Name));
        var mine = Assert.Single(owned.Rows);
        Assert.Equal(("Bravo Elementary", "Ada Admin", "School"), (mine.Name, mine.OwnerName, mine.TypeName));
        Assert.Equal(3, huge.Rows.Count);

        // The export takes every match, on every page, with the same filters.
        var taggedIds = await AsAsync(app, admin, Roles.Admin, s => s.ListIdsAsync(new OrganizationQuery { TagId = tagId, PageSize = 1 }));
        Assert.Equal(tagged.Rows.Select(r => r.Id), taggedIds);
        var allIds = await AsAsync(app, admin, Roles.Admin, s => s.ListIdsAsync(new OrganizationQuery { IncludeArchived = true }));
        Assert.Equal(withArchived.Rows.Select(r => r.Id).Order(), allIds.Order());
    }

    [Fact]
    public async Task CreateAsync_ThenGetAsync_RoundTripsEveryField()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Staff, "Sue Staff");
        Guid tagId;
        await using (var scope = app.ScopeAs(admin, Roles.Admin))
        {
            tagId = await scope.ServiceProvider.GetRequiredService<TagService>().CreateAsync("Schools", "#123456");
        }

        var input = new OrganizationInput
        {
            Name = "  Springfield Elementary  ",
            TypeId = School,
            Level = PartnershipLevel.FormalPartner,
            Website = "https://springfield.k12.us",
            EmailDomains = ["Springfield.K12.us", " www.springfield.org "],
            Phone = "(555) 010-0199",
            Email = "office@springfield.k12.us",
            Address = "19 Plympton St",
            Notes = "<script>alert(1)</script>\nSecond line",
            OwnerId = admin.Id,
            CoOwnerIds = [sue.Id],
            TagIds = [tagId],
        };

        var id = await AsAsync(app, sue, Roles.Staff, s => s.CreateAsync(input));
        var detail = await AsAsync(app, sue, Roles.Staff, s => s.GetAsync(id));
        var phoneNormalized = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.PhoneNormalized).SingleAsync());

        Assert.Equal("Springfield Elementary", detail.Name);
        Assert.Equal(("School", PartnershipLevel.FormalPartner), (detail.TypeName, detail.Level));
        Assert.Equal(["springfield.k12.us", "springfield.org"], detail.EmailDomains);
        Assert.Equal(("https://springfield.k12.us", "(555) 010-0199", "office@springfield.k12.us", "19 Plympton St"), (detail.Website, detail.Phone, detail.Email, detail.Address));
        Assert.Equal("<script>alert(1)</script>\nSecond line", detail.Notes);
        Assert.Equal(new StaffRef(admin.Id, "Ada Admin"), detail.Owner);
        Assert.Equal([new StaffRef(sue.Id, "Sue Staff")], detail.CoOwners);
        Assert.Equal([new TagChip(tagId, "Schools", "#123456")], detail.Tags);
        Assert.Equal("5550100199", phoneNormalized);
        Assert.NotEqual(Guid.Empty, detail.Version);
        Assert.True(detail.CanEdit);
        Assert.False(detail.CanDelete);
    }

    [Fact]
    public async Task GetAsync_ShowsAffiliationsAndCommitteeSeats()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var id = await AsAsync(app, admin, Roles.Admin, s => s.CreateAsync(Input("Chamber of Commerce")));
        var contact = new Contact { FirstName = "Lisa", LastName = "Simpson", DisplayName = "Lisa Simpson" };
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(contact);
            db.Affiliations.Add(new Affiliation { ContactId = contact.Id, OrganizationId = id, Role = "Director", StartDate = new DateOnly(2024, 1, 1) });
            db.CommitteeSeats.Add(new CommitteeSeat { StaffUserId = admin.Id, OrganizationId = id, Role = "Board member", MeetingCadence = "monthly" });
            await db.SaveChangesAsync();
        });

        var detail = await AsAsync(app, admin, Roles.Admin, s => s.GetAsync(id));

        var affiliation = Assert.Single(detail.Affiliations);
        Assert.Equal((contact.Id, "Lisa Simpson", "Director", new DateOnly(2024, 1, 1), (DateOnly?)null), (affiliation.ContactId, affiliation.ContactName, affiliation.Role, affiliation.StartDate, affiliation.EndDate));
        var seat = Assert.Single(detail.CommitteeSeats);
        Assert.Equal(("Ada Admin", "Board member", "monthly"), (seat.StaffName, seat.Role, seat.MeetingCadence));
    }

    [Fact]
    public async Task CreateAsync_InvalidInput_GivesAMessagePerField()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Staff, "Sue Staff");
        await app.WithDbAsync(db => db.OrganizationTypes.Where(t => t.Id == Nonprofit).ExecuteUpdateAsync(u => u.SetProperty(t => t.IsArchived, true)));

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => AsAsync(app, sue, Roles.Staff, s => s.CreateAsync(new OrganizationInput
        {
            Name = new string('x', 201),
            TypeId = Nonprofit,
            Website = "javascript:alert(1)",
            Email = "not-an-email",
            EmailDomains = ["good.org", "not a domain"],
            Phone = new string('5', 51),
            Notes = new string('n', 8001),
        })));

        Assert.Equal("Name can be at most 200 characters.", error.Errors[nameof(OrganizationInput.Name)]);
        Assert.Equal("The type \"Nonprofit\" is archived. Choose another.", error.Errors[nameof(OrganizationInput.TypeId)]);
        Assert.Equal("Website must be a web address starting with http:// or https://.", error.Errors[nameof(OrganizationInput.Website)]);
        Assert.Equal("Email must be an address like name@example.org.", error.Errors[nameof(OrganizationInput.Email)]);
        Assert.Contains("\"not a domain\" is not a domain", error.Errors[nameof(OrganizationInput.EmailDomains)], StringComparison.Ordinal);
        Assert.Equal("Phone can be at most 50 characters.", error.Errors[nameof(OrganizationInput.Phone)]);
        Assert.Equal("Notes can be at most 8000 characters.", error.Errors[nameof(OrganizationInput.Notes)]);
        var missing = await Assert.ThrowsAsync<RecordValidationException>(() => AsAsync(app, sue, Roles.Staff, s => s.CreateAsync(new OrganizationInput { Name = " ", TypeId = Guid.NewGuid() })));
        Assert.Equal("Name is required.", missing.Errors[nameof(OrganizationInput.Name)]);
        Assert.Equal("Choose a type.", missing.Errors[nameof(OrganizationInput.TypeId)]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task UpdateAsync_FromAStaleVersion_IsRefusedWithTheOtherPersonsChangeAndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Supervisor, "Sam Supervisor");
        var id = await AsAsync(app, ada, Roles.Admin, s => s.CreateAsync(Input("Springfield Elementary")));
        var opened = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));

        var first = opened.ToInput();
        first.Phone = "555-0100";
        await AsAsync(app, sam, Roles.Supervisor, s => s.UpdateAsync(id, first, opened.Version));
        var second = opened.ToInput();
        second.Phone = "555-0199";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsAsync(app, ada, Roles.Admin, s => s.UpdateAsync(id, second, opened.Version)));

        Assert.Equal("Sam Supervisor", conflict.ChangedBy);
        Assert.Equal([new FieldDifference("Phone", "555-0100", "555-0199")], conflict.Differences);
        var saved = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));
        Assert.Equal("555-0100", saved.Phone);
        Assert.NotEqual(opened.Version, saved.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsAsync(app, ada, Roles.Admin, s => s.ArchiveAsync(id, opened.Version)));
    }

    [Fact]
    public async Task UpdateAsync_TagsOnly_ChangesTheVersion()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        Guid tagId;
        await using (var scope = app.ScopeAs(ada, Roles.Admin))
        {
            tagId = await scope.ServiceProvider.GetRequiredService<TagService>().CreateAsync("Youth", "#aa3300");
        }

        var id = await AsAsync(app, ada, Roles.Admin, s => s.CreateAsync(Input("Springfield Elementary")));
        var opened = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));
        var input = opened.ToInput();
        input.TagIds = [tagId];

        await AsAsync(app, ada, Roles.Admin, s => s.UpdateAsync(id, input, opened.Version));

        var saved = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));
        Assert.Equal([tagId], saved.Tags.Select(t => t.Id));
        Assert.NotEqual(opened.Version, saved.Version);
    }

    [Fact]
    public async Task Permissions_StaffEditOwnOnly_SupervisorEditsAll_AdminAloneDeletes()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Supervisor, "Sam Supervisor");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Staff, "Sue Staff");
        var tom = await app.CreateUserAsync("tom@library.test", Roles.Staff, "Tom Staff");
        var suesId = await AsAsync(app, sue, Roles.Staff, s => s.CreateAsync(Input("Sue's School")));
        var owned = await AsAsync(app, ada, Roles.Admin, s => s.CreateAsync(new OrganizationInput { Name = "Owned by Tom", TypeId = School, OwnerId = tom.Id }));

        var suesOrg = await AsAsync(app, sue, Roles.Staff, s => s.GetAsync(suesId));
        var tomsView = await AsAsync(app, tom, Roles.Staff, s => s.GetAsync(suesId));
        Assert.True(suesOrg.CanEdit);
        Assert.False(tomsView.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, tom, Roles.Staff, s => s.UpdateAsync(suesId, suesOrg.ToInput(), suesOrg.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, tom, Roles.Staff, s => s.ArchiveAsync(suesId, suesOrg.Version)));

        var renamed = suesOrg.ToInput();
        renamed.Name = "Sue's Renamed School";
        await AsAsync(app, sue, Roles.Staff, s => s.UpdateAsync(suesId, renamed, suesOrg.Version));
        var ownedDetail = await AsAsync(app, tom, Roles.Staff, s => s.GetAsync(owned));
        await AsAsync(app, tom, Roles.Staff, s => s.ArchiveAsync(owned, ownedDetail.Version));
        var current = await AsAsync(app, sam, Roles.Supervisor, s => s.GetAsync(suesId));
        await AsAsync(app, sam, Roles.Supervisor, s => s.ArchiveAsync(suesId, current.Version));

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, sam, Roles.Supervisor, s => s.DeleteAsync(suesId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, sue, Roles.Staff, s => s.DeleteAsync(suesId)));
        await AsAsync(app, ada, Roles.Admin, s => s.DeleteAsync(suesId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => AsAsync(app, ada, Roles.Admin, s => s.GetAsync(suesId)));
        Assert.True((await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(owned))).IsArchived);
    }

    [Fact]
    public async Task Reads_WithoutSignIn_AreRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()));
        var service = scope.ServiceProvider.GetRequiredService<OrganizationService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new OrganizationQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(Input("Sneaky")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetChoicesAsync());
    }

    [Fact]
    public async Task ArchiveAndRestore_HideAndShowInTheDefaultList()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var id = await AsAsync(app, ada, Roles.Admin, s => s.CreateAsync(Input("Springfield Elementary")));
        var opened = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));

        await AsAsync(app, ada, Roles.Admin, s => s.ArchiveAsync(id, opened.Version));
        var hidden = await AsAsync(app, ada, Roles.Admin, s => s.ListAsync(new OrganizationQuery()));
        var archived = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));
        await AsAsync(app, ada, Roles.Admin, s => s.RestoreAsync(id, archived.Version));
        var shown = await AsAsync(app, ada, Roles.Admin, s => s.ListAsync(new OrganizationQuery()));

        Assert.Equal(0, hidden.TotalCount);
        Assert.True(archived.IsArchived);
        Assert.Equal(id, Assert.Single(shown.Rows).Id);
    }

    [Fact]
    public async Task Writes_AreAudited()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var id = await AsAsync(app, ada, Roles.Admin, s => s.CreateAsync(Input("Springfield Elementary")));
        var opened = await AsAsync(app, ada, Roles.Admin, s => s.GetAsync(id));
        var input = opened.ToInput();
        input.Phone = "555-0100";
        await AsAsync(app, ada, Roles.Admin, s => s.UpdateAsync(id, input, opened.Version));
        await AsAsync(app, ada, Roles.Admin, s => s.DeleteAsync(id));

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Organization) && a.EntityId == id.ToString()).ToListAsync());

        Assert.Equal([AuditActions.Created, AuditActions.Updated, AuditActions.Deleted], entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(ada.Id, e.UserId));
        Assert.Contains("555-0100", entries.Single(e => e.Action == AuditActions.Updated).Changes, StringComparison.Ordinal);
    }
}
