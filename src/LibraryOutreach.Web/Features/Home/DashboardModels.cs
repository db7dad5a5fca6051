using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Reports;

namespace LibraryOutreach.Web.Features.Home;

/// <summary>One calendar month of the library's outreach: events (on their first day), attendance, touches and contacts added.</summary>
public sealed record MonthFigures(int Year, int Month, int Events, ReportCount Attendance, int Touches, int NewContacts)
{
    public DateOnly First => new(Year, Month, 1);
}

/// <summary>Touches by who started them over the last 12 months.</summary>
public sealed record InitiatorFigures(int Library, int Partner, int Mutual)
{
    public int Total => Library + Partner + Mutual;
}

/// <summary>Organizations of one type reached (an event or an interaction) over the last 12 months.</summary>
public sealed record TypeReach(string TypeName, int Organizations);

/// <summary>
/// The home page of one person: their follow-ups due or overdue, their events in the next 14 days, relationships needing
/// attention (theirs; everyone's for Supervisors and Admins), and the library's month and year at a glance.
/// </summary>
public sealed record Dashboard(
    DateOnly Today,
    IReadOnlyList<FollowUpView> FollowUps,
    EventListResults Upcoming,
    ReachOutResults Attention,
    HealthResults Warnings,
    bool AttentionIsEveryones,
    IReadOnlyList<MonthFigures> Months,
    InitiatorFigures Initiators,
    IReadOnlyList<TypeReach> ReachByType)
{
    /// <summary>The 12 months ending with this one, oldest first; the last is this month.</summary>
    public MonthFigures ThisMonth => Months[^1];

    public MonthFigures LastMonth => Months[^2];
}

/// <summary>The dashboard's days: the next 14 days start today.</summary>
public static class DashboardDays
{
    public const int UpcomingDays = 14;

    public const int UpcomingRows = 8;

    public const int AttentionRows = 6;

    public static InitiatedBy[] Initiators { get; } = [InitiatedBy.Library, InitiatedBy.Partner, InitiatedBy.Mutual];
}
