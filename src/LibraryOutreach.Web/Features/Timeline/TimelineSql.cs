using System.Globalization;
using System.Text;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LibraryOutreach.Web.Features.Timeline;

/// <summary>A parameter of <see cref="TimelineCommand"/>.</summary>
public sealed record TimelineParameter(string Name, object Value);

/// <summary>The SQL of one timeline page and its parameters, for the service and for the raw-SQL benchmark alike.</summary>
public sealed record TimelineCommand(string Sql, IReadOnlyList<TimelineParameter> Parameters, bool IsPostgres)
{
    /// <summary>Sort instants as the provider keeps them: SQLite stores DateTimeOffset as EF's binary ticks.</summary>
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    /// <summary>The "SortKey" column of a row as a UTC instant.</summary>
    public DateTimeOffset ReadInstant(System.Data.Common.DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return IsPostgres
            ? reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime()
            : (DateTimeOffset)Binary.ConvertFromProvider(reader.GetInt64(ordinal))!;
    }

    internal static object Instant(DateTimeOffset value, bool postgres) =>
        postgres ? value.ToUniversalTime() : (long)Binary.ConvertToProvider(value.ToUniversalTime())!;
}

/// <summary>
/// Builds the one query of a timeline page: a UNION ALL of one branch per source (interactions, events attended,
/// follow-ups set and done, affiliations, committee seats, notes and merges from the audit log, imports from the import
/// batches), each already filtered by its subject, the filters and the cursor, ordered and limited to a page, then
/// ordered and limited again; names are joined only for the rows of the page. The order is (sort instant, kind, key),
/// all descending: a total order, so a cursor of the last row shown starts the next page exactly.
/// <para>
/// Day-only dates (affiliation and seat dates, all-day events) sort at the start of their day in the library's time
/// zone, with one UTC offset for the whole timeline (kept in the cursor): SQLite has no time zones, and the hour a
/// daylight-saving change would move them never changes their day.
/// </para>
/// </summary>
public static class TimelineSql
{
    /// <summary>Separates event staff names in the aggregated column (a control character no name contains).</summary>
    public const char NameSeparator = '\u001f';

    public const string Columns = "\"Kind\", \"Key\", \"SortKey\", \"IsDate\", \"TargetId\", \"Title\", \"Detail\", \"StaffId\", \"ViaContactId\", \"ViaRole\", \"InitiatedBy\", \"Channel\"";

    /// <summary>Null when the filter leaves no source (e.g. committee seats on a contact's timeline).</summary>
    public static TimelineCommand? Build(bool postgres, TimelineSubject subject, TimelineFilter filter, TimelineCursor? after, int offsetMinutes, TimeZoneInfo zone, int take)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(zone);
        var b = new Builder(postgres, subject, filter, after, offsetMinutes, zone, take);
        return b.Build();
    }

    private sealed class Builder(bool pg, TimelineSubject subject, TimelineFilter filter, TimelineCursor? after, int offset, TimeZoneInfo zone, int take)
    {
        private readonly List<TimelineParameter> _parameters = [];
        private readonly List<string> _branches = [];

        private bool IsContact => subject.Kind == TimelineSubjectKind.Contact;

        private string NullText => pg ? "NULL::text" : "NULL";

        public TimelineCommand? Build()
        {
            _parameters.Add(new("@subject", pg ? subject.Id : subject.Id.ToString().ToUpperInvariant()));
            _parameters.Add(new("@subjectText", subject.Id.ToString()));
            _parameters.Add(new("@entityType", IsContact ? nameof(Contact) : nameof(Organization)));
            _parameters.Add(new("@take", take));
            _parameters.Add(new("@off", offset));
            if (after is not null)
            {
                _parameters.Add(new("@cAt", TimelineCommand.Instant(after.At, pg)));
                _parameters.Add(new("@cKey", after.Key));
            }

            if (filter.StaffUserId is not null)
            {
                _parameters.Add(new("@staff", filter.StaffUserId));
            }

            if (filter.From is { } from)
            {
                _parameters.Add(new("@from", TimelineCommand.Instant(LibraryTime.StartOfDay(from, zone), pg)));
            }

            if (filter.To is { } to)
            {
                _parameters.Add(new("@to", TimelineCommand.Instant(LibraryTime.StartOfDay(to.AddDays(1), zone), pg)));
            }

            if (filter.InitiatedBy is { } initiated)
            {
                // Stored by name (InteractionConfiguration).
                _parameters.Add(new("@init", initiated.ToString()));
            }

            AddInteractions();
            AddEvents();
            AddFollowUps();
            AddAffiliations();
            AddSeats();
            AddAudit();
            AddImports();
            if (_branches.Count == 0)
            {
                return null;
            }

            var union = string.Join(" UNION ALL ", _branches.Select((sql, i) => $"SELECT * FROM ({sql}) AS b{i}"));
            var sqlText = $"""
                SELECT t."Kind", t."Key", t."SortKey", t."IsDate", t."TargetId", t."Title", t."Detail", t."StaffId", u."DisplayName" AS "StaffName",
                  CASE WHEN t."Kind" = {(int)TimelineEntryKind.Event} THEN (SELECT {Aggregate("su.\"DisplayName\"")} FROM "OutreachEventStaff" s JOIN "AspNetUsers" su ON su."Id" = s."UserId" WHERE s."EventId" = {Uuid("t.\"TargetId\"")}) END AS "EventStaff",
                  t."ViaContactId", vc."DisplayName" AS "ViaName", t."ViaRole", t."InitiatedBy", t."Channel"
                FROM ({union} ORDER BY "SortKey" DESC, "Kind" DESC, "Key" DESC LIMIT @take) AS t
                LEFT JOIN "AspNetUsers" u ON u."Id" = t."StaffId"
                LEFT JOIN "Contacts" vc ON vc."Id" = {Uuid("t.\"ViaContactId\"")}
                ORDER BY t."SortKey" DESC, t."Kind" DESC, t."Key" DESC
                """;
            return new TimelineCommand(sqlText, _parameters, pg);
        }

        private void AddInteractions()
        {
            if (!filter.Includes(TimelineEntryType.Interactions))
            {
                return;
            }

            var extra = new StringBuilder();
            if (filter.StaffUserId is not null)
            {
                extra.Append(" AND i.\"StaffUserId\" = @staff");
            }

            if (filter.InitiatedBy is not null)
            {
                extra.Append(" AND i.\"InitiatedBy\" = @init");
            }

            var own = IsContact ? "i.\"ContactId\" = @subject" : "i.\"OrganizationId\" = @subject";
            Branch(TimelineEntryKind.Interaction, Text("i.\"Id\""), "i.\"OccurredAt\"", "0", Text("i.\"Id\""), "i.\"Summary\"", NullText, "i.\"StaffUserId\"",
                NullText, NullText, "i.\"InitiatedBy\"", "i.\"Channel\"", "\"Interactions\" i", own + extra);
            if (!IsContact)
            {
                // A person's touches while they were affiliated with the organization (its own touches are above).
                var within = $"a.\"OrganizationId\" = @subject AND (i.\"OrganizationId\" IS NULL OR i.\"OrganizationId\" <> @subject)"
                    + $" AND (a.\"StartDate\" IS NULL OR i.\"OccurredAt\" >= {DayStart("a.\"StartDate\"", 0)})"
                    + $" AND (a.\"EndDate\" IS NULL OR i.\"OccurredAt\" < {DayStart("a.\"EndDate\"", 1)})";
                Branch(TimelineEntryKind.Interaction, $"{Text("i.\"Id\"")} || ':' || {Text("a.\"Id\"")}", "i.\"OccurredAt\"", "0", Text("i.\"Id\""), "i.\"Summary\"", NullText, "i.\"StaffUserId\"",
                    Text("a.\"ContactId\""), "a.\"Role\"", "i.\"InitiatedBy\"", "i.\"Channel\"",
                    "\"Affiliations\" a JOIN \"Interactions\" i ON i.\"ContactId\" = a.\"ContactId\"", within + extra);
            }
        }

        private void AddEvents()
        {
            if (!filter.Includes(TimelineEntryType.Events))
            {
                return;
            }

            var sort = $"COALESCE(e.\"StartsAt\", {DayStart("e.\"StartDate\"", 0)})";
            var isDate = "CASE WHEN e.\"StartsAt\" IS NULL THEN 1 ELSE 0 END";
            var staff = filter.StaffUserId is null ? "" : " AND EXISTS (SELECT 1 FROM \"OutreachEventStaff\" es WHERE es.\"EventId\" = e.\"Id\" AND es.\"UserId\" = @staff)";
            var from = IsContact
                ? "\"OutreachEventContacts\" x JOIN \"OutreachEvents\" e ON e.\"Id\" = x.\"EventId\" JOIN \"EventTypes\" et ON et.\"Id\" = e.\"TypeId\""
                : "\"OutreachEventOrganizations\" x JOIN \"OutreachEvents\" e ON e.\"Id\" = x.\"EventId\" JOIN \"EventTypes\" et ON et.\"Id\" = e.\"TypeId\"";
            var own = IsContact ? "x.\"ContactId\" = @subject" : "x.\"OrganizationId\" = @subject";
            Branch(TimelineEntryKind.Event, Text("e.\"Id\""), sort, isDate, Text("e.\"Id\""), "e.\"Title\"", "et.\"Name\"", NullText, NullText, NullText, NullText, NullText, from, own + staff);
            if (!IsContact)
            {
                // Events a person attended while affiliated, unless the organization itself was involved (above).
                var within = "a.\"OrganizationId\" = @subject"
                    + " AND NOT EXISTS (SELECT 1 FROM \"OutreachEventOrganizations\" eo WHERE eo.\"EventId\" = e.\"Id\" AND eo.\"OrganizationId\" = @subject)"
                    + " AND (a.\"StartDate\" IS NULL OR e.\"StartDate\" >= a.\"StartDate\") AND (a.\"EndDate\" IS NULL OR e.\"StartDate\" <= a.\"EndDate\")";
                Branch(TimelineEntryKind.Event, $"{Text("e.\"Id\"")} || ':' || {Text("a.\"Id\"")}", sort, isDate, Text("e.\"Id\""), "e.\"Title\"", "et.\"Name\"", NullText,
                    Text("a.\"ContactId\""), "a.\"Role\"", NullText, NullText,
                    "\"Affiliations\" a JOIN \"OutreachEventContacts\" x ON x.\"ContactId\" = a.\"ContactId\" JOIN \"OutreachEvents\" e ON e.\"Id\" = x.\"EventId\" JOIN \"EventTypes\" et ON et.\"Id\" = e.\"TypeId\"",
                    within + staff);
            }
        }

        private void AddFollowUps()
        {
            if (!filter.Includes(TimelineEntryType.FollowUps))
            {
                return;
            }

            var own = IsContact ? "f.\"ContactId\" = @subject" : "f.\"OrganizationId\" = @subject";
            var due = pg ? "f.\"DueDate\"::text" : "f.\"DueDate\"";
            Branch(TimelineEntryKind.FollowUpCreated, Text("f.\"Id\""), "f.\"CreatedAt\"", "0", Text("f.\"Id\""), "f.\"Title\"", due, "f.\"AssigneeId\"",
                NullText, NullText, NullText, NullText, "\"FollowUps\" f", own + (filter.StaffUserId is null ? "" : " AND f.\"AssigneeId\" = @staff"));
            Branch(TimelineEntryKind.FollowUpDone, Text("f.\"Id\""), "f.\"DoneAt\"", "0", Text("f.\"Id\""), "f.\"Title\"", due, "f.\"DoneById\"",
                NullText, NullText, NullText, NullText, "\"FollowUps\" f", own + " AND f.\"DoneAt\" IS NOT NULL" + (filter.StaffUserId is null ? "" : " AND f.\"DoneById\" = @staff"));
        }

        private void AddAffiliations()
        {
            if (!filter.Includes(TimelineEntryType.Affiliations))
            {
                return;
            }

            var (from, own, target, name) = IsContact
                ? ("\"Affiliations\" a JOIN \"Organizations\" o ON o.\"Id\" = a.\"OrganizationId\"", "a.\"ContactId\" = @subject", Text("a.\"OrganizationId\""), "o.\"Name\"")
                : ("\"Affiliations\" a JOIN \"Contacts\" o ON o.\"Id\" = a.\"ContactId\"", "a.\"OrganizationId\" = @subject", Text("a.\"ContactId\""), "o.\"DisplayName\"");
            Branch(TimelineEntryKind.AffiliationStarted, Text("a.\"Id\""), DayStart("a.\"StartDate\"", 0), "1", target, name, "a.\"Role\"", "a.\"CreatedById\"",
                NullText, NullText, NullText, NullText, from, own + " AND a.\"StartDate\" IS NOT NULL" + (filter.StaffUserId is null ? "" : " AND a.\"CreatedById\" = @staff"));
            Branch(TimelineEntryKind.AffiliationEnded, Text("a.\"Id\""), DayStart("a.\"EndDate\"", 0), "1", target, name, "a.\"Role\"", "a.\"UpdatedById\"",
                NullText, NullText, NullText, NullText, from, own + " AND a.\"EndDate\" IS NOT NULL" + (filter.StaffUserId is null ? "" : " AND a.\"UpdatedById\" = @staff"));
        }

        private void AddSeats()
        {
            if (IsContact || !filter.Includes(TimelineEntryType.CommitteeSeats))
            {
                return;
            }

            var staff = filter.StaffUserId is null ? "" : " AND s.\"StaffUserId\" = @staff";
            Branch(TimelineEntryKind.CommitteeSeatStarted, Text("s.\"Id\""), DayStart("s.\"TermStart\"", 0), "1", NullText, "s.\"Role\"", "s.\"MeetingCadence\"", "s.\"StaffUserId\"",
                NullText, NullText, NullText, NullText, "\"CommitteeSeats\" s", "s.\"OrganizationId\" = @subject AND s.\"TermStart\" IS NOT NULL" + staff);
            Branch(TimelineEntryKind.CommitteeSeatEnded, Text("s.\"Id\""), DayStart("s.\"TermEnd\"", 0), "1", NullText, "s.\"Role\"", "s.\"MeetingCadence\"", "s.\"StaffUserId\"",
                NullText, NullText, NullText, NullText, "\"CommitteeSeats\" s", "s.\"OrganizationId\" = @subject AND s.\"TermEnd\" IS NOT NULL" + staff);
        }

        private void AddAudit()
        {
            var key = pg ? "lpad(x.\"Id\"::text, 20, '0')" : "printf('%020d', x.\"Id\")";
            var staff = filter.StaffUserId is null ? "" : " AND x.\"UserId\" = @staff";
            const string Subject = "x.\"EntityType\" = @entityType AND x.\"EntityId\" = @subjectText";
            if (filter.Includes(TimelineEntryType.Notes))
            {
                // The audit's changes are JSON with camelCase names (AuditInterceptor): a save that touched the notes.
                Branch(TimelineEntryKind.Note, key, "x.\"At\"", "0", NullText, "x.\"Changes\"", "x.\"UserName\"", "x.\"UserId\"", NullText, NullText, NullText, NullText,
                    "\"AuditEntries\" x", $"{Subject} AND x.\"Action\" IN ('{AuditActions.Created}', '{AuditActions.Updated}') AND x.\"Changes\" LIKE '%\"field\":\"Notes\"%'" + staff);
            }

            if (filter.Includes(TimelineEntryType.Merges))
            {
                Branch(TimelineEntryKind.Merge, key, "x.\"At\"", "0", NullText, "x.\"Changes\"", "x.\"UserName\"", "x.\"UserId\"", NullText, NullText, NullText, NullText,
                    "\"AuditEntries\" x", $"{Subject} AND x.\"Action\" = '{AuditActions.Merged}'" + staff);
            }
        }

        private void AddImports()
        {
            if (!filter.Includes(TimelineEntryType.Imports))
            {
                return;
            }

            // An import audits only its batch (docs/adr/0007): the batch's items say which records it added or merged.
            Branch(TimelineEntryKind.Import, Text("it.\"Id\""), "ib.\"CreatedAt\"", "0", NullText, "ib.\"FileName\"", "it.\"Action\"", "ib.\"CreatedById\"", NullText, NullText, NullText, NullText,
                "\"ImportBatchItems\" it JOIN \"ImportBatches\" ib ON ib.\"Id\" = it.\"BatchId\"",
                "it.\"EntityType\" = @entityType AND it.\"EntityId\" = @subject" + (filter.StaffUserId is null ? "" : " AND ib.\"CreatedById\" = @staff"));
        }

        private void Branch(
            TimelineEntryKind kind, string key, string sort, string isDate, string target, string title, string detail, string staff,
            string via, string viaRole, string initiatedBy, string channel, string from, string where)
        {
            var conditions = new StringBuilder(where);
            if (after is not null)
            {
                // Rows after the cursor in (sort, kind, key) descending order; the "<=" alone lets an index on the sort column seek.
                conditions.Append(CultureInfo.InvariantCulture, $" AND {sort} <= @cAt");
                if (kind == after.Kind)
                {
                    conditions.Append(CultureInfo.InvariantCulture, $" AND ({sort} < @cAt OR {key} < @cKey)");
                }
                else if (kind > after.Kind)
                {
                    conditions.Append(CultureInfo.InvariantCulture, $" AND {sort} < @cAt");
                }
            }

            if (filter.From is not null)
            {
                conditions.Append(CultureInfo.InvariantCulture, $" AND {sort} >= @from");
            }

            if (filter.To is not null)
            {
                conditions.Append(CultureInfo.InvariantCulture, $" AND {sort} < @to");
            }

            _branches.Add(
                $"SELECT {(int)kind} AS \"Kind\", {key} AS \"Key\", {sort} AS \"SortKey\", {isDate} AS \"IsDate\", {target} AS \"TargetId\", {title} AS \"Title\", "
                + $"{detail} AS \"Detail\", {staff} AS \"StaffId\", {via} AS \"ViaContactId\", {viaRole} AS \"ViaRole\", {initiatedBy} AS \"InitiatedBy\", {channel} AS \"Channel\" "
                + $"FROM {from} WHERE {conditions} ORDER BY \"SortKey\" DESC, \"Key\" DESC LIMIT @take");
        }

        /// <summary>A key or id as text (SQLite already keeps GUIDs as text).</summary>
        private string Text(string expression) => pg ? $"{expression}::text" : expression;

        private string Uuid(string expression) => pg ? $"{expression}::uuid" : expression;

        private string Aggregate(string expression) =>
            pg ? $"string_agg({expression}, chr(31))" : $"group_concat({expression}, char(31))";

        /// <summary>The start of a day-only date (plus <paramref name="days"/>) as a sort instant, at the timeline's UTC offset.</summary>
        private string DayStart(string date, int days) => pg
            ? $"((({date} + {days})::timestamp AT TIME ZONE 'UTC') - make_interval(mins => @off))"
            // EF's binary DateTimeOffset for offset 0: (ticks / 1000) << 11; julianday 1721425.5 is 0001-01-01, a day is 864,000,000 × 1000 ticks.
            : $"(((CAST(julianday({date}) - 1721425.5 AS INTEGER) + {days}) * 864000000 - @off * 600000) * 2048)";
    }
}
