using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>Settings of the board and state-survey reports.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>The month the library's fiscal year starts in (1 = January … 12 = December); 7 (July) by default.</summary>
    [Range(1, 12)]
    public int FiscalYearStartMonth { get; set; } = 7;
}
