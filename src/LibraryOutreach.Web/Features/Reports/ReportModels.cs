using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>How the report's second table splits the events.</summary>
public enum ReportBreakdown
{
    None = 0,
    Branch = 1,
    Staff = 2,
}

/// <summary>
/// What a report covers: events whose first day (<see cref="OutreachEvent.StartDate"/>, the library's calendar day) is from
/// <see cref="From"/> to <see cref="To"/> inclusive, optionally one branch's or one staff member's, and the interactions on
/// those days (by that staff member; none when a branch is chosen, as touches have no branch).
/// </summary>
public sealed record ReportQuery(DateOnly From, DateOnly To, Guid? BranchId = null, string? StaffUserId = null, ReportBreakdown Breakdown = ReportBreakdown.None)
{
    /// <summary>The longest range a report takes (ten years): longer ones are a mistake in the dates.</summary>
    public const int MaxDays = 3660;
}

/// <summary>
/// A sum over events, apart from the events that did not record it: <see cref="Sum"/> adds the recorded values,
/// <see cref="Recorded"/> and <see cref="NotRecorded"/> count events. When events left it out and none recorded it, the
/// figure is "not recorded", never 0 (<see cref="IsNotRecorded"/>).
/// </summary>
public readonly record struct ReportCount(long Sum, int Recorded, int NotRecorded)
{
    public bool IsNotRecorded => Recorded == 0 && NotRecorded > 0;

    /// <summary>A plain count (of events, of touches): there is nothing to leave out, so it is never "not recorded".</summary>
    public static ReportCount Of(long count) => new(count, 0, 0);

    public static ReportCount operator +(ReportCount a, ReportCount b) => new(a.Sum + b.Sum, a.Recorded + b.Recorded, a.NotRecorded + b.NotRecorded);

    public static ReportCount Add(ReportCount a, ReportCount b) => a + b;
}

/// <summary>
/// One group of events as the database adds them up (GROUP BY role, age group, setting and the breakdown key): the
/// building block of every figure in the report, so the parts always add up to the totals.
/// </summary>
public sealed record ReportGroup(
    string? Key,
    LibraryRole Role,
    AudienceAgeGroup? AgeGroup,
    EventSetting Setting,
    int Events,
    ReportCount Attendance,
    ReportCount CardsIssued,
    ReportCount ItemsCheckedOut,
    ReportCount MaterialsHandedOut,
    int ContactsMade)
{
    public SurveyCategory Category => LibraryRoles.Category(Role);
}

/// <summary>A set of events added up: the columns of the breakdown table.</summary>
public sealed record EventFigures(
    int Events,
    int Programs,
    int Outreach,
    ReportCount Attendance,
    ReportCount CardsIssued,
    ReportCount ItemsCheckedOut,
    ReportCount MaterialsHandedOut,
    int ContactsMade)
{
    public static EventFigures Of(IEnumerable<ReportGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups as IReadOnlyCollection<ReportGroup> ?? groups.ToList();
        return new EventFigures(
            list.Sum(g => g.Events),
            list.Where(g => g.Category == SurveyCategory.Program).Sum(g => g.Events),
            list.Where(g => g.Category == SurveyCategory.Outreach).Sum(g => g.Events),
            list.Aggregate(default(ReportCount), (s, g) => s + g.Attendance),
            list.Aggregate(default(ReportCount), (s, g) => s + g.CardsIssued),
            list.Aggregate(default(ReportCount), (s, g) => s + g.ItemsCheckedOut),
            list.Aggregate(default(ReportCount), (s, g) => s + g.MaterialsHandedOut),
            list.Sum(g => g.ContactsMade));
    }
}

/// <summary>One line of the survey table; <see cref="Programs"/> and <see cref="Outreach"/> are null for lines about the whole range (reach).</summary>
public sealed record SurveyLine(string Section, string Measure, ReportCount? Programs, ReportCount? Outreach, ReportCount Total, bool IsCount);

/// <summary>One row of the breakdown table: a branch ("No branch") or a staff member ("No staff recorded").</summary>
public sealed record BreakdownRow(string Name, EventFigures Figures);

/// <summary>How far the library reached in the range: events and interactions together.</summary>
public sealed record ReachFigures(
    int Touches,
    int LibraryInitiated,
    int PartnerInitiated,
    int Mutual,
    int OrganizationsReached,
    int ContactsReached,
    int NewOrganizations,
    int NewContacts);

/// <summary>An event whose outcomes the supervisor may pick for the narrative of the board packet.</summary>
public sealed record OutcomeChoice(Guid EventId, string Title, DateOnly StartDate, string Outcomes);

/// <summary>A whole report: the range and filters as chosen, the survey table, the breakdown and the events with outcomes.</summary>
public sealed record ReportResult(
    ReportQuery Query,
    string LibraryName,
    string PeriodName,
    string? BranchName,
    string? StaffName,
    IReadOnlyList<ReportGroup> Groups,
    ReachFigures Reach,
    IReadOnlyList<SurveyLine> Lines,
    IReadOnlyList<BreakdownRow> Breakdown,
    EventFigures Totals)
{
    public bool IsEmpty => Totals.Events == 0 && Reach.Touches == 0;
}

/// <summary>What the filters offer.</summary>
public sealed record ReportChoices(IReadOnlyList<ReportChoice> Branches, IReadOnlyList<ReportChoice> Staff, int FiscalYearStartMonth);

public sealed record ReportChoice(string Id, string Name);
