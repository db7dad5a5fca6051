using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;

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
}
