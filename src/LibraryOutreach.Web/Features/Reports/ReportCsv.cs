using System.Globalization;
using System.Text;
using LibraryOutreach.Web.Features.Export;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>
/// The report as CSV (written with <see cref="CsvText"/>, like every export): a few heading rows (library, range, filters),
/// then the survey table's lines exactly as the page shows them, then the breakdown. A sum that no event recorded is an
/// empty cell, never 0; the "not recorded" columns count the events that left it out.
/// </summary>
public static class ReportCsv
{
    public static readonly string[] LineHeaders =
        ["Section", "Measure", "Programs", "Outreach", "Total", "Programs: events not recorded", "Outreach: events not recorded", "Total: events not recorded"];

    public static readonly string[] BreakdownHeaders =
        ["Events", "Programs", "Outreach", "Attendance", "Attendance: events not recorded", "Library cards issued", "Cards: events not recorded",
         "Items checked out", "Items: events not recorded", "Materials handed out", "Materials: events not recorded", "Contacts made"];

    public static string Write(ReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        CsvText.AppendRow(text, ["Library", report.LibraryName]);
        CsvText.AppendRow(text, ["Period", report.PeriodName]);
        CsvText.AppendRow(text, ["From", Day(report.Query.From)]);
        CsvText.AppendRow(text, ["To", Day(report.Query.To)]);
        CsvText.AppendRow(text, ["Branch", report.BranchName ?? "All branches"]);
        CsvText.AppendRow(text, ["Staff member", report.StaffName ?? "All staff"]);
        text.Append("\r\n");

        CsvText.AppendRow(text, LineHeaders);
        foreach (var line in report.Lines)
        {
            CsvText.AppendRow(text, [
                line.Section, line.Measure, Value(line.Programs), Value(line.Outreach), Value(line.Total),
                NotRecorded(line.Programs, line.IsCount), NotRecorded(line.Outreach, line.IsCount), NotRecorded(line.Total, line.IsCount)]);
        }

        if (report.Breakdown.Count > 0)
        {
            text.Append("\r\n");
            CsvText.AppendRow(text, [report.Query.Breakdown == ReportBreakdown.Staff ? "Staff member" : "Branch", .. BreakdownHeaders]);
            foreach (var row in report.Breakdown)
            {
                CsvText.AppendRow(text, [row.Name, .. Figures(row.Figures)]);
            }

            if (report.Query.Breakdown == ReportBreakdown.Branch)
            {
                CsvText.AppendRow(text, ["Total", .. Figures(report.Totals)]);
            }
        }

        return text.ToString();
    }

    /// <summary>The value shown for a cell: the sum, or empty when it was not recorded (events left it out and none recorded it).</summary>
    public static string Value(ReportCount? count) =>
        count is not { } c ? "" : c.IsNotRecorded ? "" : c.Sum.ToString(CultureInfo.InvariantCulture);

    private static string NotRecorded(ReportCount? count, bool isCount) =>
        isCount || count is not { } c ? "" : c.NotRecorded.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string?> Figures(EventFigures f) =>
    [
        Number(f.Events), Number(f.Programs), Number(f.Outreach),
        Value(f.Attendance), Number(f.Attendance.NotRecorded),
        Value(f.CardsIssued), Number(f.CardsIssued.NotRecorded),
        Value(f.ItemsCheckedOut), Number(f.ItemsCheckedOut.NotRecorded),
        Value(f.MaterialsHandedOut), Number(f.MaterialsHandedOut.NotRecorded),
        Number(f.ContactsMade),
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
