using System.Buffers;
using System.Text;

namespace LibraryOutreach.Web.Features.Export;

/// <summary>The CSV rows every export writes: RFC 4180 quoting, CRLF line ends, and no field a spreadsheet would run as a formula.</summary>
public static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n;\t");

    public static void AppendRow(StringBuilder text, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; fields starting with = + - @ get a leading apostrophe so spreadsheets don't run them as formulas.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        if (field[0] is '=' or '+' or '-' or '@' && !IsPhoneLike(field))
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static bool IsPhoneLike(string field) => field[0] == '+' && field.Skip(1).All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '(' or ')' or '.');
}
