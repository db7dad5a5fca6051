using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.CalendarSync;

/// <summary>A calendar event waiting in "Suggested from calendars", with what it matched in the library's records.</summary>
public sealed record CalendarSuggestion(
    Guid Id,
    string Title,
    string When,
    DateOnly StartDate,
    string? Location,
    string? Description,
    string CalendarName,
    string OwnerName,
    IReadOnlyList<NamedRecord> Contacts,
    IReadOnlyList<NamedRecord> Organizations,
    IReadOnlyList<string> UnmatchedEmails,
    string? Link);

public sealed record NamedRecord(Guid Id, string Name);

/// <summary>An outreach event whose calendar event changed or was cancelled after it was confirmed.</summary>
public sealed record CalendarNotice(Guid CopyId, Guid EventId, string EventTitle, bool Cancelled, IReadOnlyList<CalendarChange> Changes, DateTimeOffset ChangedAt);

/// <summary>What staff may adjust before confirming a suggestion.</summary>
public sealed class SuggestionEdits
{
    public string Title { get; set; } = "";

    public Guid TypeId { get; set; }

    public LibraryRole LibraryRole { get; set; } = LibraryRole.ParticipantGuest;

    public string? Location { get; set; }
}

/// <summary>
/// The review queue: suggestions from a person's calendars (Admins: everyone's), confirm (→ an outreach event with
/// source = calendar, linked to its calendar event), edit then confirm, dismiss (remembered). Also the "changed in
/// calendar" notices of confirmed events, which are shown, never applied.
/// </summary>
public sealed class CalendarSuggestionService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<CalendarSuggestion>> ListPendingAsync(bool everyone = false, CancellationToken cancellationToken = default)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        var me = UserId(principal);
        if (everyone && !principal.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Only Admins can review everyone's calendar suggestions.");
        }

        var zone = timeProvider.LocalTimeZone;
        var today = LibraryTime.Today(timeProvider);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var copies = await db.CalendarEventCopies.AsNoTracking()
            .Where(c => c.State == CalendarSuggestionState.Pending && !c.IsRemoved && (everyone || c.Calendar!.Connection!.OwnerId == me))
            .OrderBy(c => c.StartDate < today ? 1 : 0).ThenBy(c => c.StartDate).ThenBy(c => c.Title)
            .Take(PageSize)
            .Select(c => new { Copy = c, CalendarName = c.Calendar!.Name, OwnerName = c.Calendar.Connection!.Owner!.DisplayName })
            .ToListAsync(cancellationToken);

        var matcher = await CalendarMatcher.LoadAsync(db, cancellationToken);
        var allMatches = await matcher.MatchAsync(db, [.. copies.Select(r => CalendarCopyWriter.ReadAttendees(r.Copy))], cancellationToken);
        var contactIds = allMatches.SelectMany(m => m.ContactIds).Distinct().ToList();
        var organizationIds = allMatches.SelectMany(m => m.OrganizationIds).Distinct().ToList();
        var contactNames = await db.Contacts.AsNoTracking().Where(c => EF.Parameter(contactIds).Contains(c.Id))
            .Select(c => new NamedRecord(c.Id, c.DisplayName)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var organizationNames = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(organizationIds).Contains(o.Id))
            .Select(o => new NamedRecord(o.Id, o.Name)).ToDictionaryAsync(o => o.Id, cancellationToken);

        var result = new List<CalendarSuggestion>();
        foreach (var (row, matches) in copies.Zip(allMatches))
        {
            var contacts = matches.ContactIds.Select(id => contactNames[id]).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
            var organizations = matches.OrganizationIds.Select(id => organizationNames[id]).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
            var c = row.Copy;
            result.Add(new CalendarSuggestion(
                c.Id, c.Title, EventText.When(c.StartDate, c.EndDate, c.StartsAt is { } s ? LibraryTime.ToLocal(s, zone) : null, c.EndsAt is { } e ? LibraryTime.ToLocal(e, zone) : null), c.StartDate, c.Location, c.Description,
                row.CalendarName, row.OwnerName, contacts, organizations, matches.UnmatchedEmails, c.Link));
        }

        return result;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        var me = UserId(principal);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalendarEventCopies.CountAsync(c => c.State == CalendarSuggestionState.Pending && !c.IsRemoved && c.Calendar!.Connection!.OwnerId == me, cancellationToken);
    }

    /// <summary>Makes the outreach event (optionally with <paramref name="edits"/>) and returns its id.</summary>
    public async Task<Guid> ConfirmAsync(Guid copyId, SuggestionEdits? edits = null, CancellationToken cancellationToken = default)
    {
        var (principal, db, copy, ownerId) = await LoadForReviewAsync(copyId, cancellationToken);
        await using (db)
        {
            if (copy.State != CalendarSuggestionState.Pending || copy.IsRemoved)
            {
                throw new RecordValidationException(copy.State == CalendarSuggestionState.Confirmed
                    ? "This suggestion was already confirmed."
                    : "This suggestion is no longer waiting for review (it was dismissed or cancelled in the calendar).");
            }

            if (edits is not null)
            {
                var errors = new Dictionary<string, string>(StringComparer.Ordinal);
                var title = (edits.Title ?? "").Trim();
                if (title.Length == 0)
                {
                    errors[nameof(SuggestionEdits.Title)] = "Give the event a title.";
                }
                else if (title.Length > FieldLimits.Name)
                {
                    errors[nameof(SuggestionEdits.Title)] = $"Keep the title under {FieldLimits.Name} characters.";
                }

                if (!await db.EventTypes.AnyAsync(t => t.Id == edits.TypeId && !t.IsArchived, cancellationToken))
                {
                    errors[nameof(SuggestionEdits.TypeId)] = "Choose a type.";
                }

                if ((edits.Location?.Trim().Length ?? 0) > FieldLimits.Address)
                {
                    errors[nameof(SuggestionEdits.Location)] = $"Keep the location under {FieldLimits.Address} characters.";
                }

                if (errors.Count > 0)
                {
                    throw new RecordValidationException(errors);
                }
            }

            var outreach = await CalendarOutreach.ConfirmAsync(db, copy, await CalendarMatcher.LoadAsync(db, cancellationToken), ownerId, UserId(principal), timeProvider.GetUtcNow(), cancellationToken);
            if (edits is not null)
            {
                outreach.Title = (edits.Title ?? "").Trim();
                outreach.TypeId = edits.TypeId;
                outreach.LibraryRole = edits.LibraryRole;
                outreach.Location = string.IsNullOrWhiteSpace(edits.Location) ? null : edits.Location.Trim();
            }

            await SaveReviewAsync(db, cancellationToken);
            return outreach.Id;
        }
    }

    /// <summary>Dismisses a suggestion: it stays dismissed when the calendar event changes later.</summary>
    public async Task DismissAsync(Guid copyId, CancellationToken cancellationToken = default)
    {
        var (principal, db, copy, _) = await LoadForReviewAsync(copyId, cancellationToken);
        await using (db)
        {
            if (copy.State == CalendarSuggestionState.Confirmed)
            {
                throw new RecordValidationException("This suggestion was already confirmed; delete the outreach event instead.");
            }

            copy.State = CalendarSuggestionState.Dismissed;
            copy.ReviewedAt = timeProvider.GetUtcNow();
            copy.ReviewedById = UserId(principal);
            await SaveReviewAsync(db, cancellationToken);
        }
    }

    /// <summary>Confirmed events whose calendar event changed or was cancelled since (mine; Admins: everyone's).</summary>
    public async Task<IReadOnlyList<CalendarNotice>> ListNoticesAsync(bool everyone = false, CancellationToken cancellationToken = default)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        var me = UserId(principal);
        everyone = everyone && principal.IsInRole(Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CalendarEventCopies.AsNoTracking()
            .Where(c => c.State == CalendarSuggestionState.Confirmed && c.OutreachEventId != null
                        && (c.IsRemoved || c.Fingerprint != c.ConfirmedFingerprint)
                        && (everyone || c.Calendar!.Connection!.OwnerId == me))
            .OrderByDescending(c => c.LastChangedAt)
            .Take(PageSize)
            .Select(c => new { Copy = c, EventTitle = c.OutreachEvent!.Title })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToNotice(r.Copy, r.EventTitle)).ToList();
    }

    /// <summary>The notice of one outreach event, for its page; null when its calendar event is unchanged (or it has none).</summary>
    public async Task<CalendarNotice?> GetNoticeForEventAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.CalendarEventCopies.AsNoTracking()
            .Where(c => c.OutreachEventId == eventId && (c.IsRemoved || c.Fingerprint != c.ConfirmedFingerprint))
            .Select(c => new { Copy = c, EventTitle = c.OutreachEvent!.Title })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToNotice(row.Copy, row.EventTitle);
    }

    /// <summary>"Seen": the event's current calendar state becomes the new baseline, so the notice goes away until the next change.</summary>
    public async Task AcknowledgeAsync(Guid copyId, CancellationToken cancellationToken = default)
    {
        var (principal, db, copy, _) = await LoadForReviewAsync(copyId, cancellationToken);
        await using (db)
        {
            if (copy.OutreachEventId is { } eventId && !copy.IsRemoved)
            {
                CalendarOutreach.MarkConfirmed(copy, eventId, UserId(principal), timeProvider.GetUtcNow());
            }
            else
            {
                copy.ConfirmedFingerprint = copy.Fingerprint;
                copy.State = CalendarSuggestionState.Dismissed; // a cancelled one: the flag was seen; the library's event stays
            }

            await SaveReviewAsync(db, cancellationToken);
        }
    }

    private CalendarNotice ToNotice(CalendarEventCopy copy, string eventTitle) =>
        new(copy.Id, copy.OutreachEventId!.Value, eventTitle, copy.IsRemoved,
            copy.IsRemoved ? [] : CalendarOutreach.Changes(copy, timeProvider.LocalTimeZone), copy.LastChangedAt);

    private async Task<(ClaimsPrincipal Principal, OutreachDbContext Db, CalendarEventCopy Copy, string OwnerId)> LoadForReviewAsync(Guid copyId, CancellationToken cancellationToken)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.CalendarEventCopies.Where(c => c.Id == copyId)
            .Select(c => new { Copy = c, c.Calendar!.Connection!.OwnerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            await db.DisposeAsync();
            throw new RecordNotFoundException("That suggestion no longer exists (its calendar was disconnected).");
        }

        if (row.OwnerId != UserId(principal) && !principal.IsInRole(Roles.Admin))
        {
            await db.DisposeAsync();
            throw new AccessDeniedException("Only the calendar's owner and Admins can review its suggestions.");
        }

        return (principal, db, row.Copy, row.OwnerId);
    }

    private static async Task SaveReviewAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("This suggestion changed while you were looking at it. Reload to see it again.", ex);
        }
    }

    private static string UserId(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException();
}
