using System.Text;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Mvc;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>
/// <c>GET /reports/export.csv?from=…&amp;to=…</c>: the report as a CSV download, for Supervisors and Admins (the endpoint
/// requires the policy and <see cref="ReportService"/> checks it again). A plain link, so the browser downloads it itself.
/// </summary>
public static class ReportEndpoints
{
    public const string CsvPath = "/reports/export.csv";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(CsvPath, ExportCsvAsync).RequireAuthorization(Policies.Supervisor);
        return endpoints;
    }

    private static async Task<IResult> ExportCsvAsync(
        HttpContext context,
        [FromServices] IReportService reports,
        [FromServices] CurrentUser currentUser,
        CancellationToken ct)
    {
        // Run the service as the request's user (a request scope has no Blazor authentication state of its own).
        currentUser.RunAs(context.User);
        var q = context.Request.Query;
        var query = ReportQueryString.Parse(ReportQueryString.First(q["from"]), ReportQueryString.First(q["to"]), ReportQueryString.First(q["branch"]), ReportQueryString.First(q["staff"]), ReportQueryString.First(q["by"]));
        if (query is null)
        {
            return Results.BadRequest("Give the range as from=yyyy-MM-dd&to=yyyy-MM-dd.");
        }

        try
        {
            var csv = await reports.ExportCsvAsync(query, ct);
            var name = FormattableString.Invariant($"outreach-report-{query.From:yyyy-MM-dd}-to-{query.To:yyyy-MM-dd}.csv");
            // UTF-8 with a BOM, as the other exports, so spreadsheet programs read accents right.
            return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", name);
        }
        catch (RecordValidationException e)
        {
            return Results.BadRequest(e.Message);
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
    }
}
