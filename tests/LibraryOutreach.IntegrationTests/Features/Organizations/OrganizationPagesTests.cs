using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.IntegrationTests.Features.Organizations;

/// <summary>The organization page as the server first renders it for a signed-in staff member.</summary>
public class OrganizationPagesTests
{
    [Fact]
    public async Task OrganizationPage_ShowsItsPeopleAndCommitteeSeatsInTheirPanels()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var chamber = new Organization { Name = "Springfield Chamber of Commerce", TypeId = OrganizationTypeConfiguration.Defaults[3].Id, Notes = "<b>not bold</b>" };
        await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(chamber);
            await db.SaveChangesAsync();
        });
        var contactId = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new ContactInput { FirstName = "Lurleen", LastName = "Lumpkin" }));
        await app.AsAsync<AffiliationService, Guid>(sam, Roles.Staff, s => s.AddAsync(contactId, chamber.Id, "Board chair", null));
        await app.AsAsync<CommitteeSeatService, Guid>(sam, Roles.Staff, s => s.AddAsync(chamber.Id, new CommitteeSeatInput { StaffUserId = sam.Id, Role = "Board member", MeetingCadence = "monthly" }));
        using var client = new AccountClient(app);
        await client.SignInAsync("sam@library.test");

        var html = AccountClient.MainContent(await client.GetPageAsync($"/organizations/{chamber.Id}"));

        Assert.Contains("Springfield Chamber of Commerce", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"affiliations-panel\"", html, StringComparison.Ordinal);
        Assert.Contains("Lurleen Lumpkin", html, StringComparison.Ordinal);
        Assert.Contains("Board chair", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"seats-panel\"", html, StringComparison.Ordinal);
        Assert.Contains("Board member", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>not bold</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationPage_AfterAMerge_DuplicateSaysWhereItWentAndSurvivorHistoryShowsTheMerge()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var type = OrganizationTypeConfiguration.Defaults[3].Id;
        var survivorId = await app.AsAsync<OrganizationService, Guid>(ada, Roles.Admin, s => s.CreateAsync(new OrganizationInput { Name = "Springfield Chamber of Commerce", TypeId = type }));
        var duplicateId = await app.AsAsync<OrganizationService, Guid>(ada, Roles.Admin, s => s.CreateAsync(new OrganizationInput { Name = "Chamber of Commerce", TypeId = type }));
        var preview = await app.AsAsync<OrganizationMergeService, MergeSummary>(ada, Roles.Admin, s => s.PreviewAsync(survivorId, duplicateId));
        await app.AsAsync<OrganizationMergeService, MergeSummary>(ada, Roles.Admin, s => s.MergeAsync(survivorId, preview.Survivor.Version, duplicateId, preview.Duplicate.Version));
        using var client = new AccountClient(app);
        await client.SignInAsync("sam@library.test");

        var duplicatePage = AccountClient.MainContent(await client.GetPageAsync($"/organizations/{duplicateId}"));
        var survivorPage = AccountClient.MainContent(await client.GetPageAsync($"/organizations/{survivorId}"));

        Assert.Contains("This organization was merged into", duplicatePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"organizations/{survivorId}\"", duplicatePage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"org-not-found\"", duplicatePage, StringComparison.Ordinal);
        Assert.Contains("Merged a duplicate into this record", survivorPage, StringComparison.Ordinal);
        Assert.Contains($"Chamber of Commerce ({duplicateId})", survivorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"org-merge\"", survivorPage, StringComparison.Ordinal);
    }
}
