using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Events;

namespace LibraryOutreach.Web.Features.Reports;

/// <summary>
/// The state-survey table, built from the grouped events and the reach figures. The page, the print page and the CSV all
/// show these lines, so their numbers cannot differ.
/// </summary>
public static class SurveyTable
{
    public const string EventsSection = "Events";
    public const string AttendanceSection = "Attendance";
    public const string ResultsSection = "What the events brought";
    public const string ReachSection = "Reach (events and interactions)";

    /// <summary>The event form's names (<see cref="EventText.AgeGroup"/>), with "not recorded" said in full for a table line.</summary>
    public static string AgeGroupName(AudienceAgeGroup? group) => group is null ? "Age group not recorded" : EventText.AgeGroup(group);

    public static string SettingName(EventSetting setting) => EventText.Setting(setting);

    private static readonly AudienceAgeGroup?[] AgeGroups = [AudienceAgeGroup.Children, AudienceAgeGroup.YoungAdults, AudienceAgeGroup.Adults, AudienceAgeGroup.AllAges, null];

    public static IReadOnlyList<SurveyLine> Lines(IReadOnlyList<ReportGroup> groups, ReachFigures reach)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(reach);
        var lines = new List<SurveyLine>
        {
            Count(EventsSection, "Events", groups, _ => true),
        };
        lines.AddRange(AgeGroups.Select(a => Count(EventsSection, AgeGroupName(a), groups, g => g.AgeGroup == a)));
        lines.AddRange(Enum.GetValues<EventSetting>().Select(s => Count(EventsSection, SettingName(s), groups, g => g.Setting == s)));

        lines.Add(Sum(AttendanceSection, "Attendance", groups, _ => true, g => g.Attendance));
        lines.AddRange(AgeGroups.Select(a => Sum(AttendanceSection, AgeGroupName(a), groups, g => g.AgeGroup == a, g => g.Attendance)));
        lines.AddRange(Enum.GetValues<EventSetting>().Select(s => Sum(AttendanceSection, SettingName(s), groups, g => g.Setting == s, g => g.Attendance)));

        lines.Add(Sum(ResultsSection, "Library cards issued", groups, _ => true, g => g.CardsIssued));
        lines.Add(Sum(ResultsSection, "Items checked out", groups, _ => true, g => g.ItemsCheckedOut));
        lines.Add(Sum(ResultsSection, "Materials handed out", groups, _ => true, g => g.MaterialsHandedOut));
        lines.Add(Count(ResultsSection, "Contacts made (people met at the events)", groups, _ => true, g => g.ContactsMade));

        lines.Add(Whole("Touches (interactions)", reach.Touches));
        lines.Add(Whole("Started by the library", reach.LibraryInitiated));
        lines.Add(Whole("Started by the partner", reach.PartnerInitiated));
        lines.Add(Whole("Mutual", reach.Mutual));
        lines.Add(Whole("Organizations reached", reach.OrganizationsReached));
        lines.Add(Whole("Contacts reached", reach.ContactsReached));
        lines.Add(Whole("New organizations (first touched in this range)", reach.NewOrganizations));
        lines.Add(Whole("New contacts (first touched in this range)", reach.NewContacts));
        return lines;
    }

    private static SurveyLine Whole(string measure, int value) => new(ReachSection, measure, null, null, ReportCount.Of(value), true);

    private static SurveyLine Count(string section, string measure, IReadOnlyList<ReportGroup> groups, Func<ReportGroup, bool> where, Func<ReportGroup, int>? value = null)
    {
        value ??= g => g.Events;
        ReportCount Of(SurveyCategory? category) =>
            ReportCount.Of(groups.Where(g => where(g) && (category is null || g.Category == category)).Sum(value));
        return new SurveyLine(section, measure, Of(SurveyCategory.Program), Of(SurveyCategory.Outreach), Of(null), true);
    }

    private static SurveyLine Sum(string section, string measure, IReadOnlyList<ReportGroup> groups, Func<ReportGroup, bool> where, Func<ReportGroup, ReportCount> value)
    {
        ReportCount Of(SurveyCategory? category) =>
            groups.Where(g => where(g) && (category is null || g.Category == category)).Select(value).Aggregate(default(ReportCount), ReportCount.Add);
        return new SurveyLine(section, measure, Of(SurveyCategory.Program), Of(SurveyCategory.Outreach), Of(null), false);
    }
}
