using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>How often open pages re-check that the account is still active and its role unchanged.</summary>
    [Range(1, 3600)]
    public int RevalidationIntervalSeconds { get; set; } = 60;

    /// <summary>Cookie Secure flag: true (default) sends cookies only over HTTPS (and http://localhost).</summary>
    public bool SecureCookies { get; set; } = true;
}
