using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Invitation tokens: 32 random bytes in Base64Url; only their SHA-256 (lowercase hex) is stored.</summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary><c>{baseUri}/account/accept-invitation?token=…</c> (a trailing slash on the base is ignored).</summary>
    public static string Link(string baseUri, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return $"{baseUri.TrimEnd('/')}/account/accept-invitation?token={Uri.EscapeDataString(token)}";
    }
}
