using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace LibraryOutreach.Web.Features.CalendarSync;

/// <summary>
/// Encrypts calendar credentials (Google refresh tokens, iCal feed addresses) with ASP.NET Core Data Protection before
/// they reach the database; the keys live in the data directory (SQLite) or the shared database (PostgreSQL).
/// </summary>
public sealed class CalendarSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("LibraryOutreach.CalendarSync.Credential.v1");

    public string Protect(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return _protector.Protect(secret);
    }

    /// <summary>Null when there is nothing stored or the keys that protected it are gone.</summary>
    public string? TryUnprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
