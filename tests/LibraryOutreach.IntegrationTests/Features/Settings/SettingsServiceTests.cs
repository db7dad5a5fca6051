using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Settings;

public class SettingsServiceTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TagService_DuplicateName_IsRefusedWithAClearMessage(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        await using var scope = app.ScopeAs(ada, Roles.Admin);
        var tags = scope.ServiceProvider.GetRequiredService<TagService>();
        var youth = await tags.CreateAsync("Youth", "#AA3300");
        var seniors = await tags.CreateAsync("Seniors", "#003366");

        var duplicate = await Assert.ThrowsAsync<RecordValidationException>(() => tags.CreateAsync(" youth ", "#000000"));
        var rename = await Assert.ThrowsAsync<RecordValidationException>(() => tags.UpdateAsync(seniors, "YOUTH", "#003366"));
        var badColour = await Assert.ThrowsAsync<RecordValidationException>(() => tags.CreateAsync("Teens", "red"));
        await tags.UpdateAsync(youth, "Youth services", "#112233");

        Assert.Equal("There is already a tag called \"Youth\". Tag names must be unique.", duplicate.Errors["Name"]);
        Assert.Equal("There is already a tag called \"Youth\". Tag names must be unique.", rename.Errors["Name"]);
        Assert.Equal("Colour must be a hex colour like #1f5f8b.", badColour.Errors["Color"]);
        Assert.Equal([new TagItem(seniors, "Seniors", "#003366", false), new TagItem(youth, "Youth services", "#112233", false)], await tags.ListAsync(includeArchived: false));
    }

    [Fact]
    public async Task TagService_Archive_HidesFromChoicesAndOnlyAdminsWrite()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Staff, "Sue Staff");
        Guid id;
        await using (var scope = app.ScopeAs(ada, Roles.Admin))
        {
            var tags = scope.ServiceProvider.GetRequiredService<TagService>();
            id = await tags.CreateAsync("Youth", "#aa3300");
            await tags.SetArchivedAsync(id, archived: true);
        }

        await using var staffScope = app.ScopeAs(sue, Roles.Staff);
        var staffTags = staffScope.ServiceProvider.GetRequiredService<TagService>();
        Assert.Empty(await staffTags.ListAsync(includeArchived: false));
        Assert.True(Assert.Single(await staffTags.ListAsync(includeArchived: true)).IsArchived);
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffTags.CreateAsync("Teens", "#000000"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffTags.SetArchivedAsync(id, archived: false));
    }

    [Fact]
    public async Task OrganizationTypeService_AddRenameReorderArchive_AndInUseCanOnlyBeArchived()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        await using var scope = app.ScopeAs(ada, Roles.Admin);
        var types = scope.ServiceProvider.GetRequiredService<OrganizationTypeService>();
        var school = OrganizationTypeConfiguration.Defaults[0].Id;
        await scope.ServiceProvider.GetRequiredService<OrganizationService>().CreateAsync(new OrganizationInput { Name = "Springfield Elementary", TypeId = school });

        var library = await types.CreateAsync("Library");
        var duplicate = await Assert.ThrowsAsync<RecordValidationException>(() => types.CreateAsync("school"));
        await types.RenameAsync(library, "Other library");
        await types.MoveAsync(library, up: true);
        var inUse = await Assert.ThrowsAsync<RecordValidationException>(() => types.DeleteAsync(school));
        await types.SetArchivedAsync(school, archived: true);
        var unused = await types.CreateAsync("Temporary");
        await types.DeleteAsync(unused);

        Assert.Equal("There is already a type called \"School\". Type names must be unique.", duplicate.Errors["Name"]);
        Assert.Contains("Archive it instead", inUse.Message, StringComparison.Ordinal);
        var all = await types.ListAsync(includeArchived: true);
        Assert.Equal([.. OrganizationTypeConfiguration.Defaults.Select(d => d.Name).SkipLast(1), "Other library", "Other"], all.Select(t => t.Name));
        Assert.Equal((true, 1), (all[0].IsArchived, all[0].UsageCount));
        Assert.DoesNotContain(await types.ListAsync(includeArchived: false), t => t.Id == school);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task BranchService_CreateRenameReorderArchive_DuplicatesRefusedAndStaffOnlyRead(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Staff, "Sue Staff");
        Guid main;
        Guid east;
        await using (var scope = app.ScopeAs(ada, Roles.Admin))
        {
            var branches = scope.ServiceProvider.GetRequiredService<BranchService>();
            main = await branches.CreateAsync("Main library");
            east = await branches.CreateAsync(" East branch ");

            var duplicate = await Assert.ThrowsAsync<RecordValidationException>(() => branches.CreateAsync("main LIBRARY"));
            var rename = await Assert.ThrowsAsync<RecordValidationException>(() => branches.RenameAsync(east, "Main Library"));
            var blank = await Assert.ThrowsAsync<RecordValidationException>(() => branches.CreateAsync("   "));
            var gone = await Assert.ThrowsAsync<RecordNotFoundException>(() => branches.RenameAsync(Guid.NewGuid(), "Westside"));
            await branches.RenameAsync(east, "Eastside branch");
            await branches.MoveAsync(east, up: true);
            await branches.SetArchivedAsync(main, archived: true);

            Assert.Equal("There is already a branch called \"Main library\". Branch names must be unique.", duplicate.Errors["Name"]);
            Assert.Equal(duplicate.Errors["Name"], rename.Errors["Name"]);
            Assert.Equal("Name is required.", blank.Errors["Name"]);
            Assert.Equal("That branch no longer exists.", gone.Message);
            Assert.Equal([new ChoiceListItem(east, "Eastside branch", 10, false, 0), new ChoiceListItem(main, "Main library", 20, true, 0)], await branches.ListAsync(includeArchived: true));
        }

        await using var staffScope = app.ScopeAs(sue, Roles.Staff);
        var staffBranches = staffScope.ServiceProvider.GetRequiredService<BranchService>();
        Assert.Equal(["Eastside branch"], (await staffBranches.ListAsync(includeArchived: false)).Select(b => b.Name));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffBranches.CreateAsync("Westside"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffBranches.RenameAsync(east, "Westside"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffBranches.MoveAsync(east, up: false));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffBranches.SetArchivedAsync(main, archived: false));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staffBranches.DeleteAsync(east));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EventTypeService_DefaultsInOrder_InUseCanOnlyBeArchived_UnusedCanBeDeleted(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var schoolVisit = EventTypeConfiguration.Defaults[4].Id;
        await app.WithDbAsync(async db =>
        {
            db.OutreachEvents.Add(new OutreachEvent { Title = "Career day", TypeId = schoolVisit, StartDate = new DateOnly(2026, 5, 4), EndDate = new DateOnly(2026, 5, 4) });
            await db.SaveChangesAsync();
        });
        await using var scope = app.ScopeAs(ada, Roles.Admin);
        var types = scope.ServiceProvider.GetRequiredService<EventTypeService>();

        Assert.Equal(EventTypeConfiguration.Defaults.Select(d => d.Name), (await types.ListAsync(includeArchived: false)).Select(t => t.Name));
        var duplicate = await Assert.ThrowsAsync<RecordValidationException>(() => types.CreateAsync("pop-up LIBRARY"));
        var inUse = await Assert.ThrowsAsync<RecordValidationException>(() => types.DeleteAsync(schoolVisit));
        await types.SetArchivedAsync(schoolVisit, archived: true);
        var bookClub = await types.CreateAsync("Book club");
        await types.DeleteAsync(bookClub);

        Assert.Equal("There is already a type called \"Pop-up library\". Type names must be unique.", duplicate.Errors["Name"]);
        Assert.Equal("\"School visit\" is used by 1 event(s), so it can't be deleted. Archive it instead.", inUse.Errors[""]);
        var all = await types.ListAsync(includeArchived: true);
        Assert.Equal((true, 1), all.Where(t => t.Id == schoolVisit).Select(t => (t.IsArchived, t.UsageCount)).Single());
        Assert.Equal(EventTypeConfiguration.Defaults.Length, all.Count);
        Assert.DoesNotContain(await types.ListAsync(includeArchived: false), t => t.Id == schoolVisit);
    }
}
