using System.Globalization;
using System.Text.Json;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>One of the two records of a merge as the person saw it: the version is what the merge checks.</summary>
public sealed record MergeSide(Guid Id, Guid Version, string Name, bool IsArchived);

/// <summary>One kind of linked item (affiliations, tags…): how many each record has and how many move to the survivor.</summary>
public sealed record MergeCount(string Label, int Survivor, int Duplicate, int Moving);

/// <summary>
/// What merging <see cref="Duplicate"/> into <see cref="Survivor"/> moves (before: the preview; after: what moved).
/// Items the survivor already has are not counted as moving.
/// </summary>
public sealed record MergeSummary(
    MergeSide Survivor,
    MergeSide Duplicate,
    IReadOnlyList<MergeCount> Counts,
    IReadOnlyList<string> FilledFields,
    bool NotesAppended);

/// <summary>The live record that a merged record now lives on.</summary>
public sealed record MergedInto(Guid Id, string Name);

/// <summary>Rules and messages shared by the contact and organization merges.</summary>
public static class RecordMerging
{
    /// <summary>Error key of the duplicate picker in the merge dialogs.</summary>
    public const string DuplicateKey = "DuplicateId";

    public const string IntoItself = "A record can't be merged into itself. Choose the other copy as the duplicate.";

    /// <summary>The merge dialogs' message when "Merge" is pressed without the confirmation ticked.</summary>
    public const string ConfirmRequired = "Tick the box to confirm the merge.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The merge dialogs' message when "Merge" is pressed before a duplicate is chosen.</summary>
    public static string ChooseDuplicate(string kind, string survivorName) => $"Choose the duplicate {kind} to merge into {survivorName}.";

    public static string SurvivorAlreadyMerged(string name, string into) =>
        $"{name} was itself merged into {into}. Open {into} and merge into it instead.";

    public static string DuplicateAlreadyMerged(string name, string into) =>
        $"{name} was already merged into {into}. There is nothing left to merge.";

    public static string NotesTooLong(int length) => string.Create(
        CultureInfo.InvariantCulture,
        $"Together the notes would be {length} characters, more than the {FieldLimits.Notes} allowed. Shorten the notes of one of the two records first. Nothing was merged.");

    public static string Changed(string? changedBy, string name) =>
        $"{changedBy ?? "Someone"} changed {name} after you opened the merge. Nothing was merged: check the summary and confirm again.";

    /// <summary>
    /// Follows <c>MergedIntoId</c> from <paramref name="mergedId"/> to the live record (<paramref name="find"/> reads one
    /// record's name and MergedIntoId, null when missing). Null when the record was not merged or the trail ends in a
    /// deleted record. Merges re-point earlier merges, so one step is the rule; a few more cover older data.
    /// </summary>
    public static async Task<MergedInto?> FollowAsync(Guid mergedId, Func<Guid, Task<(string Name, Guid? MergedIntoId)?>> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        var id = mergedId;
        for (var step = 0; step < 8; step++)
        {
            if (await find(id) is not { } row)
            {
                return null;
            }

            if (row.MergedIntoId is not { } next)
            {
                return step == 0 ? null : new MergedInto(id, row.Name);
            }

            id = next;
        }

        return null;
    }

    /// <summary>Refuses a record merged into itself (before anything is loaded).</summary>
    public static void RefuseSelfMerge(Guid survivorId, Guid duplicateId)
    {
        if (survivorId == duplicateId)
        {
            throw new RecordValidationException(new Dictionary<string, string>(StringComparer.Ordinal) { [DuplicateKey] = IntoItself });
        }
    }

    /// <summary>
    /// The survivor's notes with the duplicate's appended under a separator line naming it; the survivor's notes when the
    /// duplicate has none. Refused when the result would not fit.
    /// </summary>
    public static string? AppendNotes(string? survivorNotes, string? duplicateNotes, string duplicateName, DateOnly mergedOn)
    {
        ArgumentNullException.ThrowIfNull(duplicateName);
        if (string.IsNullOrWhiteSpace(duplicateNotes))
        {
            return survivorNotes;
        }

        var separator = string.Create(CultureInfo.InvariantCulture, $"--- Notes merged from {duplicateName} on {mergedOn:yyyy-MM-dd} ---");
        var combined = string.IsNullOrWhiteSpace(survivorNotes)
            ? $"{separator}\n{duplicateNotes.Trim()}"
            : $"{survivorNotes.TrimEnd()}\n\n{separator}\n{duplicateNotes.Trim()}";
        if (combined.Length > FieldLimits.Notes)
        {
            throw new RecordValidationException(NotesTooLong(combined.Length));
        }

        return combined;
    }

    /// <summary>True when two roles name the same thing (case and spacing aside), or one of them is blank.</summary>
    public static bool SameRole(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) || string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Makes the save check <paramref name="version"/> (the copy the person saw) and always move the record's version on,
    /// also when only linked rows changed (same rule as the services' edits, ADR 0005).
    /// </summary>
    public static void ExpectVersion<T>(DbContext db, T record, Guid version)
        where T : class, ITrackedEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = db.Entry(record);
        entry.Property(r => r.Version).OriginalValue = version;
        entry.Property(r => r.UpdatedAt).IsModified = true;
    }

    /// <summary>The "Merged" audit entry for the survivor: the duplicate's name and id, and what moved.</summary>
    public static AuditEntry AuditEntry(AuditUser user, DateTimeOffset at, string entityType, MergeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(summary);
        var changes = new List<AuditChange>
        {
            new("MergedFrom", null, $"{summary.Duplicate.Name} ({summary.Duplicate.Id})"),
        };
        changes.AddRange(summary.Counts.Where(c => c.Moving > 0).Select(c => new AuditChange(c.Label, null, string.Create(CultureInfo.InvariantCulture, $"{c.Moving} moved"))));
        if (summary.FilledFields.Count > 0)
        {
            changes.Add(new AuditChange("FilledFromDuplicate", null, string.Join(", ", summary.FilledFields)));
        }

        if (summary.NotesAppended)
        {
            changes.Add(new AuditChange("NotesAppended", null, "Yes"));
        }

        return new AuditEntry
        {
            At = at,
            UserId = user.UserId,
            UserName = user.Name,
            Action = AuditActions.Merged,
            EntityType = entityType,
            EntityId = summary.Survivor.Id.ToString(),
            Changes = JsonSerializer.Serialize(changes, JsonOptions),
        };
    }
}
