namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>Prefix matching with LIKE that works the same on SQLite and PostgreSQL (compare lower-cased values).</summary>
internal static class LikePatterns
{
    public const string Escape = "\\";

    /// <summary>A pattern matching values that start with <paramref name="prefix"/> (its wildcards escaped).</summary>
    public static string Prefix(string prefix) =>
        prefix.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
