using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LibraryOutreach.Web.Features.Setup;

/// <summary>
/// The one-time first-run setup token, in memory only. The token itself is handed out once (to be logged)
/// and only its SHA-256 hash is kept. A restart while no account exists makes a new one.
/// </summary>
public sealed class SetupTokenStore
{
    private byte[]? _hash;

    /// <summary>True while a token is waiting to be used.</summary>
    public bool HasToken => Volatile.Read(ref _hash) is not null;

    /// <summary>Makes a new random token (32 bytes, Base64Url), replacing any earlier one, and returns it.</summary>
    public string Generate()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        Volatile.Write(ref _hash, Hash(token));
        return token;
    }

    public bool IsValid(string? token)
    {
        var current = Volatile.Read(ref _hash);
        return current is not null && !string.IsNullOrEmpty(token) && CryptographicOperations.FixedTimeEquals(current, Hash(token));
    }

    /// <summary>
    /// Atomically takes the token if <paramref name="token"/> matches it (null otherwise): of several concurrent
    /// callers with the right token only one succeeds. Give the receipt back with <see cref="Restore"/> if the setup then fails.
    /// </summary>
    public SetupTokenReceipt? TryConsume(string? token)
    {
        var current = Volatile.Read(ref _hash);
        if (current is null || string.IsNullOrEmpty(token) || !CryptographicOperations.FixedTimeEquals(current, Hash(token)))
        {
            return null;
        }

        return ReferenceEquals(Interlocked.CompareExchange(ref _hash, null, current), current)
            ? new SetupTokenReceipt(current)
            : null;
    }

    /// <summary>Puts a consumed token back (setup failed validation), unless a new one was generated meanwhile.</summary>
    public void Restore(SetupTokenReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Interlocked.CompareExchange(ref _hash, receipt.Hash, null);
    }

    /// <summary>Forgets the token: setup is done.</summary>
    public void Clear() => Volatile.Write(ref _hash, null);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>Proof that a caller consumed the setup token; lets it be restored.</summary>
public sealed class SetupTokenReceipt
{
    internal SetupTokenReceipt(byte[] hash) => Hash = hash;

    internal byte[] Hash { get; }
}
