namespace LibraryOutreach.Data.Entities;

/// <summary>
/// A stay-in-touch cadence: the ideal and the maximum number of days between two touches, for one partnership level
/// or one organization type (exactly one of the two is set; a check constraint holds it). Contacts and organizations
/// may override it with their own <c>CadenceIdealDays</c>/<c>CadenceMaxDays</c>.
/// </summary>
public class CadenceRule : TrackedEntity
{
    public PartnershipLevel? PartnershipLevel { get; set; }

    public Guid? OrganizationTypeId { get; set; }

    public OrganizationType? OrganizationType { get; set; }

    /// <summary>Reach out again after this many days (status "due" from here).</summary>
    public int IdealDays { get; set; }

    /// <summary>Past this many days without a touch the relationship is overdue.</summary>
    public int MaxDays { get; set; }
}

/// <summary>What an in-app notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A follow-up assigned to the person is due today.</summary>
    FollowUpDue = 0,

    /// <summary>A follow-up assigned to the person is past its due date.</summary>
    FollowUpOverdue = 1,

    /// <summary>A contact the person owns went longer than its maximum cadence without a touch.</summary>
    ContactOverdue = 2,

    /// <summary>An organization the person owns (or co-owns) went longer than its maximum cadence without a touch.</summary>
    OrganizationOverdue = 3,
}

/// <summary>
/// One in-app notification for one staff member. At most one per person, kind, subject and day (a unique index), so
/// several app instances or a restart never duplicate one.
/// </summary>
public class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    /// <summary>The follow-up, contact or organization it is about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The library-calendar day it was raised for.</summary>
    public DateOnly Day { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Where clicking it leads (an app-relative URL).</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null while unread.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// The record of one person's daily reminder run (notifications and, when SMTP is configured, the digest email) for one
/// library-calendar day. The key is person + day: a run is claimed by inserting this row before anything is sent, so a
/// second app instance or a restart never sends the same day's digest twice. A failed send removes the claim, so the
/// next tick tries again.
/// </summary>
public class ReminderDigest
{
    public string UserId { get; set; } = "";

    public DateOnly Day { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the digest email went out; null when none was sent (nothing to say, or SMTP not configured).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many reminders the run found for the person.</summary>
    public int ItemCount { get; set; }
}
