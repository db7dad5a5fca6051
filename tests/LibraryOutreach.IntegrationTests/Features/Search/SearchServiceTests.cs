using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Features.Search;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Search;

/// <summary>The global search on both providers: what finds a record, and that the index follows every write.</summary>
public class SearchServiceTests
{
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;

    private sealed record Town(OutreachAppFactory App, StaffUser Admin, Guid SchoolsTag, Guid Elementary, Guid Edna);

    private static async Task<Town> TownAsync(DatabaseProvider provider)
    {
        var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var tag = await app.AsAsync<TagService, Guid>(admin, Roles.Admin, s => s.CreateAsync("Schools", "#1f5f8b"));
        var elementary = await app.AsAsync<OrganizationService, Guid>(admin, Roles.Admin, s => s.CreateAsync(new OrganizationInput
        {
            Name = "Springfield Elementary",
            TypeId = School,
            Email = "office@springfield.k12.us",
            EmailDomains = ["springfield.k12.us"],
            TagIds = [tag],
        }));
        var edna = await app.AsAsync<ContactService, Guid>(admin, Roles.Admin, s => s.CreateAsync(new ContactInput
        {
            FirstName = "Edna",
            LastName = "Krabappel",
            Emails = [new() { Address = "edna.k@springfield.k12.us" }],
            Phones = [new() { Number = "(555) 010-0199" }],
            TagIds = [tag],
        }));
        await app.AsAsync<AffiliationService, Guid>(admin, Roles.Admin, s => s.AddAsync(edna, elementary, "Fourth-grade teacher", null));
        return new Town(app, admin, tag, elementary, edna);
    }

    private static Task<SearchResults> SearchAsync(Town town, string query) =>
        town.App.AsAsync<SearchService, SearchResults>(town.Admin, Roles.Staff, s => s.SearchAsync(query));

    private static List<string> Titles(SearchResults results, string kind) =>
        results.Groups.Where(g => g.Kind == kind).SelectMany(g => g.Hits).Select(h => h.Title).ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchAsync_ByNamePrefixEmailPhoneOrganizationAndTag_FindsTheRecordsGroupedByKind(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;

        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "krab"), SearchKinds.Contact));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "EDN KRA"), SearchKinds.Contact));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "edna.k@spring"), SearchKinds.Contact));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "555-010"), SearchKinds.Contact));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "5550100"), SearchKinds.Contact));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "fourth-grade"), SearchKinds.Contact));

        // The organization's name finds the organization and its people; contacts come first.
        var byOrganization = await SearchAsync(town, "springfield elem");
        Assert.Equal([SearchKinds.Contact, SearchKinds.Organization], byOrganization.Groups.Select(g => g.Kind));
        Assert.Equal("Fourth-grade teacher, Springfield Elementary", byOrganization.Groups[0].Hits.Single().Subtitle);
        var organization = byOrganization.Groups[1].Hits.Single();
        Assert.Equal(("Springfield Elementary", "School", $"/organizations/{town.Elementary}"), (organization.Title, organization.Subtitle, organization.Url));

        var byTag = await SearchAsync(town, "schools");
        Assert.Equal(["Edna Krabappel"], Titles(byTag, SearchKinds.Contact));
        Assert.Equal(["Springfield Elementary"], Titles(byTag, SearchKinds.Organization));

        Assert.True((await SearchAsync(town, "krabs")).IsEmpty);
        Assert.True((await SearchAsync(town, "  ?! ")).IsEmpty);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchAsync_AfterRenamesArchivingAndDeleting_FollowsEveryWrite(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;

        // Renaming the organization re-indexes its people too.
        var organization = await app.AsAsync<OrganizationService, OrganizationDetail>(town.Admin, Roles.Admin, s => s.GetAsync(town.Elementary));
        await app.AsAsync<OrganizationService>(town.Admin, Roles.Admin, s => s.UpdateAsync(town.Elementary, new OrganizationInput
        {
            Name = "West Springfield Academy",
            TypeId = School,
            TagIds = [town.SchoolsTag],
        }, organization.Version));
        Assert.True((await SearchAsync(town, "elementary")).IsEmpty);
        var renamed = await SearchAsync(town, "academy");
        Assert.Equal(["Edna Krabappel"], Titles(renamed, SearchKinds.Contact));
        Assert.Equal(["West Springfield Academy"], Titles(renamed, SearchKinds.Organization));

        // Renaming a tag re-indexes everything that carries it.
        await app.AsAsync<TagService>(town.Admin, Roles.Admin, s => s.UpdateAsync(town.SchoolsTag, "Education", "#1f5f8b"));
        Assert.True((await SearchAsync(town, "schools")).IsEmpty);
        Assert.Equal(2, (await SearchAsync(town, "educ")).Groups.Count);

        // Archived records leave the search; restored ones come back; deleted ones are gone.
        var edna = await app.AsAsync<ContactService, ContactDetail>(town.Admin, Roles.Admin, s => s.GetAsync(town.Edna));
        await app.AsAsync<ContactService>(town.Admin, Roles.Admin, s => s.ArchiveAsync(town.Edna, edna.Version));
        Assert.Empty(Titles(await SearchAsync(town, "edna"), SearchKinds.Contact));
        edna = await app.AsAsync<ContactService, ContactDetail>(town.Admin, Roles.Admin, s => s.GetAsync(town.Edna));
        await app.AsAsync<ContactService>(town.Admin, Roles.Admin, s => s.RestoreAsync(town.Edna, edna.Version));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "edna"), SearchKinds.Contact));
        await app.AsAsync<ContactService>(town.Admin, Roles.Admin, s => s.DeleteAsync(town.Edna));
        Assert.True((await SearchAsync(town, "edna")).IsEmpty);
        Assert.Equal(0, await app.WithDbAsync(db => db.SearchDocuments.CountAsync(d => d.Kind == SearchKinds.Contact)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchAsync_AfterAMerge_FindsTheSurvivorByTheDuplicatesDetailsAndNotTheDuplicate(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;
        var duplicate = await app.AsAsync<ContactService, Guid>(town.Admin, Roles.Admin, s => s.CreateAsync(new ContactInput
        {
            FirstName = "E.",
            LastName = "Krabappel-Flanders",
            Emails = [new() { Address = "edna@flanders.example" }],
        }));
        Assert.Equal(2, Titles(await SearchAsync(town, "krabappel"), SearchKinds.Contact).Count);

        var preview = await app.AsAsync<ContactMergeService, MergeSummary>(town.Admin, Roles.Admin, s => s.PreviewAsync(town.Edna, duplicate));
        await app.AsAsync<ContactMergeService, MergeSummary>(town.Admin, Roles.Admin, s => s.MergeAsync(town.Edna, preview.Survivor.Version, duplicate, preview.Duplicate.Version));

        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "krabappel"), SearchKinds.Contact));
        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "edna@flanders"), SearchKinds.Contact));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchAsync_WhenASaveIsRefused_TheIndexKeepsTheOldEntry(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;
        var stale = await app.AsAsync<ContactService, ContactDetail>(town.Admin, Roles.Admin, s => s.GetAsync(town.Edna));
        await app.AsAsync<ContactService>(town.Admin, Roles.Admin, s => s.UpdateAsync(town.Edna, new ContactInput { FirstName = "Edna", LastName = "Flanders" }, stale.Version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<ContactService>(town.Admin, Roles.Admin, s => s.UpdateAsync(town.Edna, new ContactInput { FirstName = "Mrs", LastName = "Hoover" }, stale.Version)));

        Assert.True((await SearchAsync(town, "hoover")).IsEmpty);
        Assert.Equal(["Edna Flanders"], Titles(await SearchAsync(town, "flan"), SearchKinds.Contact));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MigrateAsync_IndexEmptiedOutsideTheApp_RebuildsIt(DatabaseProvider provider)
    {
        var town = await TownAsync(provider);
        await using var app = town.App;
        await app.WithDbAsync(db => db.SearchDocuments.ExecuteDeleteAsync());
        Assert.True((await SearchAsync(town, "edna")).IsEmpty);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        Assert.Equal(["Edna Krabappel"], Titles(await SearchAsync(town, "edna"), SearchKinds.Contact));
        Assert.Equal(["Springfield Elementary"], Titles(await SearchAsync(town, "springfield"), SearchKinds.Organization));
    }

    [Fact]
    public async Task SearchAsync_AccentsAndPunctuation_MatchPlainTyping()
    {
        var town = await TownAsync(DatabaseProvider.Sqlite);
        await using var app = town.App;
        await app.AsAsync<ContactService, Guid>(town.Admin, Roles.Admin, s => s.CreateAsync(new ContactInput { FirstName = "Zoë", LastName = "O'Brien-Núñez" }));

        Assert.Equal(["Zoë O'Brien-Núñez"], Titles(await SearchAsync(town, "zoe nun"), SearchKinds.Contact));
        Assert.Equal(["Zoë O'Brien-Núñez"], Titles(await SearchAsync(town, "o'brien"), SearchKinds.Contact));
    }

    [Fact]
    public async Task SearchAsync_ManyMatches_ReturnsTheLimitAndSaysThereAreMore()
    {
        var town = await TownAsync(DatabaseProvider.Sqlite);
        await using var app = town.App;
        for (var i = 0; i < 4; i++)
        {
            var n = i;
            await app.AsAsync<ContactService, Guid>(town.Admin, Roles.Admin, s => s.CreateAsync(new ContactInput { FirstName = "Milhouse", LastName = $"Van Houten {n}" }));
        }

        var results = await app.AsAsync<SearchService, SearchResults>(town.Admin, Roles.Staff, s => s.SearchAsync("milh", limitPerKind: 3));

        var group = Assert.Single(results.Groups);
        Assert.Equal(3, group.Hits.Count);
        Assert.True(group.HasMore);
    }
}
