using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LibraryOutreach.Web.Features.CalendarSync;

/// <summary>Calendar descriptions may hold HTML (Google's editor writes it): kept as plain text, never rendered as markup.</summary>
public static partial class CalendarText
{
    /// <summary>The longest description kept; the rest is cut with an ellipsis.</summary>
    public const int MaxDescription = 4000;

    /// <summary>Plain text of <paramref name="html"/>: line breaks for &lt;br&gt;, &lt;p&gt;, &lt;div&gt; and &lt;li&gt;, tags dropped, entities decoded, blank runs collapsed.</summary>
    public static string? ToPlainText(string? html, int maxLength = MaxDescription)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = ScriptOrStyle().Replace(html, "");
        text = BlockTags().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00a0', ' ');
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var builder = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank > 0 ? "\n\n" : "\n");
            }

            builder.Append(line);
            blank = 0;
        }

        var result = builder.ToString();
        if (result.Length == 0)
        {
            return null;
        }

        return result.Length <= maxLength ? result : result[..(maxLength - 1)].TrimEnd() + "…";
    }

    /// <summary>A single-line field (title, location): trimmed, whitespace collapsed, cut to <paramref name="maxLength"/>.</summary>
    public static string? ToLine(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var line = Spaces().Replace(value.Replace('\n', ' ').Replace('\r', ' '), " ").Trim();
        return line.Length <= maxLength ? line : line[..(maxLength - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();
}
