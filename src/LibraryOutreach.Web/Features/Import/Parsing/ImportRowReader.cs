using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Web.Features.Staff;

namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>A column that fills <see cref="Target"/>; <see cref="LabelIndex"/> is its label column (-1: none).</summary>
public sealed record CsvColumn(int Index, ColumnTarget Target, int LabelIndex);

/// <summary>Turns CSV rows into imported records through a layout, and checks each record (names, emails, lengths, unreadable text).</summary>
public static class ImportRowReader
{
    /// <summary>
    /// What each column of <paramref name="table"/> fills under <paramref name="layout"/>, and where its label column
    /// is: worked out once per file (the layout matches headers with regular expressions), then used for every row.
    /// </summary>
    public static IReadOnlyList<CsvColumn> Columns(CsvTable table, CsvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(layout);
        var columns = new List<CsvColumn>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (layout.Target(table.Headers[i]) is not { } target)
            {
                continue;
            }

            var labelIndex = -1;
            if (target.LabelColumn is { } labelColumn)
            {
                labelIndex = IndexOf(table.Headers, labelColumn);
                if (labelIndex < 0)
                {
                    labelIndex = IndexOf(table.Headers, labelColumn.Replace(" - Label", " - Type", StringComparison.Ordinal)); // older Google exports
                }
            }

            columns.Add(new CsvColumn(i, target, labelIndex));
        }

        return columns;
    }

    public static ImportRow<ImportedContact> ReadContact(IReadOnlyList<CsvColumn> columns, CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(row);
        var cells = Cells(columns, row);
        string Single(ImportField field) => Clean(string.Join(" ", cells.Where(c => c.Target.Field == field).SelectMany(c => c.Values)));

        var contact = BuildContact(
            Single(ImportField.FirstName),
            Single(ImportField.MiddleName),
            Single(ImportField.LastName),
            Single(ImportField.FullName),
            Single(ImportField.Title),
            Single(ImportField.Organization),
            cells.Where(c => c.Target.Field == ImportField.Email).SelectMany(c => c.Values.Select(v => new ImportedEmail(c.Label, v))).ToList(),
            cells.Where(c => c.Target.Field == ImportField.Phone).SelectMany(c => c.Values.Select(v => new ImportedPhone(c.Label, v))).ToList(),
            cells.Where(c => c.Target.Field == ImportField.Tags).SelectMany(c => c.Values).ToList(),
            string.Join("\n", cells.Where(c => c.Target.Field == ImportField.Notes).SelectMany(c => c.Values)));
        return Check(row.RowNumber, contact, row.Fields);
    }

    public static ImportRow<ImportedOrganization> ReadOrganization(IReadOnlyList<CsvColumn> columns, CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(row);
        var cells = Cells(columns, row);
        string? Single(ImportField field) => NullIfEmpty(Clean(string.Join(" ", cells.Where(c => c.Target.Field == field).SelectMany(c => c.Values))));

        var organization = new ImportedOrganization(
            Single(ImportField.Name) ?? "",
            Single(ImportField.OrganizationType),
            Single(ImportField.Website),
            Single(ImportField.Email),
            Single(ImportField.Phone),
            NullIfEmpty(string.Join("\n", cells.Where(c => c.Target.Field == ImportField.Address).SelectMany(c => c.Values))),
            NullIfEmpty(string.Join("\n", cells.Where(c => c.Target.Field == ImportField.Notes).SelectMany(c => c.Values))),
            cells.Where(c => c.Target.Field == ImportField.EmailDomains).SelectMany(c => c.Values).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList());
        return Check(row.RowNumber, organization, row.Fields);
    }

    /// <summary>Builds a contact: display name "First Middle Last" (or the full name); a full name alone is split at its last space.</summary>
    public static ImportedContact BuildContact(
        string first,
        string middle,
        string last,
        string fullName,
        string title,
        string organization,
        IReadOnlyList<ImportedEmail> emails,
        IReadOnlyList<ImportedPhone> phones,
        IReadOnlyList<string> tags,
        string notes)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(tags);
        if (first.Length == 0 && last.Length == 0 && fullName.Length > 0)
        {
            var space = fullName.LastIndexOf(' ');
            (first, last) = space > 0 ? (fullName[..space].Trim(), fullName[(space + 1)..]) : (fullName, "");
        }

        var display = fullName.Length > 0 ? fullName : string.Join(" ", new[] { first, middle, last }.Where(p => p.Length > 0));
        var cleanTags = tags
            .Select(t => Clean(t.TrimStart('*')))
            .Where(t => t.Length > 0 && !t.Equals("myContacts", StringComparison.OrdinalIgnoreCase) && !t.Equals("starred", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ImportedContact(
            first,
            last,
            display,
            NullIfEmpty(title),
            NullIfEmpty(organization),
            emails.Where(e => e.Address.Length > 0).ToList(),
            phones.Where(p => p.Number.Length > 0).ToList(),
            cleanTags,
            NullIfEmpty(notes.Trim()));
    }

    public static ImportRow<ImportedContact> Check(int rowNumber, ImportedContact contact, IEnumerable<string> rawFields)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(rawFields);
        var errors = new List<string>();
        if (rawFields.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            errors.Add("Unreadable text: the file has characters that could not be decoded. Save it as UTF-8 and try again.");
        }

        if (contact.DisplayName.Length == 0)
        {
            errors.Add("No name: a contact needs a first, last or full name.");
        }

        TooLong(errors, "First name", contact.FirstName, FieldLimits.PersonName);
        TooLong(errors, "Last name", contact.LastName, FieldLimits.PersonName);
        TooLong(errors, "Display name", contact.DisplayName, FieldLimits.Name);
        TooLong(errors, "Title", contact.Title, FieldLimits.Name);
        TooLong(errors, "Organization", contact.Organization, FieldLimits.Name);
        TooLong(errors, "Notes", contact.Notes, FieldLimits.Notes);
        foreach (var email in contact.Emails)
        {
            if (!StaffValidation.IsValidEmail(email.Address))
            {
                errors.Add($"Bad email: \"{email.Address}\" is not a valid email address.");
            }

            TooLong(errors, "Email label", email.Label, FieldLimits.Label);
        }

        foreach (var phone in contact.Phones)
        {
            TooLong(errors, "Phone", phone.Number, FieldLimits.Phone);
            TooLong(errors, "Phone label", phone.Label, FieldLimits.Label);
        }

        foreach (var tag in contact.Tags)
        {
            TooLong(errors, "Tag", tag, FieldLimits.TagName);
        }

        return Row(rowNumber, contact, errors);
    }

    public static ImportRow<ImportedOrganization> Check(int rowNumber, ImportedOrganization organization, IEnumerable<string> rawFields)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(rawFields);
        var errors = new List<string>();
        if (rawFields.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            errors.Add("Unreadable text: the file has characters that could not be decoded. Save it as UTF-8 and try again.");
        }

        if (organization.Name.Length == 0)
        {
            errors.Add("No name: an organization needs a name.");
        }

        if (organization.Email is { } email && !StaffValidation.IsValidEmail(email))
        {
            errors.Add($"Bad email: \"{email}\" is not a valid email address.");
        }

        TooLong(errors, "Name", organization.Name, FieldLimits.Name);
        TooLong(errors, "Type", organization.Type, FieldLimits.Name);
        TooLong(errors, "Website", organization.Website, FieldLimits.Url);
        TooLong(errors, "Phone", organization.Phone, FieldLimits.Phone);
        TooLong(errors, "Address", organization.Address, FieldLimits.Address);
        TooLong(errors, "Notes", organization.Notes, FieldLimits.Notes);
        foreach (var domain in organization.EmailDomains)
        {
            if (Infrastructure.Records.Normalize.Domain(domain) is null)
            {
                errors.Add($"Bad email domain: \"{domain}\" is not a domain like library.org.");
            }
        }

        return Row(rowNumber, organization, errors);
    }

    private static ImportRow<T> Row<T>(int rowNumber, T record, List<string> errors)
        where T : class =>
        new(rowNumber, errors.Count == 0 ? record : null, errors.Select(e => new ImportRowError(rowNumber, e)).ToList());

    private static void TooLong(List<string> errors, string field, string? value, int limit)
    {
        if (value is not null && value.Length > limit)
        {
            errors.Add($"{field} can be at most {limit} characters.");
        }
    }

    private sealed record Cell(ColumnTarget Target, string? Label, IReadOnlyList<string> Values);

    private static List<Cell> Cells(IReadOnlyList<CsvColumn> columns, CsvRow row)
    {
        var cells = new List<Cell>();
        foreach (var column in columns)
        {
            var target = column.Target;
            var raw = row.Get(column.Index);
            var values = target.ListSeparator is { } separator
                ? raw.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : raw.Trim() is { Length: > 0 } one ? [one] : [];
            if (values.Length == 0)
            {
                continue;
            }

            var label = target.Label;
            if (target.LabelColumn is not null)
            {
                label = column.LabelIndex >= 0 ? NullIfEmpty(Clean(row.Get(column.LabelIndex).TrimStart('*'))) : null;
            }

            cells.Add(new Cell(target, label, values));
        }

        return cells;
    }

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Equals(header, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Trims and collapses line breaks (single-line fields).</summary>
    private static string Clean(string value) => value.ReplaceLineEndings(" ").Trim();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
