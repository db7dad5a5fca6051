using System.Globalization;
using System.Text;
using LibraryOutreach.Data;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using LibraryOutreach.Web.Infrastructure.Demo;

namespace LibraryOutreach.Benchmarks.Data;

/// <summary>
/// A contacts file as Google Contacts exports it (its current column set, including the columns the importer ignores),
/// for a database made by <see cref="OutreachDataGenerator"/>. Of every 1,000 rows, about:
/// 80 repeat an existing contact's email (in other letter case), 40 an existing contact's name and phone (written
/// differently, no email), 20 an earlier row of the same file, 5 have a bad email and 3 no name; the rest are new
/// people. Seven in ten rows name an organization: half an existing one, half one of a few hundred new ones (so rows
/// share them). Labels mix existing tags, "myContacts" and one new tag. The same arguments give the same file.
/// </summary>
public sealed class GoogleContactsCsvGenerator(int rows, int seed = 7)
{
    public const string NewTagName = "Imported from Gmail";

    private static readonly string[] Header =
    [
        "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name", "Phonetic Last Name", "Name Prefix",
        "Name Suffix", "Nickname", "File As", "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
        "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value", "Phone 1 - Label",
        "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street",
        "Address 1 - City", "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
        "Address 1 - Extended Address", "Website 1 - Label", "Website 1 - Value",
    ];

    private static readonly string[] NewOrganizationNouns = ["Foundation", "Collective", "Cooperative", "Alliance", "Network", "Trust", "Guild", "Society"];

    private readonly Random _random = new(seed);

    public int Rows { get; } = rows;

    /// <summary>Writes the file (UTF-8, CRLF, no byte-order mark) with duplicates drawn from the database at <paramref name="databasePath"/>.</summary>
    public async Task<byte[]> CreateAsync(string databasePath, CancellationToken ct = default)
    {
        var existing = await LoadAsync(databasePath, ct);
        var text = new StringBuilder(Rows * 200);
        WriteLine(text, Header);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var written = new List<string[]>();
        var existingOrganizations = existing.Organizations.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newOrganizations = SampleNames.Towns
            .SelectMany(t => NewOrganizationNouns.Select(n => $"{t} {n}"))
            .Where(n => !existingOrganizations.Contains(n))
            .ToList();
        var tags = SampleNames.TagNames;

        for (var i = 0; i < Rows; i++)
        {
            var row = new string[Header.Length];
            Array.Fill(row, "");
            var kind = _random.Next(1000);
            if (kind < 80 && existing.WithEmail.Count > 0)
            {
                var person = Pick(existing.WithEmail);
                Name(row, person.FirstName, person.LastName);
                Set(row, "E-mail 1 - Label", "* Work");
                Set(row, "E-mail 1 - Value", SwapCase(person.Email!));
                Set(row, "Organization Title", Pick(SampleNames.Titles));
                if (_random.Next(2) == 0)
                {
                    Set(row, "Phone 1 - Label", "Mobile");
                    Set(row, "Phone 1 - Value", NewPhone());
                }
            }
            else if (kind < 120 && existing.WithPhone.Count > 0)
            {
                var person = Pick(existing.WithPhone);
                Name(row, person.FirstName, person.LastName);
                Set(row, "Phone 1 - Label", "Work");
                Set(row, "Phone 1 - Value", Dotted(person.PhoneDigits!));
                Set(row, "Notes", "Updated from the phone list.");
            }
            else if (kind < 140 && written.Count > 0)
            {
                var earlier = Pick(written);
                Array.Copy(earlier, row, row.Length);
                Set(row, "E-mail 1 - Value", SwapCase(Get(earlier, "E-mail 1 - Value")));
            }
            else
            {
                var first = Pick(SampleNames.FirstNames);
                var last = Pick(SampleNames.LastNames);
                Name(row, first, last);
                var local = new string($"{first}.{last}".ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray());
                var email = $"{local}@contacts.example.net";
                for (var n = 2; !emails.Add(email); n++)
                {
                    email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@contacts.example.net");
                }

                Set(row, "E-mail 1 - Label", "* Home");
                Set(row, "E-mail 1 - Value", kind < 145 ? email.Replace("@", "(at)", StringComparison.Ordinal) : email);
                if (kind is >= 145 and < 148)
                {
                    Name(row, "", "");
                }

                if (_random.Next(100) < 20)
                {
                    Set(row, "E-mail 2 - Label", "Work");
                    Set(row, "E-mail 2 - Value", $"{local}.work@contacts.example.net");
                }

                if (_random.Next(100) < 60)
                {
                    Set(row, "Phone 1 - Label", "Mobile");
                    Set(row, "Phone 1 - Value", NewPhone());
                    if (_random.Next(100) < 15)
                    {
                        Set(row, "Phone 2 - Label", "Work");
                        Set(row, "Phone 2 - Value", NewPhone());
                    }
                }

                if (_random.Next(100) < 70)
                {
                    Set(row, "Organization Name", _random.Next(2) == 0 && existing.Organizations.Count > 0 ? Pick(existing.Organizations) : Pick(newOrganizations));
                    Set(row, "Organization Title", Pick(SampleNames.Titles));
                }

                if (_random.Next(100) < 10)
                {
                    Set(row, "Notes", "Met at the fall fair, asked about\ncomputer classes, \"soon\".");
                }

                if (_random.Next(100) < 25)
                {
                    Set(row, "Address 1 - Label", "Home");
                    Set(row, "Address 1 - Formatted", string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 999)} Elm Street\n{Pick(SampleNames.Towns)}, MA"));
                }
            }

            var labels = new List<string> { "* myContacts" };
            for (var t = _random.Next(3); t > 0; t--)
            {
                labels.Add(tags[Math.Min(tags.Length - 1, (int)Math.Floor(Math.Pow(_random.NextDouble(), 2) * tags.Length))]);
            }

            if (_random.Next(100) < 5)
            {
                labels.Add(NewTagName);
            }

            Set(row, "Labels", string.Join(" ::: ", labels.Distinct(StringComparer.Ordinal)));
            written.Add(row);
            WriteLine(text, row);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private sealed record Person(string FirstName, string LastName, string? Email, string? PhoneDigits);

    private sealed record Existing(IReadOnlyList<Person> WithEmail, IReadOnlyList<Person> WithPhone, IReadOnlyList<string> Organizations);

    private static async Task<Existing> LoadAsync(string databasePath, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, DataServiceCollectionExtensions.SqliteConnectionString(databasePath));
        await using var db = new OutreachDbContext(options.Options);
        var people = await db.Contacts.AsNoTracking()
            .Where(c => c.MergedIntoId == null && c.FirstName != "" && c.LastName != "")
            .OrderBy(c => c.Id)
            .Select(c => new Person(
                c.FirstName,
                c.LastName,
                c.Emails.OrderByDescending(e => e.IsPrimary).Select(e => e.Address).FirstOrDefault(),
                c.Phones.Where(p => !p.Normalized.StartsWith('+')).Select(p => p.Normalized).FirstOrDefault()))
            .ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.MergedIntoId == null).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
        return new Existing(
            [.. people.Where(p => p.Email is not null)],
            [.. people.Where(p => p.PhoneDigits is { Length: 10 })],
            organizations);
    }

    private static void Name(string[] row, string first, string last)
    {
        Set(row, "First Name", first);
        Set(row, "Last Name", last);
        Set(row, "File As", last.Length > 0 ? $"{last}, {first}" : "");
    }

    private static void Set(string[] row, string column, string value) => row[Array.IndexOf(Header, column)] = value;

    private static string Get(string[] row, string column) => row[Array.IndexOf(Header, column)];

    private string NewPhone() => string.Create(
        CultureInfo.InvariantCulture,
        $"({Pick(SampleNames.AreaCodes)}) {_random.Next(200, 999)}-{_random.Next(0, 10_000):0000}");

    private static string Dotted(string digits) => $"{digits[..3]}.{digits[3..6]}.{digits[6..]}";

    private static string SwapCase(string email) => email.Length == 0 ? email : char.ToUpperInvariant(email[0]) + email[1..];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static void WriteLine(StringBuilder text, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
