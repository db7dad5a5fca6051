using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Web.Features.Settings;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>What a new "Log a meeting" form starts with, so the usual town meeting needs only the people and the notes.</summary>
public static class EventDefaults
{
    /// <summary>The seeded "Town or council meeting" type.</summary>
    public static Guid TownMeetingTypeId => EventTypeConfiguration.Defaults[0].Id;

    /// <summary>Days from today that a follow-up added inline is due, unless changed.</summary>
    public const int FollowUpDueInDays = 7;

    /// <summary>
    /// Today (the library's), all day, the town or council meeting type when it is still offered (else the first type),
    /// and the person logging it as staff present.
    /// </summary>
    public static EventInput NewMeeting(IReadOnlyList<ChoiceListItem> types, DateOnly today, string? currentUserId)
    {
        ArgumentNullException.ThrowIfNull(types);
        var type = types.FirstOrDefault(t => t.Id == TownMeetingTypeId)
            ?? types.FirstOrDefault(t => t.Name.Contains("council", StringComparison.OrdinalIgnoreCase))
            ?? (types.Count > 0 ? types[0] : null);
        return new EventInput
        {
            TypeId = type?.Id,
            StartDate = today,
            IsAllDay = true,
            StaffIds = currentUserId is null ? [] : [currentUserId],
        };
    }

    /// <summary>A follow-up row as it is added: for the person logging, due in a week.</summary>
    public static InlineFollowUpInput NewFollowUp(DateOnly today, string? currentUserId) => new()
    {
        DueDate = today.AddDays(FollowUpDueInDays),
        AssigneeId = currentUserId,
    };
}
