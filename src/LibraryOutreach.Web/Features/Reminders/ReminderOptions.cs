using System.ComponentModel.DataAnnotations;

namespace LibraryOutreach.Web.Features.Reminders;

/// <summary>The daily reminder run: in-app notifications and, when SMTP is configured, a digest email per person.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>False turns the background worker off (the notifications and digests then wait until it is on again).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The hour of the day (0–23, library time zone) from which the day's reminders go out.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 7;

    /// <summary>How often the worker looks whether anything is due (a failed send is retried on the next look).</summary>
    [Range(5, 3600)]
    public int CheckIntervalSeconds { get; set; } = 60;
}

/// <summary>When the day's reminders are due: pure, so tests pin it down across time zones and daylight-saving days.</summary>
public static class ReminderSchedule
{
    /// <summary>The library-calendar day whose reminders are due at <paramref name="now"/>, or null before the digest hour.</summary>
    public static DateOnly? DueDay(DateTimeOffset now, TimeZoneInfo zone, int digestHour)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return local.Hour >= digestHour ? DateOnly.FromDateTime(local.DateTime) : null;
    }
}
