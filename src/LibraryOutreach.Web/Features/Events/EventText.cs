using System.Globalization;
using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>Words shown for event values.</summary>
public static class EventText
{
    public static string Role(LibraryRole role) => role switch
    {
        LibraryRole.Sponsor => "Sponsor",
        LibraryRole.CoSponsor => "Co-sponsor",
        _ => "Participant or guest",
    };

    public static string Category(SurveyCategory category) => category == SurveyCategory.Program ? "Program" : "Outreach";

    public static string AgeGroup(AudienceAgeGroup? group) => group switch
    {
        AudienceAgeGroup.Children => "Children (0–11)",
        AudienceAgeGroup.YoungAdults => "Young adults (12–18)",
        AudienceAgeGroup.Adults => "Adults (19+)",
        AudienceAgeGroup.AllAges => "General, all ages",
        _ => "Not recorded",
    };

    public static string Setting(EventSetting setting) => setting switch
    {
        EventSetting.Onsite => "Onsite",
        EventSetting.Virtual => "Virtual",
        _ => "Offsite",
    };

    /// <summary>A count as shown: "not recorded" is not 0.</summary>
    public static string Count(int? count) => count is { } n ? n.ToString("N0", CultureInfo.CurrentCulture) : "Not recorded";

    /// <summary>When the event was, in the library's time zone ("Tue 1 Dec 2026, 19:00–20:30", "4–5 Jul 2026, all day").</summary>
    public static string When(DateOnly startDate, DateOnly endDate, DateTimeOffset? startsAt, DateTimeOffset? endsAt)
    {
        var culture = CultureInfo.CurrentCulture;
        var days = startDate == endDate
            ? startDate.ToString("ddd d MMM yyyy", culture)
            : $"{startDate.ToString("ddd d MMM yyyy", culture)} – {endDate.ToString("ddd d MMM yyyy", culture)}";
        if (startsAt is not { } start)
        {
            return $"{days}, all day";
        }

        return endsAt is { } end
            ? $"{days}, {start.ToString("HH:mm", culture)}–{end.ToString("HH:mm", culture)}"
            : $"{days}, {start.ToString("HH:mm", culture)}";
    }

    /// <summary>Field names of a conflict's differences as people read them.</summary>
    public static string Field(string field) => field switch
    {
        "TypeId" or "Type" => "Type",
        "When" => "Date and time",
        "LibraryRole" => "Library's role",
        "AudienceAgeGroup" => "Age group",
        "LibraryCardsIssued" => "Library cards issued",
        "ItemsCheckedOut" => "Items checked out",
        "MaterialsHandedOut" => "Materials handed out",
        "Staff" => "Staff present",
        "Attendees" => "Attendees",
        _ => field,
    };
}
