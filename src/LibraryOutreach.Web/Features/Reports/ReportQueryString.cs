using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>
/// A report's range, filters and chosen outcomes in a URL (<c>?from=2025-07-01&amp;to=2026-06-30&amp;branch=…&amp;staff=…&amp;by=branch&amp;outcomes=id,id</c>):
/// the report page writes it, the print page and the CSV endpoint read it.
/// </summary>
public static class ReportQueryString
{
    public static string Build(string path, ReportQuery query, IEnumerable<Guid>? outcomes = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["from"] = query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (query.BranchId is { } branch)
        {
            values["branch"] = branch.ToString();
        }

        if (query.StaffUserId is { } staff)
        {
            values["staff"] = staff;
        }

        if (query.Breakdown != ReportBreakdown.None)
        {
            values["by"] = query.Breakdown.ToString().ToLowerInvariant();
        }

        var ids = outcomes?.ToList() ?? [];
        if (ids.Count > 0)
        {
            values["outcomes"] = string.Join(',', ids);
        }

        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>Reads a query; null when the dates are missing or not dates.</summary>
    public static ReportQuery? Parse(string? from, string? to, string? branch, string? staff, string? by)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            return null;
        }

        var breakdown = Enum.TryParse<ReportBreakdown>(by, ignoreCase: true, out var b) && Enum.IsDefined(b) ? b : ReportBreakdown.None;
        return new ReportQuery(
            first,
            last,
            Guid.TryParse(branch, out var branchId) ? branchId : null,
            string.IsNullOrWhiteSpace(staff) ? null : staff,
            breakdown);
    }

    public static IReadOnlyList<Guid> ParseIds(string? ids) =>
        (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null)
            .OfType<Guid>()
            .Distinct()
            .ToList();

    public static string? First(StringValues values) => values.Count > 0 ? values[0] : null;
}
