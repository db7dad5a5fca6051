using System.Globalization;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>The ready-made date ranges of the report page.</summary>
public enum ReportPreset
{
    ThisFiscalYear = 0,
    LastFiscalYear = 1,
    ThisCalendarYear = 2,
    LastCalendarYear = 3,
    ThisQuarter = 4,
    LastQuarter = 5,
    ThisMonth = 6,
    LastMonth = 7,
}

/// <summary>An inclusive range of the library's calendar days, with a name for headings ("FY 2026–27").</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, string Name);

/// <summary>
/// Fiscal years and quarters from the fiscal-year start month (<see cref="ReportOptions.FiscalYearStartMonth"/>). A fiscal
/// year is named by the calendar years it spans ("FY 2026–27" for July 2026 to June 2027), or by its one year when it
/// starts in January ("FY 2026"). Quarters are fiscal quarters: three months counted from the fiscal-year start.
/// </summary>
public static class ReportPeriods
{
    public static ReportPeriod For(ReportPreset preset, DateOnly today, int fiscalYearStartMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYearStartMonth, 12);
        var month = new DateOnly(today.Year, today.Month, 1);
        switch (preset)
        {
            case ReportPreset.ThisFiscalYear:
                return FiscalYear(FiscalYearStart(today, fiscalYearStartMonth));
            case ReportPreset.LastFiscalYear:
                return FiscalYear(FiscalYearStart(today, fiscalYearStartMonth).AddYears(-1));
            case ReportPreset.ThisCalendarYear:
                return Months(new DateOnly(today.Year, 1, 1), 12, today.Year.ToString(CultureInfo.InvariantCulture));
            case ReportPreset.LastCalendarYear:
                return Months(new DateOnly(today.Year - 1, 1, 1), 12, (today.Year - 1).ToString(CultureInfo.InvariantCulture));
            case ReportPreset.ThisQuarter:
            case ReportPreset.LastQuarter:
                var yearStart = FiscalYearStart(today, fiscalYearStartMonth);
                var quarter = (MonthsBetween(yearStart, month) / 3) - (preset == ReportPreset.LastQuarter ? 1 : 0);
                if (quarter < 0)
                {
                    yearStart = yearStart.AddYears(-1);
                    quarter += 4;
                }

                var start = yearStart.AddMonths(quarter * 3);
                return Months(start, 3, string.Create(CultureInfo.InvariantCulture, $"Q{quarter + 1} {FiscalYearName(yearStart)}"));
            case ReportPreset.ThisMonth:
                return Months(month, 1, month.ToString("MMMM yyyy", CultureInfo.CurrentCulture));
            case ReportPreset.LastMonth:
                var last = month.AddMonths(-1);
                return Months(last, 1, last.ToString("MMMM yyyy", CultureInfo.CurrentCulture));
            default:
                throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown report period.");
        }
    }

    /// <summary>The first day of the fiscal year <paramref name="day"/> falls in.</summary>
    public static DateOnly FiscalYearStart(DateOnly day, int fiscalYearStartMonth)
    {
        var year = day.Month >= fiscalYearStartMonth ? day.Year : day.Year - 1;
        return new DateOnly(year, fiscalYearStartMonth, 1);
    }

    /// <summary>"FY 2026–27" for a year starting in July 2026; "FY 2026" for one starting in January.</summary>
    public static string FiscalYearName(DateOnly fiscalYearStart) =>
        fiscalYearStart.Month == 1
            ? string.Create(CultureInfo.InvariantCulture, $"FY {fiscalYearStart.Year}")
            : string.Create(CultureInfo.InvariantCulture, $"FY {fiscalYearStart.Year}–{(fiscalYearStart.Year + 1) % 100:00}");

    /// <summary>A custom range's name: "1 Jul 2025 – 30 Jun 2026".</summary>
    public static string RangeName(DateOnly from, DateOnly to) =>
        from == to ? Day(from) : $"{Day(from)} – {Day(to)}";

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private static ReportPeriod FiscalYear(DateOnly start) => Months(start, 12, FiscalYearName(start));

    private static ReportPeriod Months(DateOnly start, int months, string name) => new(start, start.AddMonths(months).AddDays(-1), name);

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
