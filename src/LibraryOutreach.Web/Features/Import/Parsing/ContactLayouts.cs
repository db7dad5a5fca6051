using System.Text.RegularExpressions;

namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>What a column fills; <see cref="LabelColumn"/> names a sibling column holding the label (Google "E-mail 1 - Label").</summary>
public sealed record ColumnTarget(ImportField Field, string? Label = null, string? LabelColumn = null, string? ListSeparator = null);

/// <summary>A known CSV layout: a name and a function giving each header's target (null = ignored).</summary>
public sealed record CsvLayout(string Name, Func<string, ColumnTarget?> Target);

/// <summary>Recognises the header layouts of Google Contacts, Outlook and Bitrix24 exports, and the simple organizations layout.</summary>
public static partial class ContactLayouts
{
    public const string Google = "google";
    public const string Outlook = "outlook";
    public const string Bitrix24 = "bitrix24";
    public const string Simple = "simple";
    public const string Mapped = "mapped";
    public const string VCard = "vcard";

    /// <summary>Separator of several values in one Google cell ("Labels", multi-valued emails).</summary>
    public const string GoogleSeparator = " ::: ";

    public static CsvLayout GoogleLayout { get; } = new(Google, header =>
    {
        if (GoogleEmailValue().Match(header) is { Success: true } email)
        {
            return new ColumnTarget(ImportField.Email, LabelColumn: $"E-mail {email.Groups[1].Value} - Label", ListSeparator: GoogleSeparator);
        }

        if (GooglePhoneValue().Match(header) is { Success: true } phone)
        {
            return new ColumnTarget(ImportField.Phone, LabelColumn: $"Phone {phone.Groups[1].Value} - Label", ListSeparator: GoogleSeparator);
        }

        return Key(header) switch
        {
            "first name" or "given name" => new(ImportField.FirstName),
            "middle name" or "additional name" => new(ImportField.MiddleName),
            "last name" or "family name" => new(ImportField.LastName),
            "name" => new(ImportField.FullName),
            "organization name" or "organization 1 - name" => new(ImportField.Organization),
            "organization title" or "organization 1 - title" => new(ImportField.Title),
            "labels" or "group membership" => new(ImportField.Tags, ListSeparator: GoogleSeparator),
            "notes" => new(ImportField.Notes),
            _ => null,
        };
    });

    public static CsvLayout OutlookLayout { get; } = new(Outlook, header => Key(header) switch
    {
        "first name" => new(ImportField.FirstName),
        "middle name" => new(ImportField.MiddleName),
        "last name" => new(ImportField.LastName),
        "company" => new(ImportField.Organization),
        "job title" => new(ImportField.Title),
        "e-mail address" => new(ImportField.Email),
        "e-mail 2 address" or "e-mail 3 address" => new(ImportField.Email),
        "business phone" or "business phone 2" => new(ImportField.Phone, "Work"),
        "mobile phone" => new(ImportField.Phone, "Mobile"),
        "home phone" or "home phone 2" => new(ImportField.Phone, "Home"),
        "notes" => new(ImportField.Notes),
        "categories" => new(ImportField.Tags, ListSeparator: ";"),
        _ => null,
    });

    public static CsvLayout Bitrix24Layout { get; } = new(Bitrix24, header => Key(header) switch
    {
        "name" => new(ImportField.FirstName),
        "second name" => new(ImportField.MiddleName),
        "last name" => new(ImportField.LastName),
        "position" => new(ImportField.Title),
        "company" => new(ImportField.Organization),
        "work phone" => new(ImportField.Phone, "Work"),
        "mobile" => new(ImportField.Phone, "Mobile"),
        "home phone" => new(ImportField.Phone, "Home"),
        "work e-mail" => new(ImportField.Email, "Work"),
        "home e-mail" => new(ImportField.Email, "Home"),
        "comment" => new(ImportField.Notes),
        _ => null,
    });

    public static CsvLayout OrganizationsLayout { get; } = new(Simple, header => Key(header) switch
    {
        "name" or "organization" or "organization name" => new(ImportField.Name),
        "type" => new(ImportField.OrganizationType),
        "website" => new(ImportField.Website),
        "email" or "e-mail" => new(ImportField.Email),
        "phone" => new(ImportField.Phone),
        "address" => new(ImportField.Address),
        "notes" => new(ImportField.Notes),
        "email domains" or "email domain" => new(ImportField.EmailDomains, ListSeparator: ";"),
        _ => null,
    });

    /// <summary>The contact layout these headers come from, or null when none matches.</summary>
    public static CsvLayout? DetectContacts(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keys = headers.Select(Key).ToHashSet();
        if (keys.Contains("e-mail 1 - value") && (keys.Contains("first name") || keys.Contains("given name") || keys.Contains("name")))
        {
            return GoogleLayout;
        }

        if (keys.Contains("first name") && keys.Contains("e-mail address") && (keys.Contains("job title") || keys.Contains("categories")))
        {
            return OutlookLayout;
        }

        if (keys.Contains("name") && keys.Contains("last name") && (keys.Contains("work e-mail") || keys.Contains("position") || keys.Contains("comment")))
        {
            return Bitrix24Layout;
        }

        return null;
    }

    /// <summary>The simple organizations layout when there is a "Name" column and every other header is one of its columns.</summary>
    public static CsvLayout? DetectOrganizations(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var targets = headers.Where(h => h.Length > 0).Select(OrganizationsLayout.Target).ToList();
        return targets.Any(t => t?.Field == ImportField.Name) && targets.All(t => t is not null) ? OrganizationsLayout : null;
    }

    /// <summary>A layout from a caller's mapping; list fields (tags, email domains) are split on ';' or ','.</summary>
    public static CsvLayout FromMapping(ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var columns = new Dictionary<string, ImportField>(mapping.Columns, StringComparer.OrdinalIgnoreCase);
        return new CsvLayout(Mapped, header => columns.TryGetValue(header.Trim(), out var field) && field != ImportField.Ignore
            ? new ColumnTarget(field, ListSeparator: field is ImportField.Tags or ImportField.EmailDomains ? ";" : null)
            : null);
    }

    private static string Key(string header) => header.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^E-mail (\d+) - Value$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoogleEmailValue();

    [GeneratedRegex(@"^Phone (\d+) - Value$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GooglePhoneValue();
}
