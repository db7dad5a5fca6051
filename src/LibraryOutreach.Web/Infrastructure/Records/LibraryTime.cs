namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>
/// The library's own calendar: days and local times in the library's time zone (the server's zone,
/// <see cref="TimeProvider.LocalTimeZone"/>, which tests replace). Every "today", "due", "this month" and every date
/// shown or picked goes through here, so the whole app agrees on when a day starts, also across daylight-saving jumps.
/// </summary>
public static class LibraryTime
{
    /// <summary>Today's date in the library's time zone.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return LocalDate(time.GetUtcNow(), time.LocalTimeZone);
    }

    /// <summary>The calendar day <paramref name="instant"/> falls on in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary><paramref name="instant"/> as a wall-clock time in <paramref name="zone"/> (with that zone's offset then).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }

    /// <summary>The moment a calendar day starts in <paramref name="zone"/>, for turning picked dates into a range.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Midnight skipped by a daylight-saving jump: the day starts an hour later.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The instant a wall-clock time on <paramref name="day"/> in <paramref name="zone"/> stands for. A time skipped by a
    /// spring-forward jump moves forward by the jump; an ambiguous autumn time takes the earlier (daylight) instant.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
