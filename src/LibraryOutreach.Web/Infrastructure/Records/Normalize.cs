using System.Text;

namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>Normalised forms used to match duplicates (imports, merges) and calendar attendees. Values are also kept as typed.</summary>
public static class Normalize
{
    /// <summary>Trimmed, lower-case email; null for blank.</summary>
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// Digits only, with a leading + kept when the number was written with one ("(555) 010-0199" → "5550100199",
    /// "+1 555 010 0199" → "+15550100199"); extensions after "x" or "ext" are dropped. Null when there are no digits.
    /// </summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        if (IsNormalizedPhone(phone))
        {
            // Already digits (after an optional +): the result would be the same string. Stored numbers are.
            return phone;
        }

        var text = phone.Trim();
        var cut = text.IndexOfAny(['x', 'X', '#']);
        var ext = text.IndexOf("ext", StringComparison.OrdinalIgnoreCase);
        if (ext >= 0 && (cut < 0 || ext < cut))
        {
            cut = ext;
        }

        if (cut > 0)
        {
            text = text[..cut];
        }

        var builder = new StringBuilder(text.Length);
        if (text.StartsWith('+'))
        {
            builder.Append('+');
        }

        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        var result = builder.ToString();
        return result.Trim('+').Length == 0 ? null : result;
    }

    private static bool IsNormalizedPhone(string phone)
    {
        var digits = phone.AsSpan(phone.StartsWith('+') ? 1 : 0);
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Lower-case domain of an email or URL ("https://www.Springfield.gov/x" → "springfield.gov"); null if none.</summary>
    public static string? Domain(string? emailOrUrl)
    {
        if (string.IsNullOrWhiteSpace(emailOrUrl))
        {
            return null;
        }

        var text = emailOrUrl.Trim();
        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            text = text[(at + 1)..];
        }
        else if (Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text, UriKind.Absolute, out var uri))
        {
            text = uri.Host;
        }

        text = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        return text.Length == 0 || !text.Contains('.', StringComparison.Ordinal) ? null : text;
    }
}
