using System.Text.Json;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>What one sync run did to one connection's copies.</summary>
public sealed class CalendarSyncCounts
{
    public int Added { get; set; }

    public int Updated { get; set; }

    public int Removed { get; set; }

    public int Skipped { get; set; }

    public List<string> Problems { get; } = [];
}

/// <summary>
/// Applies calendar items to the library's copies, idempotently: the key is (calendar, event id), an item already
/// copied with the same fingerprint changes nothing, and applying a page twice (a run that failed after saving it is
/// repeated from the old sync token) leaves the same rows. New copies enter the review queue by the connection's rule
/// (or are confirmed at once under "every event is outreach"); a copy already confirmed is never rewritten into its
/// outreach event — its new fingerprint is what shows "changed in calendar". Removals (cancelled, private, declined)
/// mark copies removed, a series' master taking every occurrence with it; private and declined ones also lose their
/// text, so nothing of a private event stays in the library's database.
/// </summary>
public static class CalendarCopyWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Applies one page in one save. <paramref name="confirm"/> makes the outreach event of an automatically confirmed copy.</summary>
    public static async Task ApplyAsync(
        OutreachDbContext db,
        ConnectedCalendar calendar,
        CalendarConnection connection,
        IReadOnlyList<CalendarItem> items,
        Guid runId,
        (DateOnly First, DateOnly Last) window,
        DateTimeOffset now,
        CalendarSyncCounts counts,
        Func<OutreachDbContext, CalendarEventCopy, CancellationToken, Task> confirm,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(confirm);
        if (items.Count == 0)
        {
            return;
        }

        var ids = items.Select(i => i.EventId).Distinct(StringComparer.Ordinal).ToList();
        var removalIds = items.Where(i => i.Kind != CalendarItemKind.Event).Select(i => i.EventId).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.CalendarEventCopies
            .Where(c => c.CalendarId == calendar.Id
                        && (EF.Parameter(ids).Contains(c.ExternalId) || (c.SeriesId != null && EF.Parameter(removalIds).Contains(c.SeriesId))))
            .ToListAsync(cancellationToken);
        var byId = existing.ToDictionary(c => c.ExternalId, StringComparer.Ordinal);
        var toConfirm = new List<CalendarEventCopy>();

        foreach (var item in items)
        {
            if (item.Kind == CalendarItemKind.Event)
            {
                if (item.EndDate < window.First || item.StartDate > window.Last)
                {
                    continue; // outside the window the library keeps; a copy already made stays as it was
                }

                if (byId.TryGetValue(item.EventId, out var copy))
                {
                    copy.LastSeenRunId = runId;
                    var fingerprint = item.Fingerprint();
                    if (copy.Fingerprint == fingerprint && !copy.IsRemoved)
                    {
                        continue;
                    }

                    Fill(copy, item, fingerprint);
                    copy.IsRemoved = false;
                    copy.LastChangedAt = now;
                    if (copy.State is CalendarSuggestionState.Pending or CalendarSuggestionState.NotOutreach)
                    {
                        copy.State = InitialState(connection, copy);
                        if (copy.State == CalendarSuggestionState.Confirmed)
                        {
                            toConfirm.Add(copy);
                        }
                    }

                    counts.Updated++;
                }
                else
                {
                    copy = new CalendarEventCopy { CalendarId = calendar.Id, ExternalId = item.EventId, FirstSeenAt = now, LastChangedAt = now, LastSeenRunId = runId };
                    Fill(copy, item, item.Fingerprint());
                    copy.State = InitialState(connection, copy);
                    db.CalendarEventCopies.Add(copy);
                    byId[copy.ExternalId] = copy;
                    existing.Add(copy);
                    if (copy.State == CalendarSuggestionState.Confirmed)
                    {
                        toConfirm.Add(copy);
                    }

                    counts.Added++;
                }

                continue;
            }

            if (item.Kind is CalendarItemKind.Withheld or CalendarItemKind.Declined)
            {
                counts.Skipped++;
            }

            // A removal names an occurrence (its own id) or a series master (its id is every occurrence's series).
            foreach (var target in existing.Where(c => c.ExternalId == item.EventId || c.SeriesId == item.EventId).ToList())
            {
                if (item.Kind is CalendarItemKind.Withheld or CalendarItemKind.Declined)
                {
                    Erase(target);
                }

                if (!target.IsRemoved)
                {
                    target.IsRemoved = true;
                    target.LastChangedAt = now;
                    counts.Removed++;
                }

                toConfirm.Remove(target);
            }
        }

        foreach (var copy in toConfirm)
        {
            await confirm(db, copy, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// After a complete listing (a full sync or an iCal snapshot): copies inside the window that the listing did not
    /// contain are gone from the calendar. Copies outside the window are left alone (they aged out, they were not deleted).
    /// </summary>
    public static async Task<int> SweepAsync(OutreachDbContext db, Guid calendarId, Guid runId, (DateOnly First, DateOnly Last) window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gone = await db.CalendarEventCopies
            .Where(c => c.CalendarId == calendarId && !c.IsRemoved && c.LastSeenRunId != runId
                        && c.EndDate >= window.First && c.StartDate <= window.Last)
            .ToListAsync(cancellationToken);
        foreach (var copy in gone)
        {
            copy.IsRemoved = true;
            copy.LastChangedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return gone.Count;
    }

    /// <summary>Does the connection's rule make this copy outreach?</summary>
    public static bool IsOutreach(CalendarConnection connection, string title, string? description)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Rule == CalendarOutreachRule.Everything)
        {
            return true;
        }

        var keyword = connection.Keyword.Trim();
        return keyword.Length > 0
               && (title.Contains(keyword, StringComparison.OrdinalIgnoreCase)
                   || (description?.Contains(keyword, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    public static IReadOnlyList<CalendarAttendee> ReadAttendees(CalendarEventCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return JsonSerializer.Deserialize<List<CalendarAttendee>>(copy.AttendeesJson, Json) ?? [];
    }

    private static CalendarSuggestionState InitialState(CalendarConnection connection, CalendarEventCopy copy) =>
        !IsOutreach(connection, copy.Title, copy.Description) ? CalendarSuggestionState.NotOutreach
        : connection.Rule == CalendarOutreachRule.Everything ? CalendarSuggestionState.Confirmed
        : CalendarSuggestionState.Pending;

    private static void Fill(CalendarEventCopy copy, CalendarItem item, string fingerprint)
    {
        copy.SeriesId = item.SeriesId;
        copy.Fingerprint = fingerprint;
        copy.Title = item.Title ?? "(no title)";
        copy.Description = item.Description;
        copy.Location = item.Location;
        copy.Link = item.Link;
        copy.StartDate = item.StartDate;
        copy.EndDate = item.EndDate;
        copy.StartsAt = item.StartsAt;
        copy.EndsAt = item.EndsAt;
        copy.AttendeesJson = JsonSerializer.Serialize(item.Attendees, Json);
    }

    /// <summary>A private or declined event keeps no text in the library's database.</summary>
    private static void Erase(CalendarEventCopy copy)
    {
        copy.Title = "";
        copy.Description = null;
        copy.Location = null;
        copy.Link = null;
        copy.AttendeesJson = "[]";
        copy.Fingerprint = "";
        if (copy.State is CalendarSuggestionState.Pending)
        {
            copy.State = CalendarSuggestionState.NotOutreach;
        }
    }
}
