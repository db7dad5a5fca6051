using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.UnitTests.Features.Import;

public class VCardReaderTests
{
    [Fact]
    public void ParseContacts_VCard3_ReadsFieldsUnfoldsLinesAndUnescapes()
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("contacts-v3.vcf"), mapping: null);

        Assert.Equal(ContactLayouts.VCard, parsed.Format);
        Assert.Equal(2, parsed.Rows.Count);
        var maria = parsed.Rows[0].Record!;
        Assert.Equal(("Maria", "Lopez", "Maria Elena Lopez"), (maria.FirstName, maria.LastName, maria.DisplayName));
        Assert.Equal(("Principal", "Springfield Elementary"), (maria.Title, maria.Organization));
        Assert.Equal([new ImportedEmail("Work", "maria.lopez@springfield.k12.us"), new ImportedEmail("Home", "maria@example.com")], maria.Emails);
        Assert.Equal([new ImportedPhone("Cell", "(555) 010-0199")], maria.Phones);
        Assert.Equal("First line\nSecond line with a comma, and a semicolon; ok. This note is long enough to be folded.", maria.Notes);
        Assert.Equal(["School partners", "Board"], maria.Tags);
    }

    [Fact]
    public void ParseContacts_VCardWithoutName_IsARowErrorWithItsNumber()
    {
        var parsed = ImportParser.ParseContacts(ImportSamples.Bytes("contacts-v3.vcf"), mapping: null);

        var error = Assert.Single(parsed.Rows[1].Errors);
        Assert.Equal(2, error.RowNumber);
        Assert.StartsWith("No name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseContacts_VCard4_ReadsQuotedTypesAndTelUris()
    {
        var contact = ImportParser.ParseContacts(ImportSamples.Bytes("contacts-v4.vcf"), mapping: null).Rows.Single().Record!;

        Assert.Equal(("Tom", "Nguyen", "Tom Nguyen"), (contact.FirstName, contact.LastName, contact.DisplayName));
        Assert.Equal([new ImportedEmail("Work", "tom@chamber.example")], contact.Emails);
        Assert.Equal([new ImportedPhone("Work", "+1-555-010-0200")], contact.Phones);
        Assert.Equal(["Civic"], contact.Tags);
        Assert.Equal("Chamber of Commerce", contact.Organization);
    }

    [Fact]
    public void Read_GroupedPropertiesAndLfLineEndings_AreRead()
    {
        var rows = VCardReader.Read("BEGIN:VCARD\nVERSION:3.0\nFN:Kim Park\nitem1.EMAIL;type=INTERNET:kim@example.org\nEND:VCARD\n");

        var contact = rows.Single().Record!;
        Assert.Equal("Kim Park", contact.DisplayName);
        Assert.Equal("kim@example.org", contact.Emails.Single().Address);
    }
}
