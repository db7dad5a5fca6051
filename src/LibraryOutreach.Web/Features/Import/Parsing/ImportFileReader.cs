using System.Text;

namespace LibraryOutreach.Web.Features.Import.Parsing;

/// <summary>Decoded text of an import file, the encoding found and (for CSV) the delimiter.</summary>
public sealed record ImportText(string Text, string EncodingName, char Delimiter);

/// <summary>
/// Decodes an uploaded file: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8 and
/// anything else is read as Windows-1252. The delimiter is the most frequent of comma, semicolon and tab in the header line.
/// </summary>
public static class ImportFileReader
{
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static ImportText Read(ReadOnlySpan<byte> bytes)
    {
        var (text, name) = Decode(bytes);
        return new ImportText(text, name, SniffDelimiter(text));
    }

    public static async Task<byte[]> ReadAllBytesAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "UTF-16 LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16 BE");
        }

        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            return (strict.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.Value.GetString(bytes), "Windows-1252");
        }
    }

    /// <summary>The most frequent of ',' ';' and tab outside quotes in the first line; ',' when none.</summary>
    public static char SniffDelimiter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }

                switch (c)
                {
                    case ',': commas++; break;
                    case ';': semicolons++; break;
                    case '\t': tabs++; break;
                    default: break;
                }
            }
        }

        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }
}
