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
}
