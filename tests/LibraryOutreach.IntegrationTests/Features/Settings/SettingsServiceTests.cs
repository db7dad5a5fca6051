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
}
