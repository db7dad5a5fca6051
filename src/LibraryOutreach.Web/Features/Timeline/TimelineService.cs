using System.Data.Common;
using System.Globalization;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Timeline;

/// <summary>
/// The relationship timeline: every staff member may read any contact's or organization's (docs/permissions.md, "read
/// all contacts, organizations, events, interactions" and "a record's own history on its page"), checked here. One
/// SQL query per page (<see cref="TimelineSql"/>), keyset-paged, so a history of 10,000 entries never loads at once.
/// Times come back in the library's time zone (<see cref="LibraryTime"/>).
/// </summary>
public sealed class TimelineService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider) : ITimelineService
{
    /// <summary>How much of a note a timeline entry shows.</summary>
    public const int NoteLength = 240;

    private TimeZoneInfo Zone => timeProvider.LocalTimeZone;

    public async Task<TimelinePage> PageAsync(TimelineSubject subject, TimelineFilter filter, TimelineCursor? after = null, int pageSize = ITimelineService.DefaultPageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(filter);
        await guard.RequireAsync(Policies.Staff);
        var size = Math.Clamp(pageSize, 1, ITimelineService.MaxPageSize);
        var offset = after?.OffsetMinutes ?? (int)Zone.GetUtcOffset(timeProvider.GetUtcNow()).TotalMinutes;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var command = TimelineSql.Build(db.Database.ProviderName != OutreachDbContext.SqliteProviderName, subject, filter, after, offset, Zone, size + 1);
        if (command is null)
        {
            return new TimelinePage([], null);
        }

        var entries = new List<TimelineEntry>(size + 1);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using (var sql = connection.CreateCommand())
        {
            sql.CommandText = command.Sql;
            foreach (var p in command.Parameters)
            {
                var parameter = sql.CreateParameter();
                parameter.ParameterName = p.Name;
                parameter.Value = p.Value;
                sql.Parameters.Add(parameter);
            }

            await using var reader = await sql.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                entries.Add(Read(reader, command, subject, offset));
            }
        }

        if (entries.Count <= size)
        {
            return new TimelinePage(entries, null);
        }

        entries.RemoveAt(size);
        var last = entries[^1];
        return new TimelinePage(entries, new TimelineCursor(last.At.ToUniversalTime(), last.Kind, last.Key, offset));
    }

    private TimelineEntry Read(DbDataReader r, TimelineCommand command, TimelineSubject subject, int offset)
    {
        var kind = (TimelineEntryKind)r.GetInt32(0);
        var key = r.GetString(1);
        var utc = command.ReadInstant(r, 2);
        var isDate = r.GetInt32(3) == 1;
        var target = r.IsDBNull(4) ? (Guid?)null : Guid.Parse(r.GetString(4));
        var title = r.IsDBNull(5) ? "" : r.GetString(5);
        var detail = r.IsDBNull(6) ? null : r.GetString(6);
        var staffName = r.IsDBNull(8) ? null : r.GetString(8);
        var eventStaff = r.IsDBNull(9) ? null : r.GetString(9);
        TimelineVia? via = r.IsDBNull(10) ? null : new TimelineVia(Guid.Parse(r.GetString(10)), r.IsDBNull(11) ? "" : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12));
        InitiatedBy? initiatedBy = r.IsDBNull(13) ? null : Enum.Parse<InitiatedBy>(r.GetString(13));
        ContactChannel? channel = r.IsDBNull(14) ? null : Enum.Parse<ContactChannel>(r.GetString(14));

        // A day-only entry is the start of its day at the timeline's offset: shown at that offset, its date is exact.
        var at = isDate
            ? new DateTimeOffset(utc.UtcDateTime.AddMinutes(offset), TimeSpan.FromMinutes(offset))
            : LibraryTime.ToLocal(utc, Zone);
        IReadOnlyList<string> staff = kind == TimelineEntryKind.Event
            ? [.. (eventStaff ?? "").Split(TimelineSql.NameSeparator, StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.CurrentCulture)]
            : (staffName ?? (kind is TimelineEntryKind.Note or TimelineEntryKind.Merge ? detail : null)) is { } name ? [name] : [];
        var onContact = subject.Kind == TimelineSubjectKind.Contact;
        var (text, more, url) = kind switch
        {
            TimelineEntryKind.Interaction => (title, string.Create(CultureInfo.CurrentCulture, $"{ContactText.Channel(channel)} · initiated by {InteractionText.InitiatedBy(initiatedBy).ToLowerInvariant()}"), $"interactions/{target}"),
            TimelineEntryKind.Event => (title, detail, $"events/{target}"),
            TimelineEntryKind.FollowUpCreated => (title, Due(detail), null),
            TimelineEntryKind.FollowUpDone => (title, null, null),
            TimelineEntryKind.AffiliationStarted => (onContact ? $"Started at {title}" : $"{title} joined", detail, onContact ? $"organizations/{target}" : $"contacts/{target}"),
            TimelineEntryKind.AffiliationEnded => (onContact ? $"Left {title}" : $"{title} left", detail, onContact ? $"organizations/{target}" : $"contacts/{target}"),
            TimelineEntryKind.CommitteeSeatStarted or TimelineEntryKind.CommitteeSeatEnded => (title, detail, null),
            TimelineEntryKind.Note => (Note(title), null, null),
            TimelineEntryKind.Merge => (Merged(title), null, null),
            TimelineEntryKind.Import => ($"From {title}", detail == "Merged" ? "merged into this record" : "added", "import"),
            _ => (title, detail, null),
        };
        return new TimelineEntry(kind, key, at, isDate, text, more, staff, url, via, initiatedBy, channel);
    }

    private static string? Due(string? date) =>
        DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var due) ? $"due {due.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}" : null;

    private static string Note(string changes)
    {
        var notes = AuditService.ParseChanges(changes).FirstOrDefault(c => c.Field == nameof(Contact.Notes))?.New;
        if (string.IsNullOrWhiteSpace(notes))
        {
            return "Notes cleared";
        }

        return notes.Length <= NoteLength ? notes : string.Concat(notes.AsSpan(0, NoteLength), "…");
    }

    private static string Merged(string changes) =>
        AuditService.ParseChanges(changes).FirstOrDefault(c => c.Field == "MergedFrom")?.New is { } from ? $"Merged with {from}" : "Merged with a duplicate";
}
