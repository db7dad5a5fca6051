using System.Globalization;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>How the report page and the print page write a figure: "1,234", "Not recorded", and "3 events not recorded" beside a sum.</summary>
public static class ReportText
{
    public const string NotRecorded = "Not recorded";

    public static string Value(ReportCount count) =>
        count.IsNotRecorded ? NotRecorded : count.Sum.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"2 events not recorded" when some events left the figure out (and it is not already "Not recorded" only); else null.</summary>
    public static string? Missing(ReportCount count, bool isCount) =>
        isCount || count.NotRecorded == 0 ? null
        : count.NotRecorded == 1 ? "1 event not recorded"
        : string.Create(CultureInfo.CurrentCulture, $"{count.NotRecorded:N0} events not recorded");
}
