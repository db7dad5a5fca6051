using System.Text;

namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>One data row: <see cref="RowNumber"/> counts data rows from 1 (the line after the header).</summary>
public sealed record CsvRow(int RowNumber, IReadOnlyList<string> Fields)
{
    public string Get(int index) => index < Fields.Count ? Fields[index] : "";
}

/// <summary>An RFC 4180 table: a header row and data rows (quoted fields may hold delimiters, newlines and doubled quotes).</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows)
{
    /// <summary>Parses <paramref name="text"/>; blank lines are skipped but still counted in row numbers.</summary>
    public static CsvTable Parse(string text, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = ReadRecords(text, delimiter);
        if (records.Count == 0)
        {
            return new CsvTable([], []);
        }

        var headers = records[0].Select(h => h.Trim()).ToList();
        var rows = new List<CsvRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            var fields = records[i];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new CsvRow(i, fields));
        }

        return new CsvTable(headers, rows);
    }

    private static List<List<string>> ReadRecords(string text, char delimiter)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                fieldStarted = false;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }

            i++;
        }

        if (fieldStarted || field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
