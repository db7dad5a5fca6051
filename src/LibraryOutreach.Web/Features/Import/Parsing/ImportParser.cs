namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>Reads a whole import file (CSV in a known layout or through a mapping, or vCard for contacts).</summary>
public static class ImportParser
{
    public static ParsedImport<ImportedContact> ParseContacts(ReadOnlySpan<byte> bytes, ColumnMapping? mapping)
    {
        var file = ImportFileReader.Read(bytes);
        if (VCardReader.LooksLikeVCard(file.Text))
        {
            return new ParsedImport<ImportedContact>(ContactLayouts.VCard, file.EncodingName, [], false, VCardReader.Read(file.Text));
        }

        var table = CsvTable.Parse(file.Text, file.Delimiter);
        var layout = mapping is not null ? ContactLayouts.FromMapping(mapping) : ContactLayouts.DetectContacts(table.Headers);
        if (layout is null)
        {
            return new ParsedImport<ImportedContact>(ContactLayouts.Mapped, file.EncodingName, table.Headers, true, []);
        }

        var columns = ImportRowReader.Columns(table, layout);
        var rows = table.Rows.Select(r => ImportRowReader.ReadContact(columns, r)).ToList();
        return new ParsedImport<ImportedContact>(layout.Name, file.EncodingName, table.Headers, false, rows);
    }

    public static ParsedImport<ImportedOrganization> ParseOrganizations(ReadOnlySpan<byte> bytes, ColumnMapping? mapping)
    {
        var file = ImportFileReader.Read(bytes);
        var table = CsvTable.Parse(file.Text, file.Delimiter);
        var layout = mapping is not null ? ContactLayouts.FromMapping(mapping) : ContactLayouts.DetectOrganizations(table.Headers);
        if (layout is null)
        {
            return new ParsedImport<ImportedOrganization>(ContactLayouts.Mapped, file.EncodingName, table.Headers, true, []);
        }

        var columns = ImportRowReader.Columns(table, layout);
        var rows = table.Rows.Select(r => ImportRowReader.ReadOrganization(columns, r)).ToList();
        return new ParsedImport<ImportedOrganization>(layout.Name, file.EncodingName, table.Headers, false, rows);
    }
}
