using System.Globalization;
using System.Text;

namespace LibraryOutreach.Data.Search;

/// <summary>
/// The one text preparation shared by the index and the queries, so SQLite and PostgreSQL tokenise alike:
/// lower case, accents removed, every run of characters that is not a letter or digit becomes one space
/// ("Jane.O'Brien@School.org" → "jane o brien school org").
/// </summary>
public static class SearchText
{
    public static string Prepare(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a query, prepared like the index; at most <paramref name="maxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? query, int maxWords = 8) =>
        Prepare(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(maxWords).ToList();

    /// <summary>Joins prepared parts, skipping blanks, and cuts the result to <paramref name="limit"/> characters.</summary>
    public static string Join(IEnumerable<string?> parts, int limit)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join(' ', parts.Select(Prepare).Where(p => p.Length > 0));
        return text.Length <= limit ? text : text[..limit];
    }
}
