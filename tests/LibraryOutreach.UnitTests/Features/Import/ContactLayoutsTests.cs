using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.UnitTests.Features.Import;

public class ContactLayoutsTests
{
    [Theory]
    [InlineData("google.csv", ContactLayouts.Google)]
    [InlineData("google-old.csv", ContactLayouts.Google)]
    [InlineData("outlook.csv", ContactLayouts.Outlook)]
    [InlineData("bitrix24.csv", ContactLayouts.Bitrix24)]
    public void ParseContacts_KnownExport_DetectsItsLayout(string sample, string expected)
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes(sample), mapping: null);

        Assert.Equal(expected, parsed.Format);
        Assert.False(parsed.NeedsMapping);
    }

    [Fact]
    public void DetectContacts_UnknownHeaders_IsNull() =>
        Assert.Null(ContactLayouts.DetectContacts(["Full name", "Mail", "Cell"]));

    [Fact]
    public void ParseContacts_GoogleExport_MapsNamesEmailsPhonesTagsAndNotes()
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("google.csv"), mapping: null);

        var maria = parsed.Rows[0];
        Assert.Equal(1, maria.RowNumber);
        Assert.Empty(maria.Errors);
        var contact = maria.Record!;
        Assert.Equal("Maria", contact.FirstName);
        Assert.Equal("Lopez", contact.LastName);
        Assert.Equal("Maria Elena Lopez", contact.DisplayName);
        Assert.Equal("Principal", contact.Title);
        Assert.Equal("Springfield Elementary", contact.Organization);
        Assert.Equal([new ImportedEmail("Work", "maria.lopez@springfield.k12.us"), new ImportedEmail("Home", "maria@example.com")], contact.Emails);
        Assert.Equal([new ImportedPhone("Mobile", "(555) 010-0199")], contact.Phones);
        Assert.Equal(["School partners", "Board"], contact.Tags);
        Assert.Equal("Met at the book fair.\nWants the \"Summer Reading\" flyer.", contact.Notes);

        var tom = parsed.Rows[1].Record!;
        Assert.Equal(["tom@chamber.example", "tom.nguyen@example.com"], tom.Emails.Select(e => e.Address));
        Assert.Empty(tom.Tags);
    }

    [Fact]
    public void ParseContacts_GoogleRowsWithoutNameOrWithBadEmail_ReportErrorsWithRowNumbers()
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("google.csv"), mapping: null);

        Assert.Equal(4, parsed.Rows.Count);
        var noName = Assert.Single(parsed.Rows[2].Errors);
        Assert.Equal(3, noName.RowNumber);
        Assert.StartsWith("No name", noName.Message, StringComparison.Ordinal);
        Assert.Null(parsed.Rows[2].Record);
        var badEmail = Assert.Single(parsed.Rows[3].Errors);
        Assert.Equal(4, badEmail.RowNumber);
        Assert.Contains("ana(at)example.com", badEmail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseContacts_OlderGoogleExport_UsesGivenAndFamilyNameAndTypeLabels()
    {
        var contact = ImportParser.ParseContacts(ImportSamples.Bytes("google-old.csv"), mapping: null).Rows.Single().Record!;

        Assert.Equal(("Li", "Wei", "Li Wei"), (contact.FirstName, contact.LastName, contact.DisplayName));
        Assert.Equal([new ImportedEmail("Other", "li.wei@example.org")], contact.Emails);
        Assert.Equal(["Friends of the Library"], contact.Tags);
        Assert.Equal(("Treasurer", "Friends of the Library"), (contact.Title, contact.Organization));
    }

    [Fact]
    public void ParseContacts_OutlookExport_UsesJobTitleCompanyPhonesAndCategories()
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("outlook.csv"), mapping: null);

        var john = parsed.Rows[0].Record!;
        Assert.Equal("John Q Public", john.DisplayName);
        Assert.Equal("President", john.Title);
        Assert.Equal("Springfield Rotary", john.Organization);
        Assert.Equal(["john@rotary.example", "jq@example.com"], john.Emails.Select(e => e.Address));
        Assert.Equal([new ImportedPhone("Work", "555-0111"), new ImportedPhone("Mobile", "555-0112")], john.Phones);
        Assert.Equal(["Civic", "VIP"], john.Tags);
        Assert.Equal("Prefers phone", john.Notes);
        Assert.Equal([new ImportedPhone("Home", "555-0113")], parsed.Rows[1].Record!.Phones);
    }

    [Fact]
    public void ParseContacts_Bitrix24SemicolonExport_MapsItsColumns()
    {
        var contact = ImportParser.ParseContacts(ImportSamples.Bytes("bitrix24.csv"), mapping: null).Rows.Single().Record!;

        Assert.Equal(("Olga", "Ivanova", "Olga Petrovna Ivanova"), (contact.FirstName, contact.LastName, contact.DisplayName));
        Assert.Equal(("Librarian", "City Library"), (contact.Title, contact.Organization));
        Assert.Equal([new ImportedEmail("Work", "olga@citylib.example"), new ImportedEmail("Home", "olga@mail.example")], contact.Emails);
        Assert.Equal(["Work", "Mobile"], contact.Phones.Select(p => p.Label));
        Assert.Equal("Runs the chess club; Tuesdays", contact.Notes);
    }

    [Fact]
    public void ParseContacts_UnknownHeadersWithoutMapping_AsksForAMapping()
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("custom.csv"), mapping: null);

        Assert.True(parsed.NeedsMapping);
        Assert.Equal(["Full name", "Mail", "Cell", "Employer"], parsed.Headers);
        Assert.Empty(parsed.Rows);
    }

    [Fact]
    public void ParseContacts_UnknownHeadersWithMapping_UsesIt()
    {
        var mapping = new ColumnMapping(new Dictionary<string, ImportField>
        {
            ["full name"] = ImportField.FullName,
            ["Mail"] = ImportField.Email,
            ["Cell"] = ImportField.Phone,
            ["Employer"] = ImportField.Organization,
        });

        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("custom.csv"), mapping);

        Assert.Equal(ContactLayouts.Mapped, parsed.Format);
        var contact = parsed.Rows.Single().Record!;
        Assert.Equal(("Pat", "Doe", "Pat Doe"), (contact.FirstName, contact.LastName, contact.DisplayName));
        Assert.Equal("pat@example.com", contact.Emails.Single().Address);
        Assert.Equal("555-0300", contact.Phones.Single().Number);
        Assert.Equal("Town Hall", contact.Organization);
    }

    [Fact]
    public void ParseContacts_TooLongAndUnreadableFields_AreRowErrors()
    {
        var csv = "First Name,Last Name,E-mail 1 - Value\n" + new string('a', 101) + ",Doe,a@example.com\nRen\uFFFDe,Dub,b@example.com\n";

        var parsed = ImportParser.ParseContacts(System.Text.Encoding.UTF8.GetBytes(csv), mapping: null);

        Assert.Equal("First name can be at most 100 characters.", Assert.Single(parsed.Rows[0].Errors).Message);
        Assert.StartsWith("Unreadable text", Assert.Single(parsed.Rows[1].Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOrganizations_SimpleTabLayout_MapsColumnsAndReportsErrors()
    {
        var parsed = ImportParser.ParseOrganizations(ImportSamples.Bytes("organizations.tsv"), mapping: null);

        Assert.Equal(ContactLayouts.Simple, parsed.Format);
        var school = parsed.Rows[0].Record!;
        Assert.Equal("Springfield Elementary", school.Name);
        Assert.Equal("School", school.Type);
        Assert.Equal("1 School Rd, Springfield", school.Address);
        Assert.Equal(["springfield.k12.us"], school.EmailDomains);
        Assert.Equal(["chamber.example", "chamber.org"], parsed.Rows[1].Record!.EmailDomains);
        Assert.StartsWith("No name", Assert.Single(parsed.Rows[2].Errors).Message, StringComparison.Ordinal);
        Assert.StartsWith("Bad email", Assert.Single(parsed.Rows[3].Errors).Message, StringComparison.Ordinal);
        Assert.Equal([3, 4], parsed.Rows.Where(r => !r.IsValid).Select(r => r.RowNumber));
    }

    [Fact]
    public void DetectOrganizations_ContactHeaders_IsNull() =>
        Assert.Null(ContactLayouts.DetectOrganizations(["First Name", "Last Name", "E-mail 1 - Value"]));
}
