using System.Globalization;
using System.Security.Claims;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>
/// Imports contacts and organizations from CSV or vCard (see <see cref="ImportParser"/>). <see cref="PreviewAsync"/> writes
/// nothing; <see cref="ImportAsync"/> writes one batch in one transaction; <see cref="UndoAsync"/> reverses a batch for
/// <see cref="UndoDays"/> days. Every method requires <see cref="Policies.Staff"/>.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider) : IImportService
{
    public const int UndoDays = 30;
    public const string ContactEntity = "Contact";
    public const string OrganizationEntity = "Organization";
    public const string AffiliationEntity = "Affiliation";
    public const string Added = "Added";
    public const string Merged = "Merged";

    /// <summary>What an import's save audits (see <see cref="OutreachDbContext.AuditOnly"/>); tags are not undone, so each new one is audited.</summary>
    private static readonly IReadOnlySet<Type> ImportAudited = new HashSet<Type> { typeof(ImportBatch), typeof(Tag) };

    public async Task<ImportPreview> PreviewAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        await guard.RequireAsync(Policies.Staff);
        var bytes = await ImportFileReader.ReadAllBytesAsync(file, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await PlanAsync(db, bytes, kind, mapping, ct);
        var rows = plan.Rows.Select(r => r.Preview).ToList();
        return new ImportPreview(
            kind,
            plan.Format,
            plan.EncodingName,
            plan.NeedsMapping,
            plan.Headers,
            rows.Count,
            rows.Take(ImportPreview.FirstRowCount).ToList(),
            rows.Where(r => r.Errors.Count > 0).ToList(),
            rows.Where(r => r.Duplicate is not null).ToList());
    }

    /// <summary>
    /// Imports every row without errors: rows without a duplicate are created unless <paramref name="choices"/> says Skip;
    /// rows with a duplicate follow their choice (default: the suggested action, Merge). Rows with errors are skipped and
    /// returned in <see cref="ImportResult.Errors"/>. Throws <see cref="ImportRefusedException"/> when the headers need a mapping.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        Stream file,
        string fileName,
        ImportKind kind,
        ColumnMapping? mapping,
        IReadOnlyDictionary<int, ImportAction> choices,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(choices);
        var user = await guard.RequireAsync(Policies.Staff);
        var bytes = await ImportFileReader.ReadAllBytesAsync(file, ct);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await PlanAsync(db, bytes, kind, mapping, ct);
        if (plan.NeedsMapping)
        {
            throw new ImportRefusedException("The columns of this file were not recognised. Choose which field each column fills.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Thousands of records are added: no automatic change detection (each pass reads every tracked entry, on every
        // Add, Entries() and save). BatchWriter tells the context about every change itself; the stamping and audit
        // interceptors, like SaveChanges, then skip their detection pass too.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One audit entry for the import (the batch: file, counts, who, when) and one per new tag, not one per contact,
        // email, phone, tag link and affiliation: the batch's items are the detailed record, and what Undo uses.
        db.AuditOnly = ImportAudited;
        var writer = new BatchWriter(db, plan, await LoadTagsAsync(db, ct), await OtherTypeIdAsync(db, ct));
        var decided = plan.Rows.Where(r => r.Preview.Errors.Count == 0).Select(r => (Row: r, Action: Decide(r.Preview, choices))).ToList();
        await writer.PreloadMergeTargetsAsync(decided, ct);
        foreach (var (row, action) in decided)
        {
            await writer.WriteAsync(row, action, ct);
        }

        var batch = writer.Batch;
        batch.Kind = kind == ImportKind.Contacts ? "contacts" : "organizations";
        batch.FileName = Path.GetFileName(fileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 260)] : "import";
        batch.Format = plan.Format;
        batch.RowCount = plan.Rows.Count;
        batch.SkippedCount = plan.Rows.Count - batch.AddedCount - batch.MergedCount;
        var errors = plan.Rows.SelectMany(r => r.Preview.Errors.Select(e => new ImportRowError(r.Preview.RowNumber, e))).ToList();
        if (batch.AddedCount + batch.MergedCount == 0)
        {
            return new ImportResult(null, plan.Format, plan.Rows.Count, 0, 0, batch.SkippedCount, errors);
        }

        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(batch.Id, plan.Format, batch.RowCount, batch.AddedCount, batch.MergedCount, batch.SkippedCount, errors);
    }

    /// <summary>
    /// Removes what the batch added (contacts, organizations, affiliations) and restores merged records to their state
    /// before the import. Refused when already undone, older than <see cref="UndoDays"/> days, or not the caller's to undo
    /// (Staff undo their own imports; Supervisors and Admins any).
    /// </summary>
    public async Task UndoAsync(Guid batchId, CancellationToken ct)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var batch = await db.ImportBatches.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == batchId, ct)
            ?? throw new RecordNotFoundException("That import no longer exists.");
        if (!RecordPermissions.CanEdit(user, batch))
        {
            throw new AccessDeniedException("Only the person who made this import, a Supervisor or an Admin can undo it.");
        }

        if (batch.UndoneAt is { } undoneAt)
        {
            throw new ImportRefusedException($"This import was already undone on {FormatDate(undoneAt)}.");
        }

        var now = timeProvider.GetUtcNow();
        if (now - batch.CreatedAt > TimeSpan.FromDays(UndoDays))
        {
            throw new ImportRefusedException(
                $"Imports can be undone for {UndoDays} days. This one was made on {FormatDate(batch.CreatedAt)}; change the records by hand instead.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tagIds = (await db.Tags.Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        Guid[] Ids(string entity, string action) => batch.Items.Where(i => i.EntityType == entity && i.Action == action).Select(i => i.EntityId).ToArray();
        var inLog = await OutreachLogUses.OfContactsAsync(db, Ids(ContactEntity, Added), ct)
            + await OutreachLogUses.OfOrganizationsAsync(db, Ids(OrganizationEntity, Added), ct);
        if (inLog > 0)
        {
            throw new ImportRefusedException(string.Create(
                CultureInfo.InvariantCulture,
                $"Records this import added now appear {inLog} time(s) in the outreach log, so undoing it would delete history. Archive those records instead."));
        }

        var affiliationIds = Ids(AffiliationEntity, Added);
        db.Affiliations.RemoveRange(await db.Affiliations.Where(a => EF.Parameter(affiliationIds).Contains(a.Id)).ToListAsync(ct));
        var addedContacts = Ids(ContactEntity, Added);
        db.Contacts.RemoveRange(await db.Contacts.Where(c => EF.Parameter(addedContacts).Contains(c.Id)).ToListAsync(ct));
        var addedOrganizations = Ids(OrganizationEntity, Added);
        db.Organizations.RemoveRange(await db.Organizations.Where(o => EF.Parameter(addedOrganizations).Contains(o.Id)).ToListAsync(ct));

        foreach (var item in batch.Items.Where(i => i.Action == Merged && i.PreviousState is not null))
        {
            if (item.EntityType == ContactEntity)
            {
                var contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).SingleOrDefaultAsync(c => c.Id == item.EntityId, ct);
                if (contact is not null)
                {
                    ImportSnapshots.Restore(contact, item.PreviousState!, tagIds);
                }
            }
            else if (item.EntityType == OrganizationEntity)
            {
                var organization = await db.Organizations.Include(o => o.Tags).SingleOrDefaultAsync(o => o.Id == item.EntityId, ct);
                if (organization is not null)
                {
                    ImportSnapshots.Restore(organization, item.PreviousState!, tagIds);
                }
            }
        }

        batch.UndoneAt = now;
        batch.UndoneById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The most recent batches, newest first.</summary>
    public async Task<IReadOnlyList<ImportBatchRow>> ListBatchesAsync(int take, CancellationToken ct)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var userIds = batches.Select(b => b.CreatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return batches
            .Select(b => new ImportBatchRow(
                b.Id,
                b.Kind,
                b.FileName,
                b.Format,
                b.CreatedAt,
                b.CreatedById is { } id ? names.GetValueOrDefault(id) : null,
                b.RowCount,
                b.AddedCount,
                b.MergedCount,
                b.SkippedCount,
                b.UndoneAt,
                CanUndo: b.UndoneAt is null && now - b.CreatedAt <= TimeSpan.FromDays(UndoDays) && RecordPermissions.CanEdit(user, b)))
            .ToList();
    }

    private static ImportAction Decide(ImportPreviewRow row, IReadOnlyDictionary<int, ImportAction> choices)
    {
        var choice = choices.TryGetValue(row.RowNumber, out var chosen) ? chosen : row.SuggestedAction;
        return row.Duplicate is null && choice == ImportAction.Merge ? ImportAction.Create : choice;
    }

    private static string FormatDate(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, Tag>> LoadTagsAsync(OutreachDbContext db, CancellationToken ct) =>
        (await db.Tags.ToListAsync(ct))
            .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.IsArchived).First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The type given to organizations created from a contact's organization column or with an unknown type: "Other".</summary>
    private static async Task<Guid> OtherTypeIdAsync(OutreachDbContext db, CancellationToken ct)
    {
        var types = await db.OrganizationTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var other = OrganizationTypeConfiguration.Defaults.Single(d => d.Name == "Other").Id;
        return types.FirstOrDefault(t => t.Id == other)?.Id
            ?? types.FirstOrDefault(t => t.Name.Equals("Other", StringComparison.OrdinalIgnoreCase))?.Id
            ?? types.FirstOrDefault()?.Id
            ?? throw new ImportRefusedException("There are no organization types. An Admin needs to add one first.");
    }

    private static async Task<ImportPlan> PlanAsync(OutreachDbContext db, byte[] bytes, ImportKind kind, ColumnMapping? mapping, CancellationToken ct)
    {
        var organizations = new OrganizationDuplicateIndex();
        foreach (var o in await db.Organizations.AsNoTracking().Where(o => o.MergedIntoId == null).Select(o => new { o.Id, o.Name, o.EmailDomains }).ToListAsync(ct))
        {
            organizations.Add(o.Id, o.Name, o.EmailDomains);
        }

        var types = (await db.OrganizationTypes.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

        if (kind == ImportKind.Organizations)
        {
            var parsed = ImportParser.ParseOrganizations(bytes, mapping);
            var rows = new List<PlannedRow>(parsed.Rows.Count);
            foreach (var row in parsed.Rows)
            {
                var record = row.Record;
                var duplicate = record is null ? null : organizations.Find(record);
                var newId = Guid.CreateVersion7();
                if (record is not null && duplicate is null)
                {
                    organizations.Add(newId, record);
                }

                rows.Add(new PlannedRow(
                    new ImportPreviewRow(row.RowNumber, record?.Name ?? "", record?.Email, record?.Phone, null, row.Errors.Select(e => e.Message).ToList(), duplicate, Suggest(record, duplicate)),
                    null,
                    record,
                    newId));
            }

            return new ImportPlan(parsed.Format, parsed.EncodingName, parsed.Headers, parsed.NeedsMapping, rows, organizations, types);
        }

        var contacts = new ContactDuplicateIndex();
        // Three flat reads (people, then their emails and phones), not one query with two collections per person.
        var existing = await db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null).OrderBy(c => c.Id).Select(c => new { c.Id, c.DisplayName }).ToListAsync(ct);
        var emails = (await db.ContactEmails.AsNoTracking().OrderBy(e => e.ContactId).Select(e => new { e.ContactId, e.NormalizedAddress }).ToListAsync(ct))
            .ToLookup(e => e.ContactId, e => e.NormalizedAddress);
        var phones = (await db.ContactPhones.AsNoTracking().OrderBy(p => p.ContactId).Select(p => new { p.ContactId, p.Normalized }).ToListAsync(ct))
            .ToLookup(p => p.ContactId, p => p.Normalized);
        foreach (var c in existing)
        {
            contacts.Add(c.Id, c.DisplayName, emails[c.Id], phones[c.Id]);
        }

        var parsedContacts = ImportParser.ParseContacts(bytes, mapping);
        var contactRows = new List<PlannedRow>(parsedContacts.Rows.Count);
        foreach (var row in parsedContacts.Rows)
        {
            var record = row.Record;
            var duplicate = record is null ? null : contacts.Find(record);
            var newId = Guid.CreateVersion7();
            if (record is not null && duplicate is null)
            {
                // Later rows of the same file that repeat this person are duplicates of this row.
                contacts.Add(newId, record with { DisplayName = $"{record.DisplayName} (row {row.RowNumber.ToString(CultureInfo.InvariantCulture)} of this file)" });
            }

            contactRows.Add(new PlannedRow(
                new ImportPreviewRow(
                    row.RowNumber,
                    record?.DisplayName ?? "",
                    record is { Emails.Count: > 0 } ? record.Emails[0].Address : null,
                    record is { Phones.Count: > 0 } ? record.Phones[0].Number : null,
                    record?.Organization,
                    row.Errors.Select(e => e.Message).ToList(),
                    duplicate,
                    Suggest(record, duplicate)),
                record,
                null,
                newId));
        }

        return new ImportPlan(parsedContacts.Format, parsedContacts.EncodingName, parsedContacts.Headers, parsedContacts.NeedsMapping, contactRows, organizations, types);
    }

    private static ImportAction Suggest(object? record, DuplicateMatch? duplicate) =>
        record is null ? ImportAction.Skip : duplicate is null ? ImportAction.Create : ImportAction.Merge;

    /// <summary>A row and, when it creates a record, the id that record gets (later rows of the file may match it).</summary>
    internal sealed record PlannedRow(ImportPreviewRow Preview, ImportedContact? Contact, ImportedOrganization? Organization, Guid NewId);

    internal sealed record ImportPlan(
        string Format,
        string EncodingName,
        IReadOnlyList<string> Headers,
        bool NeedsMapping,
        IReadOnlyList<PlannedRow> Rows,
        OrganizationDuplicateIndex Organizations,
        IReadOnlyDictionary<string, Guid> TypesByName);
}
