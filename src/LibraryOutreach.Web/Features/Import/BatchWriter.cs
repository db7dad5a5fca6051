using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>
/// Applies planned rows to a context (nothing is saved here): creates records, merges into duplicates (fill empty
/// fields, add new emails/phones/tags) with a snapshot of each merged record, creates missing tags, and links contacts
/// to their organization (found by name or created). Every record added or merged becomes an <see cref="ImportBatchItem"/>.
/// </summary>
internal sealed class BatchWriter(
    OutreachDbContext db,
    ImportService.ImportPlan plan,
    Dictionary<string, Tag> tags,
    Guid otherTypeId)
{
    private readonly Dictionary<Guid, Contact> _contacts = [];
    private readonly Dictionary<Guid, Organization> _organizations = [];
    private readonly HashSet<Guid> _added = [];
    private readonly HashSet<Guid> _snapshotted = [];
    private readonly HashSet<Guid> _preloaded = [];

    /// <summary>Ids per preload query, sent as one array parameter (EF.Parameter): SQL for hundreds of separate parameters costs more to make than to run.</summary>
    private const int PreloadChunk = 500;

    public ImportBatch Batch { get; } = new();

    /// <summary>
    /// Loads (tracked) every existing record that <paramref name="rows"/> merge into, a few hundred ids per query, so
    /// writing does not query once per merged row. Ids not found (records of this file, or deleted) stay unknown and
    /// are created, as before.
    /// </summary>
    public async Task PreloadMergeTargetsAsync(IEnumerable<(ImportService.PlannedRow Row, ImportAction Action)> rows, CancellationToken ct)
    {
        var targets = rows.Where(r => r.Action == ImportAction.Merge && r.Row.Preview.Duplicate is not null).ToList();
        var contactIds = targets.Where(r => r.Row.Contact is not null).Select(r => r.Row.Preview.Duplicate!.ExistingId).Distinct().ToList();
        var organizationIds = targets.Where(r => r.Row.Organization is not null).Select(r => r.Row.Preview.Duplicate!.ExistingId).Distinct().ToList();
        foreach (var chunk in contactIds.Chunk(PreloadChunk))
        {
            foreach (var contact in await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).Include(c => c.Affiliations)
                .AsSplitQuery()
                .Where(c => EF.Parameter(chunk).Contains(c.Id))
                .ToListAsync(ct))
            {
                _contacts[contact.Id] = contact;
            }
        }

        foreach (var chunk in organizationIds.Chunk(PreloadChunk))
        {
            foreach (var organization in await db.Organizations.Include(o => o.Tags).AsSplitQuery().Where(o => EF.Parameter(chunk).Contains(o.Id)).ToListAsync(ct))
            {
                _organizations[organization.Id] = organization;
            }
        }

        _preloaded.UnionWith(contactIds);
        _preloaded.UnionWith(organizationIds);
    }

    public async Task WriteAsync(ImportService.PlannedRow row, ImportAction action, CancellationToken ct)
    {
        if (action == ImportAction.Skip)
        {
            return;
        }

        if (row.Contact is { } contact)
        {
            await WriteContactAsync(row, contact, action, ct);
        }
        else if (row.Organization is { } organization)
        {
            await WriteOrganizationAsync(row, organization, action, ct);
        }
    }

    private async Task WriteContactAsync(ImportService.PlannedRow row, ImportedContact imported, ImportAction action, CancellationToken ct)
    {
        Contact? entity = null;
        if (action == ImportAction.Merge && row.Preview.Duplicate is { } duplicate)
        {
            entity = await FindContactAsync(duplicate.ExistingId, ct);
            if (entity is not null)
            {
                Snapshot(ImportService.ContactEntity, entity.Id, () => ImportSnapshots.Capture(entity));
                MergeInto(entity, imported);
                DetectChanges(entity);
                Batch.MergedCount++;
            }
        }

        if (entity is null)
        {
            entity = new Contact
            {
                Id = row.NewId,
                FirstName = imported.FirstName,
                LastName = imported.LastName,
                DisplayName = imported.DisplayName,
                Title = imported.Title,
                Notes = imported.Notes,
            };
            db.Contacts.Add(entity);
            MergeInto(entity, imported);
            _contacts[entity.Id] = entity;
            Added(ImportService.ContactEntity, entity.Id);
        }

        foreach (var name in imported.Tags)
        {
            var tag = TagNamed(name);
            if (!entity.Tags.Any(t => t.TagId == tag.Id))
            {
                var link = new ContactTag { ContactId = entity.Id, TagId = tag.Id };
                entity.Tags.Add(link);
                AddChild(link);
            }
        }

        if (imported.Organization is { } organizationName)
        {
            var organizationId = plan.Organizations.FindByName(organizationName) ?? CreateOrganization(organizationName);
            if (!entity.Affiliations.Any(a => a.OrganizationId == organizationId && a.EndDate is null))
            {
                var affiliation = new Affiliation { ContactId = entity.Id, OrganizationId = organizationId, Role = imported.Title };
                db.Affiliations.Add(affiliation);
                entity.Affiliations.Add(affiliation);
                Batch.Items.Add(new ImportBatchItem { EntityType = ImportService.AffiliationEntity, EntityId = affiliation.Id, Action = ImportService.Added });
            }
        }
    }

    private async Task WriteOrganizationAsync(ImportService.PlannedRow row, ImportedOrganization imported, ImportAction action, CancellationToken ct)
    {
        if (action == ImportAction.Merge && row.Preview.Duplicate is { } duplicate && await FindOrganizationAsync(duplicate.ExistingId, ct) is { } existing)
        {
            Snapshot(ImportService.OrganizationEntity, existing.Id, () => ImportSnapshots.Capture(existing));
            existing.Website ??= imported.Website;
            existing.Email ??= imported.Email;
            if (existing.Phone is null && imported.Phone is not null)
            {
                existing.Phone = imported.Phone;
                existing.PhoneNormalized = Normalize.Phone(imported.Phone);
            }

            existing.Address ??= imported.Address;
            existing.Notes ??= imported.Notes;
            existing.EmailDomains = [.. existing.EmailDomains.Concat(Domains(imported)).Distinct()];
            DetectChanges(existing);
            Batch.MergedCount++;
            return;
        }

        var typeId = imported.Type is { } type && plan.TypesByName.TryGetValue(type, out var found) ? found : otherTypeId;
        var organization = new Organization
        {
            Id = row.NewId,
            Name = imported.Name,
            TypeId = typeId,
            Website = imported.Website,
            Email = imported.Email,
            Phone = imported.Phone,
            PhoneNormalized = Normalize.Phone(imported.Phone),
            Address = imported.Address,
            Notes = imported.Notes,
            EmailDomains = [.. Domains(imported)],
        };
        db.Organizations.Add(organization);
        _organizations[organization.Id] = organization;
        Added(ImportService.OrganizationEntity, organization.Id);
    }

    private Guid CreateOrganization(string name)
    {
        var organization = new Organization { Name = name, TypeId = otherTypeId };
        db.Organizations.Add(organization);
        _organizations[organization.Id] = organization;
        plan.Organizations.Add(organization.Id, name, []);
        _added.Add(organization.Id);
        Batch.Items.Add(new ImportBatchItem { EntityType = ImportService.OrganizationEntity, EntityId = organization.Id, Action = ImportService.Added });
        return organization.Id;
    }

    private void MergeInto(Contact entity, ImportedContact imported)
    {
        if (entity.FirstName.Length == 0)
        {
            entity.FirstName = imported.FirstName;
        }

        if (entity.LastName.Length == 0)
        {
            entity.LastName = imported.LastName;
        }

        entity.Title ??= imported.Title;
        entity.Notes ??= imported.Notes;
        foreach (var email in imported.Emails)
        {
            var normalized = Normalize.Email(email.Address)!;
            if (!entity.Emails.Any(e => e.NormalizedAddress == normalized))
            {
                var added = new ContactEmail { ContactId = entity.Id, Address = email.Address.Trim(), NormalizedAddress = normalized, Label = email.Label, IsPrimary = entity.Emails.Count == 0 };
                entity.Emails.Add(added);
                AddChild(added);
            }
        }

        foreach (var phone in imported.Phones)
        {
            var normalized = Normalize.Phone(phone.Number) ?? "";
            if (!entity.Phones.Any(p => normalized.Length > 0 ? p.Normalized == normalized : p.Number == phone.Number))
            {
                var added = new ContactPhone { ContactId = entity.Id, Number = phone.Number.Trim(), Normalized = normalized, Label = phone.Label, IsPrimary = entity.Phones.Count == 0 };
                entity.Phones.Add(added);
                AddChild(added);
            }
        }
    }

    /// <summary>
    /// Every new child is added to the context at once, also under a new record: the import runs with automatic change
    /// detection off (a detection pass over tens of thousands of tracked records costs seconds), so nothing is found
    /// later by scanning navigations.
    /// </summary>
    private void AddChild(object child) => db.Add(child);

    /// <summary>Picks up the field changes of a merged record loaded from the database (its own entry only).</summary>
    private void DetectChanges(object entity)
    {
        var entry = db.Entry(entity);
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.DetectChanges();
        }
    }

    private async Task<Contact?> FindContactAsync(Guid id, CancellationToken ct)
    {
        if (_contacts.TryGetValue(id, out var known) || _preloaded.Contains(id))
        {
            return known;
        }

        var contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).Include(c => c.Affiliations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is not null)
        {
            _contacts[id] = contact;
        }

        return contact;
    }

    private async Task<Organization?> FindOrganizationAsync(Guid id, CancellationToken ct)
    {
        if (_organizations.TryGetValue(id, out var known) || _preloaded.Contains(id))
        {
            return known;
        }

        var organization = await db.Organizations.Include(o => o.Tags).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is not null)
        {
            _organizations[id] = organization;
        }

        return organization;
    }

    private Tag TagNamed(string name)
    {
        if (!tags.TryGetValue(name, out var tag))
        {
            tag = new Tag { Name = name };
            db.Tags.Add(tag);
            tags[name] = tag;
        }

        return tag;
    }

    /// <summary>Records the state before the first merge into an existing record (records added by this batch need none).</summary>
    private void Snapshot(string entityType, Guid id, Func<string> capture)
    {
        if (_added.Contains(id) || !_snapshotted.Add(id))
        {
            return;
        }

        Batch.Items.Add(new ImportBatchItem { EntityType = entityType, EntityId = id, Action = ImportService.Merged, PreviousState = capture() });
    }

    private void Added(string entityType, Guid id)
    {
        _added.Add(id);
        Batch.AddedCount++;
        Batch.Items.Add(new ImportBatchItem { EntityType = entityType, EntityId = id, Action = ImportService.Added });
    }

    private static IEnumerable<string> Domains(ImportedOrganization organization) =>
        organization.EmailDomains.Select(Normalize.Domain).OfType<string>();
}
