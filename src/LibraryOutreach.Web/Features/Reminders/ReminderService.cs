using System.Globalization;
using System.Text;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Reminders;

/// <summary>What one person's reminder run found.</summary>
public sealed record ReminderItems(
    IReadOnlyList<(Guid Id, string Title, DateOnly DueDate)> OverdueFollowUps,
    IReadOnlyList<(Guid Id, string Title, DateOnly DueDate)> DueTodayFollowUps,
    IReadOnlyList<RelationshipCadence> OverdueRelationships)
{
    public int Count => OverdueFollowUps.Count + DueTodayFollowUps.Count + OverdueRelationships.Count;
}

/// <summary>What one run did, for logs and tests.</summary>
public sealed record ReminderRunResult(int People, int Notifications, int EmailsSent, int EmailsFailed);

/// <summary>
/// The daily reminders, called by <see cref="ReminderWorker"/> on every tick (all the logic is here; the worker is a
/// loop). From the digest hour on (library time zone), for each active person whose run for today is not yet recorded:
/// <list type="number">
/// <item>claim the person's day by inserting a <see cref="ReminderDigest"/> row (person + day is its key, so another app
/// instance, or this one after a restart, finds it and skips);</item>
/// <item>create the day's notifications: follow-ups due today, follow-ups that turned overdue (once), relationships they
/// own that turned overdue (once per overdue spell: again only after a later touch); at most one per person, kind,
/// subject and day (a unique index);</item>
/// <item>when SMTP is configured and there is something to say, email the digest and record when it went out. A failed
/// send removes the claim, so the next tick tries again; it is never marked sent.</item>
/// </list>
/// A crash between the claim and the send leaves the day claimed and unsent: that digest is skipped rather than risk
/// sending it twice (the notifications are there either way).
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    IOutreachEmailSender email,
    TimeProvider timeProvider,
    IOptions<ReminderOptions> options,
    IOptions<LibraryOptions> library,
    ILogger<ReminderService> logger)
{
    public async Task<ReminderRunResult> RunAsync(CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        if (ReminderSchedule.DueDay(now, timeProvider.LocalTimeZone, options.Value.DigestHour) is not { } day)
        {
            return new ReminderRunResult(0, 0, 0, 0);
        }

        List<StaffUser> people;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            people = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && !db.ReminderDigests.Any(d => d.UserId == u.Id && d.Day == day))
                .ToListAsync(ct);
        }

        int notifications = 0, sent = 0, failed = 0, handled = 0;
        foreach (var person in people)
        {
            if (!await ClaimAsync(person.Id, day, now, ct))
            {
                continue;
            }

            handled++;
            ReminderItems items;
            await using (var db = await contextFactory.CreateDbContextAsync(ct))
            {
                items = await FindAsync(db, person.Id, day, ct);
                notifications += await NotifyAsync(db, person.Id, day, items, now, ct);
            }

            if (!email.IsConfigured || items.Count == 0 || string.IsNullOrWhiteSpace(person.Email))
            {
                await RecordAsync(person.Id, day, sentAt: null, items.Count, ct);
                continue;
            }

            try
            {
                await email.SendAsync(person.Email, person.DisplayName, Subject(day, items), Body(person.DisplayName, day, items), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogWarning(ex, "The reminder digest for {UserId} on {Day} could not be sent; it is tried again on the next check", person.Id, day);
                await ReleaseAsync(person.Id, day, ct);
                continue;
            }

            sent++;
            await RecordAsync(person.Id, day, timeProvider.GetUtcNow(), items.Count, ct);
            logger.LogInformation("Reminder digest sent to {UserId} for {Day} ({Count} items)", person.Id, day, items.Count);
        }

        return new ReminderRunResult(handled, notifications, sent, failed);
    }

    /// <summary>A person's open follow-ups due today or overdue, and overdue relationships they own (or co-own).</summary>
    public async Task<ReminderItems> FindAsync(OutreachDbContext db, string userId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.AssigneeId == userId && f.DoneAt == null && f.DueDate <= day)
            .OrderBy(f => f.DueDate).ThenBy(f => f.Title)
            .Select(f => new { f.Id, f.Title, f.DueDate })
            .ToListAsync(ct);
        var relationships = (await CadenceService.ComputeAsync(db, new CadenceScope(OwnerId: userId), timeProvider, ct))
            .Where(r => r.Status == CadenceStatus.Overdue);
        return new ReminderItems(
            [.. followUps.Where(f => f.DueDate < day).Select(f => (f.Id, f.Title, f.DueDate))],
            [.. followUps.Where(f => f.DueDate == day).Select(f => (f.Id, f.Title, f.DueDate))],
            CadenceService.Sort(relationships));
    }

    private async Task<int> NotifyAsync(OutreachDbContext db, string userId, DateOnly day, ReminderItems items, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = new List<Notification>();
        candidates.AddRange(items.DueTodayFollowUps.Select(f => New(userId, NotificationKind.FollowUpDue, f.Id, day, $"Follow-up due today: {f.Title}", "follow-ups", now)));
        candidates.AddRange(items.OverdueFollowUps.Select(f => New(userId, NotificationKind.FollowUpOverdue, f.Id, day, $"Follow-up overdue (due {f.DueDate.ToString("d MMM", CultureInfo.CurrentCulture)}): {f.Title}", "follow-ups", now)));
        candidates.AddRange(items.OverdueRelationships.Select(r => New(
            userId, r.Kind == RelationshipKind.Contact ? NotificationKind.ContactOverdue : NotificationKind.OrganizationOverdue, r.Id, day,
            $"Time to reach out: {r.Name} ({(r.LastTouch is null ? "no touch yet" : $"last touch {r.DaysSince} days ago")}, at most {r.Cadence.MaxDays})", r.Link, now)));
        if (candidates.Count == 0)
        {
            return 0;
        }

        // "Turned overdue" is said once: an overdue follow-up once ever; a relationship once since its last touch.
        var subjects = candidates.Select(c => c.SubjectId).Distinct().ToList();
        var earlier = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && subjects.Contains(n.SubjectId))
            .Select(n => new { n.Kind, n.SubjectId, n.Day })
            .ToListAsync(ct);
        var lastTouch = items.OverdueRelationships.ToDictionary(r => r.Id, r => r.LastTouch);
        var fresh = candidates.Where(c => !earlier.Any(e => e.Kind == c.Kind && e.SubjectId == c.SubjectId && (
            e.Day == day
            || c.Kind == NotificationKind.FollowUpOverdue
            || (c.Kind is NotificationKind.ContactOverdue or NotificationKind.OrganizationOverdue && (lastTouch[c.SubjectId] is not { } touched || e.Day > touched))))).ToList();
        db.Notifications.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // The unique index (person, kind, subject, day) refused a duplicate: someone else wrote them already.
            logger.LogInformation(ex, "Notifications for {UserId} on {Day} were already written", userId, day);
            return 0;
        }

        return fresh.Count;
    }

    private static Notification New(string userId, NotificationKind kind, Guid subjectId, DateOnly day, string text, string link, DateTimeOffset now) =>
        new() { UserId = userId, Kind = kind, SubjectId = subjectId, Day = day, Text = text.Length > 500 ? text[..500] : text, Link = link, CreatedAt = now };

    /// <summary>Inserts the person's row for the day; false when it exists already (another instance, or an earlier run).</summary>
    private async Task<bool> ClaimAsync(string userId, DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.ReminderDigests.Add(new ReminderDigest { UserId = userId, Day = day, ClaimedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // The key (person, day) refused it: claimed by another instance meanwhile. Anything else is a real failure.
            await using var check = await contextFactory.CreateDbContextAsync(ct);
            if (!await check.ReminderDigests.AnyAsync(d => d.UserId == userId && d.Day == day, ct))
            {
                throw;
            }

            logger.LogDebug(ex, "The reminders of {UserId} for {Day} are claimed already", userId, day);
            return false;
        }
    }

    private async Task RecordAsync(string userId, DateOnly day, DateTimeOffset? sentAt, int count, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.ReminderDigests.Where(d => d.UserId == userId && d.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, sentAt).SetProperty(d => d.ItemCount, count), ct);
    }

    private async Task ReleaseAsync(string userId, DateOnly day, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        await db.ReminderDigests.Where(d => d.UserId == userId && d.Day == day && d.SentAt == null).ExecuteDeleteAsync(CancellationToken.None);
        ct.ThrowIfCancellationRequested();
    }

    public static string Subject(DateOnly day, ReminderItems items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return $"Your outreach reminders for {day.ToString("dddd d MMMM", CultureInfo.CurrentCulture)} ({items.Count})";
    }

    public string Body(string name, DateOnly day, ReminderItems items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var url = library.Value.PublicUrl.TrimEnd('/');
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {name},\n\nHere is what needs you on {day.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture)}.\n");
        void FollowUps(string heading, IReadOnlyList<(Guid Id, string Title, DateOnly DueDate)> list)
        {
            if (list.Count == 0)
            {
                return;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n{heading}\n");
            foreach (var f in list)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {f.Title} (due {f.DueDate.ToString("d MMM", CultureInfo.CurrentCulture)})\n");
            }
        }

        FollowUps("Overdue follow-ups:", items.OverdueFollowUps);
        FollowUps("Follow-ups due today:", items.DueTodayFollowUps);
        if (items.DueTodayFollowUps.Count + items.OverdueFollowUps.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"My follow-ups: {url}/follow-ups\n");
        }

        if (items.OverdueRelationships.Count > 0)
        {
            text.Append("\nRelationships overdue for a touch:\n");
            foreach (var r in items.OverdueRelationships)
            {
                var since = r.LastTouch is null ? "no touch yet" : $"last touch {r.DaysSince} days ago";
                text.Append(CultureInfo.InvariantCulture, $"- {r.Name} ({since}; at most every {r.Cadence.MaxDays} days): {url}/{r.Link}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nDue to reach out: {url}/reach-out\n");
        return text.ToString();
    }
}
