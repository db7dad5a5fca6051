namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>The waits of the sync, as Google asks: min(2^n s + up to 1 s at random, 64 s), or what <c>Retry-After</c> says.</summary>
public static class SyncBackoff
{
    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempt 1 failed → about 2 s).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, double random01, TimeSpan max)
    {
        if (retryAfter is { } given && given > TimeSpan.Zero)
        {
            return given < max ? given : max;
        }

        var seconds = Math.Pow(2, Math.Clamp(attempt, 0, 30)) + Math.Clamp(random01, 0, 1);
        return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
    }

    /// <summary>The next run of a connection: the interval stretched or shortened by up to <paramref name="jitterPercent"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeSpan interval, int jitterPercent, double random01)
    {
        var share = jitterPercent / 100.0 * ((Math.Clamp(random01, 0, 1) * 2) - 1);
        return now + TimeSpan.FromTicks((long)(interval.Ticks * (1 + share)));
    }
}
