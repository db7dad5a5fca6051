namespace LibraryOutreach.IntegrationTests.Features.Audit;

/// <summary>A clock that always says the same time, so tests can assert timestamps exactly.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
