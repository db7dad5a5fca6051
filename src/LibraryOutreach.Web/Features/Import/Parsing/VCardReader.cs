using System.Text;

namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>
/// Reads vCard 3.0 and 4.0 (FN, N, ORG, TITLE, EMAIL, TEL, NOTE, CATEGORIES) with line unfolding and
/// \n \, \; escapes. Each card is a row, numbered from 1. Quoted-printable values (vCard 2.1) are not decoded.
/// </summary>
public static class VCardReader
{
    public static bool LooksLikeVCard(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<ImportRow<ImportedContact>> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<ImportRow<ImportedContact>>();
        List<VCardLine>? card = null;
        foreach (var line in Unfold(text))
        {
            if (line.Equals("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase))
            {
                card = [];
            }
            else if (line.Equals("END:VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (card is not null)
                {
                    rows.Add(ToRow(rows.Count + 1, card));
                }

                card = null;
            }
            else if (card is not null && VCardLine.Parse(line) is { } parsed)
            {
                card.Add(parsed);
            }
        }

        return rows;
    }

    private static ImportRow<ImportedContact> ToRow(int rowNumber, List<VCardLine> lines)
    {
        string Value(string name) => lines.FirstOrDefault(l => l.Name == name) is { } line ? Unescape(line.Value).Trim() : "";

        var n = lines.FirstOrDefault(l => l.Name == "N") is { } nLine ? SplitUnescaped(nLine.Value, ';') : [];
        string Part(int index) => index < n.Count ? n[index].Replace(',', ' ').Trim() : "";

        var org = lines.FirstOrDefault(l => l.Name == "ORG") is { } orgLine ? SplitUnescaped(orgLine.Value, ';').FirstOrDefault() ?? "" : "";
        var emails = lines.Where(l => l.Name == "EMAIL").Select(l => new ImportedEmail(l.TypeLabel, Unescape(l.Value).Trim())).ToList();
        var phones = lines.Where(l => l.Name == "TEL").Select(l => new ImportedPhone(l.TypeLabel, Unescape(l.Value).Trim().Replace("tel:", "", StringComparison.OrdinalIgnoreCase))).ToList();
        var tags = lines.Where(l => l.Name == "CATEGORIES").SelectMany(l => SplitUnescaped(l.Value, ',')).Select(t => t.Trim()).ToList();
        var notes = string.Join("\n", lines.Where(l => l.Name == "NOTE").Select(l => Unescape(l.Value).Trim()));

        var contact = ImportRowReader.BuildContact(Part(1), Part(2), Part(0), Value("FN"), Value("TITLE"), org.Trim(), emails, phones, tags, notes);
        return ImportRowReader.Check(rowNumber, contact, lines.Select(l => l.Value));
    }

    private static IEnumerable<string> Unfold(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t'))
            {
                current.Append(raw.AsSpan(1));
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear().Append(raw);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    internal static string Unescape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                builder.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits on <paramref name="separator"/> where it is not escaped, then unescapes each part.</summary>
    private static List<string> SplitUnescaped(string value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == separator)
            {
                parts.Add(Unescape(value[start..i]));
                start = i + 1;
            }
        }

        parts.Add(Unescape(value[start..]));
        return parts;
    }

    private sealed record VCardLine(string Name, string? TypeLabel, string Value)
    {
        public static VCardLine? Parse(string line)
        {
            var colon = IndexOfUnquotedColon(line);
            if (colon <= 0)
            {
                return null;
            }

            var head = line[..colon].Split(';');
            var name = head[0];
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0)
            {
                name = name[(dot + 1)..]; // item1.EMAIL → EMAIL
            }

            var types = head.Skip(1)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2 && p[0].Equals("TYPE", StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p[1].Trim('"').Split(','))
                .Where(t => !t.Equals("pref", StringComparison.OrdinalIgnoreCase) && !t.Equals("internet", StringComparison.OrdinalIgnoreCase) && !t.Equals("voice", StringComparison.OrdinalIgnoreCase))
                .Select(t => t.Length > 0 ? char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant() : t)
                .ToList();
            return new VCardLine(name.ToUpperInvariant(), types.Count > 0 ? string.Join(", ", types) : null, line[(colon + 1)..]);
        }

        private static int IndexOfUnquotedColon(string line)
        {
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (line[i] == ':' && !quoted)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
