namespace LibraryOutreach.Web.Features.Reports;

/// <summary>The board and state-survey reports (see <see cref="ReportService"/>); an interface so component tests can fake it.</summary>
public interface IReportService
{
    Task<ReportResult> RunAsync(ReportQuery query, CancellationToken ct = default);

    /// <summary>The events in the report's range (and filters) that recorded outcomes, for the narrative picker; newest first, at most 200.</summary>
    Task<IReadOnlyList<OutcomeChoice>> ListOutcomesAsync(ReportQuery query, CancellationToken ct = default);

    /// <summary>The chosen events' outcomes, in date order (ids of events deleted meanwhile are left out).</summary>
    Task<IReadOnlyList<OutcomeChoice>> GetOutcomesAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default);

    Task<ReportChoices> GetChoicesAsync(CancellationToken ct = default);

    /// <summary>The report as CSV: the same lines as the page (<see cref="ReportCsv"/>).</summary>
    Task<string> ExportCsvAsync(ReportQuery query, CancellationToken ct = default);
}
