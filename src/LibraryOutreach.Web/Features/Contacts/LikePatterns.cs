using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>What a name box matches: names that start with the typed text, and names with a later word that does.</summary>
internal sealed record NamePatterns(string Start, string AnyWord);

/// <summary>Prefix matching with LIKE that works the same on SQLite and PostgreSQL (compare lower-cased values).</summary>
internal static class LikePatterns
{
    public const string Escape = "\\";

    /// <summary>A pattern matching values that start with <paramref name="prefix"/> (its wildcards escaped).</summary>
    public static string Prefix(string prefix) =>
        prefix.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";

    /// <summary>The patterns for what someone typed in a name box; null when they typed nothing.</summary>
    public static NamePatterns? ForName(string? text)
    {
        var words = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(words))
        {
            return null;
        }

        var start = Prefix(words);
        return new NamePatterns(start, "% " + start);
    }

    /// <summary>Organizations (not merged away) whose name matches <paramref name="patterns"/>, by name.</summary>
    public static IQueryable<Organization> WhereNameMatches(this IQueryable<Organization> organizations, NamePatterns patterns) =>
        organizations
            .Where(o => o.MergedIntoId == null)
            .Where(o => EF.Functions.Like(o.Name.ToLower(), patterns.Start, Escape) || EF.Functions.Like(o.Name.ToLower(), patterns.AnyWord, Escape))
            .OrderBy(o => o.Name).ThenBy(o => o.Id);
}
