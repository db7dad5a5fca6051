using System.Text;
using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.Web.Features.Export;

/// <summary>
/// Writes contacts as CSV with Google Contacts headers (so the file reads back through the importer and into Google),
/// as vCard 4.0, and organizations as CSV in the simple organizations layout.
/// </summary>
public static class ContactFileWriters
{
    public static string GoogleCsv(IReadOnlyList<ImportedContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var emailColumns = Math.Max(1, contacts.Select(c => c.Emails.Count).DefaultIfEmpty().Max());
        var phoneColumns = Math.Max(1, contacts.Select(c => c.Phones.Count).DefaultIfEmpty().Max());
        var headers = new List<string> { "Name", "First Name", "Last Name", "Organization Name", "Organization Title", "Labels", "Notes" };
        for (var i = 1; i <= emailColumns; i++)
        {
            headers.Add(Invariant($"E-mail {i} - Label"));
            headers.Add(Invariant($"E-mail {i} - Value"));
        }

        for (var i = 1; i <= phoneColumns; i++)
        {
            headers.Add(Invariant($"Phone {i} - Label"));
            headers.Add(Invariant($"Phone {i} - Value"));
        }

        var text = new StringBuilder();
        CsvText.AppendRow(text, headers);
        foreach (var c in contacts)
        {
            var row = new List<string?> { c.DisplayName, c.FirstName, c.LastName, c.Organization, c.Title, string.Join(ContactLayouts.GoogleSeparator, c.Tags), c.Notes };
            for (var i = 0; i < emailColumns; i++)
            {
                row.Add(i < c.Emails.Count ? c.Emails[i].Label : null);
                row.Add(i < c.Emails.Count ? c.Emails[i].Address : null);
            }

            for (var i = 0; i < phoneColumns; i++)
            {
                row.Add(i < c.Phones.Count ? c.Phones[i].Label : null);
                row.Add(i < c.Phones.Count ? c.Phones[i].Number : null);
            }

            CsvText.AppendRow(text, row);
        }

        return text.ToString();
    }

    public static string OrganizationsCsv(IReadOnlyList<ImportedOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var text = new StringBuilder();
        CsvText.AppendRow(text, ["Name", "Type", "Website", "Email", "Phone", "Address", "Notes", "Email domains"]);
        foreach (var o in organizations)
        {
            CsvText.AppendRow(text, [o.Name, o.Type, o.Website, o.Email, o.Phone, o.Address, o.Notes, string.Join(";", o.EmailDomains)]);
        }

        return text.ToString();
    }

    public static string VCard(IReadOnlyList<ImportedContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var text = new StringBuilder();
        foreach (var c in contacts)
        {
            Line(text, "BEGIN:VCARD");
            Line(text, "VERSION:4.0");
            Line(text, "FN:" + Escape(c.DisplayName));
            Line(text, $"N:{Escape(c.LastName)};{Escape(c.FirstName)};;;");
            if (c.Organization is { } organization)
            {
                Line(text, "ORG:" + Escape(organization));
            }

            if (c.Title is { } title)
            {
                Line(text, "TITLE:" + Escape(title));
            }

            foreach (var email in c.Emails)
            {
                Line(text, $"EMAIL{TypeParameter(email.Label)}:{Escape(email.Address)}");
            }

            foreach (var phone in c.Phones)
            {
                Line(text, $"TEL{TypeParameter(phone.Label)}:{Escape(phone.Number)}");
            }

            if (c.Tags.Count > 0)
            {
                Line(text, "CATEGORIES:" + string.Join(",", c.Tags.Select(Escape)));
            }

            if (c.Notes is { } notes)
            {
                Line(text, "NOTE:" + Escape(notes));
            }

            Line(text, "END:VCARD");
        }

        return text.ToString();
    }

    private static string TypeParameter(string? label) =>
        string.IsNullOrWhiteSpace(label) ? "" : ";TYPE=\"" + new string(label.Where(ch => ch is not ('"' or ';' or ':' or ',') && !char.IsControl(ch)).ToArray()).ToLowerInvariant() + "\"";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .ReplaceLineEndings("\\n");

    /// <summary>Writes a content line folded at 75 characters (continuation lines start with a space), ending in CRLF.</summary>
    private static void Line(StringBuilder text, string line)
    {
        const int Width = 75;
        var start = 0;
        while (line.Length - start > Width)
        {
            var end = start + Width;
            if (char.IsHighSurrogate(line[end - 1]))
            {
                end--;
            }

            text.Append(line, start, end - start).Append("\r\n ");
            start = end;
        }

        text.Append(line, start, line.Length - start).Append("\r\n");
    }

    private static string Invariant(FormattableString value) => FormattableString.Invariant(value);
}
