using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.IntegrationTests.Features.Contacts;

/// <summary>The contact pages as the server first renders them for a signed-in staff member.</summary>
public class ContactPagesTests
{
    [Fact]
    public async Task ContactPage_ShowsDetailsLinksAffiliationsAndNotesAsText()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(school);
            await db.SaveChangesAsync();
        });
        var id = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new ContactInput
        {
            FirstName = "Edna",
            LastName = "Krabappel",
            Emails = [new() { Address = "edna@springfield.k12.us" }],
            Phones = [new() { Number = "+1 (555) 010-0199" }],
            Notes = "<script>alert('x')</script>",
        }));
        await app.AsAsync<AffiliationService, Guid>(sam, Roles.Staff, s => s.AddAsync(id, school.Id, "Teacher", null));
        using var client = new AccountClient(app);
        await client.SignInAsync("sam@library.test");

        var html = AccountClient.MainContent(await client.GetPageAsync($"/contacts/{id}"));

        Assert.Contains("Edna Krabappel", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:edna@springfield.k12.us\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:&#x2B;15550100199\"", html, StringComparison.Ordinal);
        Assert.Contains("Springfield Elementary", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("Contacts", AccountClient.MainContent(await client.GetPageAsync("/contacts")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactPage_AfterAMerge_DuplicateSaysWhereItWentAndSurvivorHistoryShowsTheMerge()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var survivorId = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new ContactInput { FirstName = "Edna", LastName = "Krabappel" }));
        var duplicateId = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new ContactInput { FirstName = "Edna", LastName = "K.", Title = "Teacher" }));
        var preview = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, preview.Survivor.Version, duplicateId, preview.Duplicate.Version));
        using var client = new AccountClient(app);
        await client.SignInAsync("sam@library.test");

        var duplicatePage = AccountClient.MainContent(await client.GetPageAsync($"/contacts/{duplicateId}"));
        var survivorPage = AccountClient.MainContent(await client.GetPageAsync($"/contacts/{survivorId}"));

        Assert.Contains("data-testid=\"contact-merged-notice\"", duplicatePage, StringComparison.Ordinal);
        Assert.Contains("This contact was merged into", duplicatePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"contacts/{survivorId}\"", duplicatePage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"contact-not-found\"", duplicatePage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"record-history\"", survivorPage, StringComparison.Ordinal);
        Assert.Contains("Merged a duplicate into this record", survivorPage, StringComparison.Ordinal);
        Assert.Contains($"Edna K. ({duplicateId})", survivorPage, StringComparison.Ordinal);
        Assert.Contains("Sue Supervisor", survivorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"contact-merge\"", survivorPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactPage_Supervisor_SeesTheMergeAction()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var id = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(new ContactInput { FirstName = "Edna", LastName = "Krabappel" }));
        using var client = new AccountClient(app);
        await client.SignInAsync("sue@library.test");

        var html = AccountClient.MainContent(await client.GetPageAsync($"/contacts/{id}"));

        Assert.Contains("Merge a duplicate into this contact", html, StringComparison.Ordinal);
    }
}
