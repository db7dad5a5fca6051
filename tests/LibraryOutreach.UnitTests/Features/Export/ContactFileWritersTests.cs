using System.Text;
using LibraryOutreach.Web.Features.Export;
using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.UnitTests.Features.Export;

public class ContactFileWritersTests
{
    private static readonly ImportedContact Maria = new(
        "Maria",
        "Lopez",
        "Maria Lopez",
        "Principal",
        "Springfield Elementary",
        [new ImportedEmail("Work", "maria.lopez@springfield.k12.us"), new ImportedEmail("Home", "maria@example.com")],
        [new ImportedPhone("Mobile", "(555) 010-0199")],
        ["Board", "School partners"],
        "Met at the fair, \"great\"; wants flyers.\nCall in May. This note is long enough to be folded across several vCard lines.");

    private static readonly ImportedContact Tom = new("Tom", "Nguyen", "Dr. Tom Nguyen", null, null, [], [new ImportedPhone(null, "+1 555 010 0200")], [], null);

    [Fact]
    public void GoogleCsv_ReadBackByTheImporter_GivesTheSameContacts()
    {
        var csv = ContactFileWriters.GoogleCsv([Maria, Tom]);

        var parsed = ImportParser.ParseContacts(Encoding.UTF8.GetBytes(csv), mapping: null);

        Assert.Equal(ContactLayouts.Google, parsed.Format);
        Assert.Equal(2, parsed.Rows.Count);
        AssertSame(Maria, parsed.Rows[0].Record!);
        AssertSame(Tom, parsed.Rows[1].Record!);
    }

    [Fact]
    public void VCard_ReadBackByTheImporter_GivesTheSameContacts()
    {
        var vcf = ContactFileWriters.VCard([Maria, Tom]);

        var parsed = ImportParser.ParseContacts(Encoding.UTF8.GetBytes(vcf), mapping: null);

        Assert.Equal(ContactLayouts.VCard, parsed.Format);
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", vcf, StringComparison.Ordinal);
        Assert.All(vcf.Split("\r\n"), line => Assert.True(line.Length <= 76, line));
        AssertSame(Maria with { Emails = [new("Work", Maria.Emails[0].Address), new("Home", Maria.Emails[1].Address)] }, parsed.Rows[0].Record!);
        AssertSame(Tom, parsed.Rows[1].Record!);
    }

    [Fact]
    public void OrganizationsCsv_ReadBackByTheImporter_GivesTheSameOrganizations()
    {
        var school = new ImportedOrganization("Springfield Elementary, North", "School", "https://springfield.k12.us", "office@springfield.k12.us", "555-0100", "1 School Rd\nSpringfield", "Partner", ["springfield.k12.us", "k12.example"]);

        var parsed = ImportParser.ParseOrganizations(Encoding.UTF8.GetBytes(ContactFileWriters.OrganizationsCsv([school])), mapping: null);

        var read = parsed.Rows.Single().Record!;
        Assert.Equal(school with { EmailDomains = [] }, read with { EmailDomains = [] });
        Assert.Equal(school.EmailDomains, read.EmailDomains);
    }

    [Fact]
    public void GoogleCsv_FormulaLikeText_IsNeutralisedForSpreadsheets()
    {
        var csv = ContactFileWriters.GoogleCsv([Tom with { Notes = "=HYPERLINK(\"http://evil\")" }]);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",+1 555 010 0200", csv, StringComparison.Ordinal); // phone numbers keep their +
    }

    private static void AssertSame(ImportedContact expected, ImportedContact actual)
    {
        Assert.Equal((expected.FirstName, expected.LastName, expected.DisplayName, expected.Title, expected.Organization, expected.Notes),
            (actual.FirstName, actual.LastName, actual.DisplayName, actual.Title, actual.Organization, actual.Notes));
        Assert.Equal(expected.Emails, actual.Emails);
        Assert.Equal(expected.Phones, actual.Phones);
        Assert.Equal(expected.Tags, actual.Tags);
    }
}
