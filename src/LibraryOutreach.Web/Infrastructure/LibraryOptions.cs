using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Infrastructure;

/// <summary>Settings about the library itself.</summary>
public sealed class LibraryOptions
{
    public const string SectionName = "Library";

    /// <summary>Shown in the app bar and page titles.</summary>
    [Required]
    [StringLength(100)]
    public string Name { get; set; } = "Our Public Library";

    /// <summary>
    /// The address people use to reach the app (e.g. https://outreach.example-library.org). Links printed by CLI
    /// verbs and sent by email start with it; pages fall back to the address the browser used.
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
}
