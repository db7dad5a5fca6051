namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>
/// Names this app instance in the leases it takes on calendar connections. Several instances (hosts sharing one
/// PostgreSQL database, or the <c>sync</c> verb beside the web app) each have their own; a singleton per host.
/// </summary>
public sealed class CalendarSyncInstance
{
    /// <summary>Machine, process and a random part: unique even for two hosts in one process (as in the tests).</summary>
    public string Id { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 100)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
