namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>What is being imported.</summary>
public enum ImportKind
{
    Contacts,
    Organizations,
}

/// <summary>A field a file column can fill.</summary>
public enum ImportField
{
    Ignore,
    FirstName,
    MiddleName,
    LastName,

    /// <summary>"First Last" when first/last are not given separately (vCard FN, Google "Name").</summary>
    FullName,
    Title,
    Organization,
    Email,
    Phone,
    Tags,
    Notes,

    /// <summary>Organization name (organizations import).</summary>
    Name,
    OrganizationType,
    Website,
    Address,
    EmailDomains,
}

/// <summary>For files whose headers are not recognised: which field each header fills (headers compared case-insensitively).</summary>
public sealed record ColumnMapping(IReadOnlyDictionary<string, ImportField> Columns);

public sealed record ImportedEmail(string? Label, string Address);

public sealed record ImportedPhone(string? Label, string Number);

/// <summary>A contact read from a file row or vCard, before validation against the database.</summary>
public sealed record ImportedContact(
    string FirstName,
    string LastName,
    string DisplayName,
    string? Title,
    string? Organization,
    IReadOnlyList<ImportedEmail> Emails,
    IReadOnlyList<ImportedPhone> Phones,
    IReadOnlyList<string> Tags,
    string? Notes);

/// <summary>An organization read from a file row.</summary>
public sealed record ImportedOrganization(
    string Name,
    string? Type,
    string? Website,
    string? Email,
    string? Phone,
    string? Address,
    string? Notes,
    IReadOnlyList<string> EmailDomains);

/// <summary>A problem with one row, shown with its row number.</summary>
public sealed record ImportRowError(int RowNumber, string Message);

/// <summary>One parsed row: the record (null when the row cannot be imported) and its errors.</summary>
public sealed record ImportRow<T>(int RowNumber, T? Record, IReadOnlyList<ImportRowError> Errors)
    where T : class
{
    public bool IsValid => Errors.Count == 0 && Record is not null;
}

/// <summary>
/// The result of reading a file: the detected format ("google", "outlook", "bitrix24", "vcard", "simple", "mapped"),
/// the headers, and the rows. <see cref="NeedsMapping"/> is true when the headers were not recognised and no mapping was given.
/// </summary>
public sealed record ParsedImport<T>(string Format, string EncodingName, IReadOnlyList<string> Headers, bool NeedsMapping, IReadOnlyList<ImportRow<T>> Rows)
    where T : class;
