using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.UnitTests.Features.Import;

public class DuplicateIndexTests
{
    private static readonly Guid Maria = Guid.CreateVersion7();

    private static ImportedContact Contact(string name, string? email = null, string? phone = null) =>
        new(name.Split(' ')[0], name.Split(' ')[^1], name, null, null,
            email is null ? [] : [new ImportedEmail(null, email)],
            phone is null ? [] : [new ImportedPhone(null, phone)],
            [],
            null);

    private static ContactDuplicateIndex Index()
    {
        var index = new ContactDuplicateIndex();
        index.Add(Maria, "Maria Lopez", ["maria.lopez@springfield.k12.us"], ["(555) 010-0199"]);
        return index;
    }

    [Fact]
    public void Find_SameEmailInAnotherCase_IsADuplicate()
    {
        var match = Index().Find(Contact("M. Lopez", email: "  Maria.Lopez@Springfield.K12.us "));

        Assert.Equal((Maria, "Same email: maria.lopez@springfield.k12.us"), (match!.ExistingId, match.Reason));
    }

    [Fact]
    public void Find_SameNameAndPhoneWrittenDifferently_IsADuplicate()
    {
        var match = Index().Find(Contact("maria  LOPEZ", phone: "555.010.0199"));

        Assert.Equal(Maria, match!.ExistingId);
        Assert.StartsWith("Same name and phone", match.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Maria Lopez", null, "555-010-0200")] // same name, other phone
    [InlineData("Mario Lopez", null, "(555) 010-0199")] // same phone, other name
    [InlineData("Maria Lopez", "maria@example.com", null)] // same name, other email
    public void Find_OnlyNameOrOnlyPhone_IsNotADuplicate(string name, string? email, string? phone) =>
        Assert.Null(Index().Find(Contact(name, email, phone)));

    [Fact]
    public void OrganizationFind_SameNameIgnoringCaseOrSharedDomain_IsADuplicate()
    {
        var chamber = Guid.CreateVersion7();
        var index = new OrganizationDuplicateIndex();
        index.Add(chamber, "Chamber of Commerce", ["chamber.example"]);

        Assert.Equal("Same name", index.Find(new ImportedOrganization("chamber of commerce ", null, null, null, null, null, null, []))!.Reason);
        Assert.Equal("Same email domain: chamber.example", index.Find(new ImportedOrganization("Springfield Chamber", null, null, "info@Chamber.example", null, null, null, []))!.Reason);
        Assert.Equal(chamber, index.Find(new ImportedOrganization("SCC", null, null, null, null, null, null, ["www.chamber.example"]))!.ExistingId);
        Assert.Null(index.Find(new ImportedOrganization("Rotary", null, null, "info@rotary.example", null, null, null, [])));
        Assert.Equal(chamber, index.FindByName("CHAMBER OF COMMERCE"));
    }
}
