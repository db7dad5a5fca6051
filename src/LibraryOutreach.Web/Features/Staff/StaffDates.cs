using System.Globalization;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>
/// Relative dates for the staff list ("3 hours ago", "in 6 days"). Relative wording avoids showing the
/// server's time zone to people in the browser's.
/// </summary>
public static class StaffDates
{
    public static string LastSignIn(DateTimeOffset? at, DateTimeOffset now) => at is null ? "Never" : Ago(at.Value, now);

    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        if (span < TimeSpan.FromMinutes(1))
        {
            return "Just now";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return Plural((int)span.TotalMinutes, "minute") + " ago";
        }

        if (span < TimeSpan.FromDays(1))
        {
            return Plural((int)span.TotalHours, "hour") + " ago";
        }

        if (span < TimeSpan.FromDays(30))
        {
            var days = (int)span.TotalDays;
            return days == 1 ? "Yesterday" : Plural(days, "day") + " ago";
        }

        return "On " + at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>"Expires in 6 days", "Expires in 3 hours", "Expired 2 days ago".</summary>
    public static string Expiry(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (expiresAt <= now)
        {
            var ago = Ago(expiresAt, now);
            return "Expired " + char.ToLowerInvariant(ago[0]) + ago[1..];
        }

        var span = expiresAt - now;
        return span < TimeSpan.FromHours(1) ? "Expires in " + Plural(Math.Max(1, (int)span.TotalMinutes), "minute")
            : span < TimeSpan.FromDays(1) ? "Expires in " + Plural((int)span.TotalHours, "hour")
            : "Expires in " + Plural((int)Math.Round(span.TotalDays), "day");
    }

    private static string Plural(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? unit : unit + "s");
}
