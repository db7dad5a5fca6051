using System.Globalization;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Home;

/// <summary>The dashboard: the person's follow-ups, events and relationships, and the library's month and year.</summary>
public partial class HomePage
{
    internal static readonly string[] InitiatorLabels = ["The library", "The partner", "Mutual"];

    [Inject]
    private IOptions<LibraryOptions> Library { get; set; } = default!;

    [Inject]
    private IDashboardService Dashboards { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>
    /// The dashboard. Computed once per full page load: the prerender's copy is handed to the circuit (persisted in the
    /// page, protected by Data Protection), so the circuit's first render shows it without computing it again.
    /// </summary>
    [PersistentState]
    public Dashboard? Data { get; set; }

    private string? _error;
    private string? _name;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private string Greeting => _name is null ? "Welcome" : $"Welcome, {_name}";

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _name = (await AuthenticationState).User.FindFirst(StaffClaimTypes.DisplayName)?.Value;
        }

        try
        {
            Data ??= await Dashboards.GetAsync();
        }
        catch (AccessDeniedException e)
        {
            _error = e.Message;
        }
    }

    private static string About(FollowUpView f) =>
        (f.ContactName ?? f.OrganizationName ?? f.EventTitle) is { } about ? $" · {about}" : "";

    private static string? AttendanceNote(MonthFigures month) =>
        month.Attendance.NotRecorded > 0 && !month.Attendance.IsNotRecorded
            ? string.Create(Culture, $"{month.Attendance.NotRecorded} events this month did not record it")
            : null;

    private static string[] MonthLabels(Dashboard d) => d.Months.Select(m => m.First.ToString("MMM", Culture)).ToArray();

    private static List<ChartSeries<double>> EventSeries(Dashboard d) =>
        [new() { Name = "Events", Data = d.Months.Select(m => (double)m.Events).ToArray() }];

    private static List<ChartSeries<double>> AttendanceSeries(Dashboard d) =>
        [new() { Name = "Attendance (recorded)", Data = d.Months.Select(m => (double)m.Attendance.Sum).ToArray() }];

    private static List<ChartSeries<double>> InitiatorSeries(InitiatorFigures f) =>
        [new() { Name = "Touches", Data = new double[] { f.Library, f.Partner, f.Mutual } }];

    private static List<ChartSeries<double>> ReachSeries(IReadOnlyList<TypeReach> reach) =>
        [new() { Name = "Organizations", Data = reach.Select(r => (double)r.Organizations).ToArray() }];

    private static string MonthsSummary(Dashboard d)
    {
        var busiest = d.Months.MaxBy(m => m.Events)!;
        return string.Create(Culture, $"Bar chart of events and line chart of attendance per month over the last 12 months: {d.Months.Sum(m => m.Events):N0} events, {d.Months.Sum(m => m.Attendance.Sum):N0} attended; busiest month {busiest.First:MMMM yyyy} with {busiest.Events} events. The table below has every month.");
    }

    private static string InitiatorSummary(InitiatorFigures f) =>
        string.Create(Culture, $"Donut chart of {f.Total:N0} touches: the library started {Share(f.Library, f.Total)}, the partner {Share(f.Partner, f.Total)}, mutual {Share(f.Mutual, f.Total)}.");

    private static string ReachSummary(IReadOnlyList<TypeReach> reach) =>
        "Bar chart of organizations reached by type: " + string.Join(", ", reach.Select(r => string.Create(Culture, $"{r.TypeName} {r.Organizations:N0}"))) + ".";

    private static string Share(int part, int total) => total == 0 ? "0%" : Health.HealthText.Percent((double)part / total);
}
