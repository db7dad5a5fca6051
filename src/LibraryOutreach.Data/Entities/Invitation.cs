namespace LibraryOutreach.Data.Entities;

/// <summary>An invitation for a new staff account. The token is stored only as a SHA-256 hash.</summary>
public class Invitation
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = Roles.Staff;

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? InvitedById { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Pending: neither accepted nor revoked, and not yet expired at <paramref name="now"/>.</summary>
    public bool IsPendingAt(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
