using LibraryOutreach.Web.Features.Reports;

namespace LibraryOutreach.UnitTests.Features.Reports;

public class ReportPeriodsTests
{
    private static ReportPeriod For(ReportPreset preset, string today, int startMonth) =>
        ReportPeriods.For(preset, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), startMonth);

    [Theory]
    // July start: the year turns on 1 July.
    [InlineData("2026-06-30", 7, ReportPreset.ThisFiscalYear, "2025-07-01", "2026-06-30", "FY 2025–26")]
    [InlineData("2026-07-01", 7, ReportPreset.ThisFiscalYear, "2026-07-01", "2027-06-30", "FY 2026–27")]
    [InlineData("2026-07-01", 7, ReportPreset.LastFiscalYear, "2025-07-01", "2026-06-30", "FY 2025–26")]
    [InlineData("2026-01-15", 7, ReportPreset.LastFiscalYear, "2024-07-01", "2025-06-30", "FY 2024–25")]
    // January start: the fiscal year is the calendar year.
    [InlineData("2026-01-01", 1, ReportPreset.ThisFiscalYear, "2026-01-01", "2026-12-31", "FY 2026")]
    [InlineData("2026-12-31", 1, ReportPreset.LastFiscalYear, "2025-01-01", "2025-12-31", "FY 2025")]
    // October start (US federal): the year 2026–27 begins on 1 October 2026.
    [InlineData("2026-09-30", 10, ReportPreset.ThisFiscalYear, "2025-10-01", "2026-09-30", "FY 2025–26")]
    [InlineData("2099-12-01", 12, ReportPreset.ThisFiscalYear, "2099-12-01", "2100-11-30", "FY 2099–00")]
    public void FiscalYears_TurnOnTheStartMonth(string today, int startMonth, ReportPreset preset, string from, string to, string name)
    {
        var period = For(preset, today, startMonth);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), name), (period.From, period.To, period.Name));
    }

    [Theory]
    [InlineData("2026-07-01", 7, ReportPreset.ThisQuarter, "2026-07-01", "2026-09-30", "Q1 FY 2026–27")]
    [InlineData("2026-07-01", 7, ReportPreset.LastQuarter, "2026-04-01", "2026-06-30", "Q4 FY 2025–26")]
    [InlineData("2026-12-31", 7, ReportPreset.LastQuarter, "2026-07-01", "2026-09-30", "Q1 FY 2026–27")]
    [InlineData("2026-02-10", 1, ReportPreset.LastQuarter, "2025-10-01", "2025-12-31", "Q4 FY 2025")]
    [InlineData("2026-03-31", 2, ReportPreset.ThisQuarter, "2026-02-01", "2026-04-30", "Q1 FY 2026–27")]
    [InlineData("2026-01-31", 2, ReportPreset.LastQuarter, "2025-08-01", "2025-10-31", "Q3 FY 2025–26")]
    public void Quarters_AreCountedFromTheFiscalYearStart(string today, int startMonth, ReportPreset preset, string from, string to, string name)
    {
        var period = For(preset, today, startMonth);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), name), (period.From, period.To, period.Name));
    }

    [Theory]
    [InlineData("2026-03-15", ReportPreset.ThisCalendarYear, "2026-01-01", "2026-12-31")]
    [InlineData("2026-03-15", ReportPreset.LastCalendarYear, "2025-01-01", "2025-12-31")]
    [InlineData("2024-02-29", ReportPreset.ThisMonth, "2024-02-01", "2024-02-29")]
    [InlineData("2026-01-31", ReportPreset.LastMonth, "2025-12-01", "2025-12-31")]
    [InlineData("2026-03-31", ReportPreset.LastMonth, "2026-02-01", "2026-02-28")]
    public void CalendarPresets_IgnoreTheFiscalYear(string today, ReportPreset preset, string from, string to)
    {
        foreach (var startMonth in new[] { 1, 7 })
        {
            var period = For(preset, today, startMonth);
            Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
        }
    }

    [Fact]
    public void EveryPreset_IsOneWholeRangeThatContainsOrPrecedesToday()
    {
        var today = new DateOnly(2026, 5, 17);
        foreach (var preset in Enum.GetValues<ReportPreset>())
        {
            var period = ReportPeriods.For(preset, today, 7);
            Assert.True(period.From <= period.To, preset.ToString());
            Assert.True(period.From <= today, preset.ToString());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void StartMonth_OutOfRange_Throws(int startMonth) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriods.For(ReportPreset.ThisFiscalYear, new DateOnly(2026, 1, 1), startMonth));
}
