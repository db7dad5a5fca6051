using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;

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
}
