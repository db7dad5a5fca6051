using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Reports;

namespace LibraryOutreach.ComponentTests.Features.Reports;

public class SurveyTableViewTests : MudBunitTestBase
{
    private static ReportGroup Group(string? branch, LibraryRole role, AudienceAgeGroup? age, EventSetting setting, int events, ReportCount attendance) =>
        new(branch, role, age, setting, events, attendance, new ReportCount(0, 0, events), new ReportCount(0, 0, events), new ReportCount(0, 0, events), 0);

    private static ReportResult Report(ReportBreakdown breakdown, params ReportGroup[] groups)
    {
        var reach = new ReachFigures(4, 2, 1, 1, 3, 5, 1, 2);
        var breakdownRows = breakdown == ReportBreakdown.Branch
            ? groups.GroupBy(g => g.Key ?? "No branch").Select(g => new BreakdownRow(g.Key, EventFigures.Of(g))).ToList()
            : [];
        return new ReportResult(
            new ReportQuery(new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30), Breakdown: breakdown), "Springfield Public Library", "FY 2025–26",
            null, null, groups, reach, SurveyTable.Lines(groups, reach), breakdownRows, EventFigures.Of(groups));
    }

    private static IEnumerable<AngleSharp.Dom.IElement> Cells(IRenderedComponent<SurveyTableView> view, string section, string measure) =>
        view.FindAll("[data-testid=report-line]").Single(r => r.GetAttribute("data-section") == section && r.GetAttribute("data-measure") == measure)
            .QuerySelectorAll("[data-testid=report-cell]");

    [Fact]
    public void Table_ShowsNotRecordedApartFromZero_WithHowManyEventsLeftItOut()
    {
        var view = Render<SurveyTableView>(p => p.Add(v => v.Report, Report(
            ReportBreakdown.None,
            // Programs: 12 attended at one, 0 at another, one did not record it. Outreach: nobody recorded attendance.
            Group(null, LibraryRole.Sponsor, AudienceAgeGroup.Children, EventSetting.Onsite, 3, new ReportCount(12, 2, 1)),
            Group(null, LibraryRole.ParticipantGuest, AudienceAgeGroup.Adults, EventSetting.Offsite, 2, new ReportCount(0, 0, 2)),
            Group(null, LibraryRole.CoSponsor, AudienceAgeGroup.Adults, EventSetting.Virtual, 1, new ReportCount(0, 1, 0)))));

        var attendance = Cells(view, SurveyTable.AttendanceSection, "Attendance").ToList();
        Assert.Equal(["programs", "outreach", "total"], attendance.Select(c => c.GetAttribute("data-column")));
        Assert.StartsWith("12", attendance[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("1 event not recorded", attendance[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Not recorded", attendance[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 events not recorded", attendance[1].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("12", attendance[2].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("3 events not recorded", attendance[2].TextContent, StringComparison.Ordinal);

        // The virtual program recorded 0: a 0, not "not recorded".
        var virtualCells = Cells(view, SurveyTable.AttendanceSection, "Virtual").ToList();
        Assert.Equal("0", virtualCells[2].TextContent.Trim());
        Assert.DoesNotContain("Not recorded", virtualCells[2].TextContent, StringComparison.Ordinal);

        var events = Cells(view, SurveyTable.EventsSection, "Events").Select(c => c.GetAttribute("data-value")).ToList();
        Assert.Equal(["4", "2", "6"], events);
        // Reach lines are not split into programs and outreach.
        Assert.Single(Cells(view, SurveyTable.ReachSection, "Contacts reached"));
        Assert.Contains("Springfield Public Library", view.Find("caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Breakdown_HasARowPerBranchAndATotalThatIsTheirSum()
    {
        var view = Render<SurveyTableView>(p => p.Add(v => v.Report, Report(
            ReportBreakdown.Branch,
            Group("Main", LibraryRole.Sponsor, AudienceAgeGroup.Children, EventSetting.Onsite, 3, new ReportCount(30, 3, 0)),
            Group("East", LibraryRole.ParticipantGuest, null, EventSetting.Offsite, 2, new ReportCount(5, 1, 1)))));

        var rows = view.FindAll("[data-testid=report-breakdown-row]");
        Assert.Equal(["Main", "East", "Total"], rows.Select(r => r.GetAttribute("data-name")));
        string Value(AngleSharp.Dom.IElement row, string column) => row.QuerySelector($"[data-column={column}]")!.GetAttribute("data-value")!;
        Assert.Equal(("5", "35"), (Value(rows[2], "events"), Value(rows[2], "attendance")));
        Assert.Contains("1 event not recorded", rows[2].QuerySelector("[data-column=attendance]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", Value(rows[0], "cards"));
        Assert.Contains("Not recorded", rows[0].QuerySelector("[data-column=cards]")!.TextContent, StringComparison.Ordinal);
    }
}
