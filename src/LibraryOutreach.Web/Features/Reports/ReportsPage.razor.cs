using System.Globalization;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>The report page: a period (a preset or any two days), filters, the survey table, CSV, print and the outcome picker.</summary>
public partial class ReportsPage
{
    [Inject]
    private IReportService Reports { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private ReportChoices _choices = new([], [], 7);
    private ReportPreset? _preset = ReportPreset.LastFiscalYear;
    private DateOnly? _from;
    private DateOnly? _to;
    private string? _branchId;
    private string? _staffId;
    private ReportBreakdown _breakdown;
    private bool _loading;
    private string? _error;
    private ReportResult? _report;
    private IReadOnlyList<OutcomeChoice> _outcomes = [];
    private readonly List<Guid> _picked = [];

    private string FiscalStartName => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(_choices.FiscalYearStartMonth);

    private string CsvLink => _report is null ? "" : ReportQueryString.Build(ReportEndpoints.CsvPath.TrimStart('/'), _report.Query);

    private string PrintLink => _report is null ? "" : ReportQueryString.Build("reports/print", _report.Query, _picked);

    protected override async Task OnInitializedAsync()
    {
        _choices = await Reports.GetChoicesAsync();
        ApplyPreset(_preset);
    }

    private string PresetName(ReportPreset preset)
    {
        var period = ReportPeriods.For(preset, LibraryTime.Today(Clock), _choices.FiscalYearStartMonth);
        var label = preset switch
        {
            ReportPreset.ThisFiscalYear => "This fiscal year",
            ReportPreset.LastFiscalYear => "Last fiscal year",
            ReportPreset.ThisCalendarYear => "This calendar year",
            ReportPreset.LastCalendarYear => "Last calendar year",
            ReportPreset.ThisQuarter => "This quarter",
            ReportPreset.LastQuarter => "Last quarter",
            ReportPreset.ThisMonth => "This month",
            ReportPreset.LastMonth => "Last month",
            _ => preset.ToString(),
        };
        return $"{label} ({period.Name})";
    }

    private async Task OnPresetChangedAsync(ReportPreset? preset)
    {
        _preset = preset;
        ApplyPreset(preset);
        if (preset is not null)
        {
            await RunAsync();
        }
    }

    private void ApplyPreset(ReportPreset? preset)
    {
        if (preset is { } p)
        {
            var period = ReportPeriods.For(p, LibraryTime.Today(Clock), _choices.FiscalYearStartMonth);
            (_from, _to) = (period.From, period.To);
        }
    }

    private void OnDateChanged(DateTime? value, bool first)
    {
        var day = value is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        if (first)
        {
            _from = day;
        }
        else
        {
            _to = day;
        }

        _preset = null;
    }

    private async Task RunAsync()
    {
        _error = null;
        if (_from is not { } from || _to is not { } to)
        {
            _error = "Choose the first and the last day.";
            return;
        }

        var query = new ReportQuery(from, to, Guid.TryParse(_branchId, out var branch) ? branch : null, _staffId, _breakdown);
        _loading = true;
        try
        {
            _report = await Reports.RunAsync(query);
            _outcomes = _report.IsEmpty ? [] : await Reports.ListOutcomesAsync(query);
            _picked.RemoveAll(id => _outcomes.All(o => o.EventId != id));
        }
        catch (RecordValidationException e)
        {
            _report = null;
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private void Pick(Guid eventId, bool picked)
    {
        _picked.Remove(eventId);
        if (picked)
        {
            _picked.Add(eventId);
        }
    }

    private static DateTime? ToDateTime(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);
}
