using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>The board-packet version of a report: the library's name, the range, the table and the chosen outcomes, for paper.</summary>
public partial class ReportPrintPage
{
    [Inject]
    private IReportService Reports { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "branch")]
    public string? Branch { get; set; }

    [SupplyParameterFromQuery(Name = "staff")]
    public string? Staff { get; set; }

    [SupplyParameterFromQuery(Name = "by")]
    public string? By { get; set; }

    [SupplyParameterFromQuery(Name = "outcomes")]
    public string? Outcomes { get; set; }

    private ReportResult? _report;
    private IReadOnlyList<OutcomeChoice> _outcomes = [];
    private string? _error;

    private DateOnly Today => LibraryTime.Today(Clock);

    private string Title => _report is null ? "Report" : $"Outreach report {_report.PeriodName} · {_report.LibraryName}";

    protected override async Task OnParametersSetAsync()
    {
        var query = ReportQueryString.Parse(From, To, Branch, Staff, By);
        if (query is null)
        {
            _error = "This link has no report range. Open Reports, choose a period and use \"Print version for the board\".";
            return;
        }

        try
        {
            _report = await Reports.RunAsync(query);
            _outcomes = await Reports.GetOutcomesAsync(ReportQueryString.ParseIds(Outcomes));
            _error = null;
        }
        catch (RecordValidationException e)
        {
            _error = e.Message;
        }
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("outreach.print");
}
