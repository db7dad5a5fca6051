namespace LibraryOutreach.Data.Entities;

/// <summary>
/// A domain record with a client-generated id, creation and update stamps (set by <c>TrackedEntityInterceptor</c>)
/// and a <see cref="Version"/> that changes on every save: the optimistic concurrency token that refuses a
/// second, stale save instead of silently overwriting the first.
/// </summary>
public interface ITrackedEntity
{
    Guid Id { get; set; }

    DateTimeOffset CreatedAt { get; set; }

    string? CreatedById { get; set; }

    DateTimeOffset UpdatedAt { get; set; }

    string? UpdatedById { get; set; }

    Guid Version { get; set; }
}

/// <summary>Base class for tracked domain records. Ids are GUID v7 (time-ordered) made on the client.</summary>
public abstract class TrackedEntity : ITrackedEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public Guid Version { get; set; }
}
