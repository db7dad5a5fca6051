namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>An organization offered by the pickers.</summary>
public sealed record OrganizationOption(Guid Id, string Name);

/// <summary>A staff member's seat on an organization's board or committee.</summary>
public sealed record CommitteeSeatView(
    Guid Id,
    string StaffUserId,
    string StaffName,
    Guid OrganizationId,
    string OrganizationName,
    string Role,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    string? MeetingCadence,
    string? Notes);

/// <summary>The committee seat form.</summary>
public sealed class CommitteeSeatInput
{
    public string? StaffUserId { get; set; }

    public string? Role { get; set; }

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public string? MeetingCadence { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Shared messages and checks for affiliations and committee seats.</summary>
public static class PeriodValidation
{
    public const string EndBeforeStart = "The end date can't be before the start date.";
    public const string RoleRequired = "Enter the role.";
    public const string StaffRequired = "Choose a staff member.";
    public const string OrganizationRequired = "Choose an organization.";

    /// <summary>Adds <see cref="EndBeforeStart"/> under <paramref name="key"/> when <paramref name="end"/> is before <paramref name="start"/>.</summary>
    public static void CheckPeriod(Dictionary<string, string> errors, string key, DateOnly? start, DateOnly? end)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors[key] = EndBeforeStart;
        }
    }

    /// <summary>Trimmed text or null; adds a length message under <paramref name="key"/>.</summary>
    public static string? Text(Dictionary<string, string> errors, string key, string label, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null && text.Length > max)
        {
            errors[key] = ContactValidation.TooLong(label, max);
        }

        return text;
    }
}
