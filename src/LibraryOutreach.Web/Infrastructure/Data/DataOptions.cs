using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Infrastructure.Data;

/// <summary>Where the app keeps its files: SQLite database, Data Protection keys, logs, backups.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    [Required]
    public string Directory { get; set; } = "data";

    /// <summary>The data directory as a full path (relative paths are taken from the working directory).</summary>
    public string FullPath => Path.GetFullPath(Directory);

    public string DatabasePath => Path.Combine(FullPath, "outreach.db");

    public string KeysPath => Path.Combine(FullPath, "keys");

    public string LogsPath => Path.Combine(FullPath, "logs");

    public string BackupsPath => Path.Combine(FullPath, "backups");
}
