using System.Text;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Import;
using LibraryOutreach.Web.Features.Export;
using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Export;

public class ExportServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ContactsCsvAndVCard_AfterAnImport_ReadBackToTheSameContactsAndFollowTheIdFilter()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await ImportServiceTests.ImportAsync(app, staff, ImportCliTests.CleanCsv, new Dictionary<int, ImportAction>());
        var tom = await app.WithDbAsync(db => db.Contacts.Where(c => c.LastName == "Nguyen").Select(c => c.Id).SingleAsync());

        await using var scope = app.ScopeAs(staff, Roles.Staff);
        var export = scope.ServiceProvider.GetRequiredService<ExportService>();
        var all = ImportParser.ParseContacts(Encoding.UTF8.GetBytes(await export.ContactsCsvAsync(null, None)), null);
        var onlyTom = ImportParser.ParseContacts(Encoding.UTF8.GetBytes(await export.ContactsVCardAsync([tom], None)), null);

        Assert.Equal(["Tom Nguyen", "Li Wei"], all.Rows.Select(r => r.Record!.DisplayName));
        var read = onlyTom.Rows.Single().Record!;
        Assert.Equal(("Director", "Chamber of Commerce", "tom@chamber.example", "555-0200"), (read.Title, read.Organization, read.Emails.Single().Address, read.Phones.Single().Number));
        Assert.Contains("Chamber of Commerce", await export.OrganizationsCsvAsync(null, None), StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => export.ExportAllAsync(None)); // whole-data export is for Admins
    }
}
