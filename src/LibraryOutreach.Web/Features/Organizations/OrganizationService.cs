using System.Globalization;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>
/// Organizations for staff: list (server-side paging, sorting, filters), details, create, edit (refused when the
/// record changed since it was opened), archive/restore, and permanent delete for Admins. Every method checks
/// permissions; the audit interceptor records every write.
/// </summary>
public sealed class OrganizationService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider) : IOrganizationService
{
    public async Task<OrganizationListResult> ListAsync(OrganizationQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        var pageSize = Math.Clamp(query.PageSize, 1, OrganizationQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await contextFactory.CreateDbContextAsync(ct);

        var organizations = Filter(db.Organizations.AsNoTracking(), query);

        var total = await organizations.CountAsync(ct);
        // Names sort as people read them (ignoring case) on both providers.
        var sorted = (query.Sort, query.Descending) switch
        {
            (OrganizationSort.Type, false) => organizations.OrderBy(o => o.Type!.Name.ToLower()).ThenBy(o => o.Name.ToLower()),
            (OrganizationSort.Type, true) => organizations.OrderByDescending(o => o.Type!.Name.ToLower()).ThenBy(o => o.Name.ToLower()),
            (OrganizationSort.Level, false) => organizations.OrderBy(LevelRank).ThenBy(o => o.Name.ToLower()),
            (OrganizationSort.Level, true) => organizations.OrderByDescending(LevelRank).ThenBy(o => o.Name.ToLower()),
            (OrganizationSort.Updated, false) => organizations.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Name.ToLower()),
            (OrganizationSort.Updated, true) => organizations.OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Name.ToLower()),
            (_, true) => organizations.OrderByDescending(o => o.Name.ToLower()),
            _ => organizations.OrderBy(o => o.Name.ToLower()),
        };

        var rows = await sorted.ThenBy(o => o.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(o => new
            {
                o.Id,
                o.Name,
                TypeName = o.Type!.Name,
                o.PartnershipLevel,
                OwnerName = o.Owner == null ? null : o.Owner.DisplayName,
                Tags = o.Tags.Select(t => new TagChip(t.TagId, t.Tag!.Name, t.Tag.Color)).ToList(),
                o.IsArchived,
                o.UpdatedAt,
            })
            .ToListAsync(ct);

        return new OrganizationListResult(total, [.. rows.Select(r => new OrganizationRow(
            r.Id, r.Name, r.TypeName, r.PartnershipLevel, r.OwnerName, [.. r.Tags.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)], r.IsArchived, r.UpdatedAt))]);
    }

    /// <summary>The ids of every organization the list's filters match (all pages), by name: for exports.</summary>
    public async Task<IReadOnlyList<Guid>> ListIdsAsync(OrganizationQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Filter(db.Organizations.AsNoTracking(), query).OrderBy(o => o.Name.ToLower()).Select(o => o.Id).ToListAsync(ct);
    }

    /// <summary>The list's filters (archived, text, type, level, tag, owner), shared by the list and the export.</summary>
    private static IQueryable<Organization> Filter(IQueryable<Organization> source, OrganizationQuery query)
    {
        var organizations = source.Where(o => o.MergedIntoId == null);
        if (!query.IncludeArchived)
        {
            organizations = organizations.Where(o => !o.IsArchived);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL: lower() on both sides works on SQLite and PostgreSQL alike.
            organizations = organizations.Where(o => o.Name.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        if (query.TypeId is { } typeId)
        {
            organizations = organizations.Where(o => o.TypeId == typeId);
        }

        if (query.Level is { } level)
        {
            organizations = organizations.Where(o => o.PartnershipLevel == level);
        }

        if (query.TagId is { } tagId)
        {
            organizations = organizations.Where(o => o.Tags.Any(t => t.TagId == tagId));
        }

        if (!string.IsNullOrEmpty(query.OwnerId))
        {
            organizations = organizations.Where(o => o.OwnerId == query.OwnerId);
        }

        return organizations;
    }

    public async Task<OrganizationDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking()
            .Include(o => o.Type)
            .Include(o => o.Owner)
            .Include(o => o.CoOwners).ThenInclude(c => c.User)
            .Include(o => o.Tags).ThenInclude(t => t.Tag)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id && o.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That organization no longer exists.");

        var affiliations = await db.Affiliations.AsNoTracking()
            .Where(a => a.OrganizationId == id && a.Contact!.MergedIntoId == null)
            .Select(a => new AffiliationItem(a.Id, a.ContactId, a.Contact!.DisplayName, a.Role, a.StartDate, a.EndDate))
            .ToListAsync(ct);
        var seats = await db.CommitteeSeats.AsNoTracking()
            .Where(s => s.OrganizationId == id)
            .Select(s => new CommitteeSeatItem(s.Id, s.StaffUser!.DisplayName, s.Role, s.TermStart, s.TermEnd, s.MeetingCadence))
            .ToListAsync(ct);

        return new OrganizationDetail(
            organization.Id,
            organization.Name,
            organization.TypeId,
            organization.Type?.Name ?? "",
            organization.PartnershipLevel,
            organization.Website,
            organization.EmailDomains,
            organization.Phone,
            organization.Email,
            organization.Address,
            organization.Notes,
            organization.Owner is { } owner ? new StaffRef(owner.Id, owner.DisplayName) : null,
            [.. organization.CoOwners.Where(c => c.User is not null).Select(c => new StaffRef(c.UserId, c.User!.DisplayName)).OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)],
            [.. organization.Tags.Where(t => t.Tag is not null).Select(t => new TagChip(t.TagId, t.Tag!.Name, t.Tag.Color)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. affiliations.OrderBy(a => a.EndDate.HasValue).ThenBy(a => a.ContactName, StringComparer.CurrentCultureIgnoreCase)],
            [.. seats.OrderBy(s => s.StaffName, StringComparer.CurrentCultureIgnoreCase)],
            organization.IsArchived,
            organization.UpdatedAt,
            organization.Version,
            RecordPermissions.CanEdit(user, organization, organization.OwnerId),
            RecordPermissions.CanDeletePermanently(user))
        {
            CanMerge = RecordPermissions.CanMerge(user),
        };
    }

    public async Task<Guid> CreateAsync(OrganizationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var clean = await ValidateAsync(db, input, currentTypeId: null, ct);
        var organization = new Organization();
        Apply(organization, clean);
        organization.CoOwners = [.. clean.CoOwnerIds.Select(u => new OrganizationCoOwner { UserId = u })];
        organization.Tags = [.. clean.TagIds.Select(t => new OrganizationTag { TagId = t })];
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization.Id;
    }

    public async Task UpdateAsync(Guid id, OrganizationInput input, Guid version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organization = await LoadForEditAsync(db, id, ct);
        var clean = await ValidateAsync(db, input, organization.TypeId, ct);
        if (organization.Version != version)
        {
            throw await ConflictAsync(db, organization, clean, ct);
        }

        Apply(organization, clean);
        organization.CoOwners.RemoveAll(c => !clean.CoOwnerIds.Contains(c.UserId));
        organization.CoOwners.AddRange(clean.CoOwnerIds.Where(u => organization.CoOwners.All(c => c.UserId != u)).Select(u => new OrganizationCoOwner { UserId = u }));
        organization.Tags.RemoveAll(t => !clean.TagIds.Contains(t.TagId));
        organization.Tags.AddRange(clean.TagIds.Where(t => organization.Tags.All(x => x.TagId != t)).Select(t => new OrganizationTag { TagId = t }));
        await SaveEditAsync(db, organization, version, clean, ct);
    }

    public Task ArchiveAsync(Guid id, Guid version, CancellationToken ct = default) => SetArchivedAsync(id, version, archived: true, ct);

    public Task RestoreAsync(Guid id, Guid version, CancellationToken ct = default) => SetArchivedAsync(id, version, archived: false, ct);

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations
            .Include(o => o.CoOwners)
            .Include(o => o.Tags)
            .SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new RecordNotFoundException("That organization no longer exists.");
        OutreachLogUses.RefuseDeleteIfUsed(organization.Name, await OutreachLogUses.OfOrganizationsAsync(db, [id], ct));
        db.Affiliations.RemoveRange(await db.Affiliations.Where(a => a.OrganizationId == id).ToListAsync(ct));
        db.CommitteeSeats.RemoveRange(await db.CommitteeSeats.Where(s => s.OrganizationId == id).ToListAsync(ct));
        db.Organizations.Remove(organization);
        await db.SaveChangesAsync(ct);
    }

    public async Task<OrganizationChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var types = await db.OrganizationTypes.AsNoTracking().Where(t => !t.IsArchived)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TypeRef(t.Id, t.Name)).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().Where(t => !t.IsArchived).Select(t => new TagChip(t.Id, t.Name, t.Color)).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new StaffRef(u.Id, u.DisplayName)).ToListAsync(ct);
        return new OrganizationChoices(
            types,
            [.. tags.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. staff.OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)]);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Organization, int>> LevelRank = o =>
        o.PartnershipLevel == PartnershipLevel.Contact ? 0
        : o.PartnershipLevel == PartnershipLevel.Collaborator ? 1
        : o.PartnershipLevel == PartnershipLevel.Sponsor ? 2
        : 3;

    private async Task SetArchivedAsync(Guid id, Guid version, bool archived, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organization = await LoadForEditAsync(db, id, ct);
        if (organization.Version != version)
        {
            throw await ConflictAsync(db, organization, mine: null, ct);
        }

        if (organization.IsArchived == archived)
        {
            return;
        }

        organization.IsArchived = archived;
        organization.ArchivedAt = archived ? timeProvider.GetUtcNow() : null;
        await SaveEditAsync(db, organization, version, mine: null, ct);
    }

    private async Task<Organization> LoadForEditAsync(OutreachDbContext db, Guid id, CancellationToken ct)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var organization = await db.Organizations
            .Include(o => o.CoOwners)
            .Include(o => o.Tags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id && o.MergedIntoId == null, ct)
            ?? throw new RecordNotFoundException("That organization no longer exists.");
        if (!RecordPermissions.CanEdit(user, organization, organization.OwnerId))
        {
            throw new AccessDeniedException("Only the owner, the person who added it, a Supervisor or an Admin can change this organization.");
        }

        return organization;
    }

    /// <summary>Saves with the version the person had as the concurrency check; a save in between turns into a conflict.</summary>
    private static async Task SaveEditAsync(OutreachDbContext db, Organization organization, Guid version, ValidOrganization? mine, CancellationToken ct)
    {
        var entry = db.Entry(organization);
        entry.Property(o => o.Version).OriginalValue = version;
        entry.Property(o => o.UpdatedAt).IsModified = true; // tags/co-owners alone still bump the version
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Organizations.AsNoTracking()
                .Include(o => o.CoOwners)
                .Include(o => o.Tags)
                .AsSplitQuery()
                .SingleOrDefaultAsync(o => o.Id == organization.Id, ct)
                ?? throw new RecordNotFoundException("That organization was deleted while you were editing it.");
            throw await ConflictAsync(db, current, mine, ct);
        }
    }

    private static async Task<ConcurrencyConflictException> ConflictAsync(OutreachDbContext db, Organization current, ValidOrganization? mine, CancellationToken ct)
    {
        var differences = new List<FieldDifference>();
        if (mine is not null)
        {
            var typeNames = await db.OrganizationTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            var userIds = current.CoOwners.Select(c => c.UserId).Concat(mine.CoOwnerIds).Append(current.OwnerId ?? "").Append(mine.OwnerId ?? "").Distinct().ToList();
            var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var tagIds = current.Tags.Select(t => t.TagId).Concat(mine.TagIds).Distinct().ToList();
            var tagNames = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            string? Names<T>(IEnumerable<T> ids, Func<T, string?> name) =>
                string.Join(", ", ids.Select(name).Where(n => n is not null).Order(StringComparer.CurrentCultureIgnoreCase)) is { Length: > 0 } s ? s : null;

            void Compare(string field, string? theirs, string? yours)
            {
                if (!string.Equals(theirs ?? "", yours ?? "", StringComparison.Ordinal))
                {
                    differences.Add(new FieldDifference(field, theirs, yours));
                }
            }

            Compare("Name", current.Name, mine.Name);
            Compare("Type", typeNames.GetValueOrDefault(current.TypeId), typeNames.GetValueOrDefault(mine.TypeId));
            Compare("Partnership level", PartnershipLevels.Label(current.PartnershipLevel), PartnershipLevels.Label(mine.Level));
            Compare("Website", current.Website, mine.Website);
            Compare("Email domains", string.Join(", ", current.EmailDomains), string.Join(", ", mine.EmailDomains));
            Compare("Phone", current.Phone, mine.Phone);
            Compare("Email", current.Email, mine.Email);
            Compare("Address", current.Address, mine.Address);
            Compare("Notes", current.Notes, mine.Notes);
            Compare("Owner", current.OwnerId is null ? null : userNames.GetValueOrDefault(current.OwnerId), mine.OwnerId is null ? null : userNames.GetValueOrDefault(mine.OwnerId));
            Compare("Co-owners", Names(current.CoOwners.Select(c => c.UserId), userNames.GetValueOrDefault), Names(mine.CoOwnerIds, userNames.GetValueOrDefault));
            Compare("Tags", Names(current.Tags.Select(t => t.TagId), tagNames.GetValueOrDefault), Names(mine.TagIds, tagNames.GetValueOrDefault));
        }

        var changedBy = current.UpdatedById is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new ConcurrencyConflictException(differences, changedBy);
    }

    private static void Apply(Organization organization, ValidOrganization clean)
    {
        organization.Name = clean.Name;
        organization.TypeId = clean.TypeId;
        organization.PartnershipLevel = clean.Level;
        organization.Website = clean.Website;
        organization.EmailDomains = [.. clean.EmailDomains];
        organization.Phone = clean.Phone;
        organization.PhoneNormalized = Normalize.Phone(clean.Phone);
        organization.Email = clean.Email;
        organization.Address = clean.Address;
        organization.Notes = clean.Notes;
        organization.OwnerId = clean.OwnerId;
    }

    private sealed record ValidOrganization(
        string Name,
        Guid TypeId,
        PartnershipLevel Level,
        string? Website,
        IReadOnlyList<string> EmailDomains,
        string? Phone,
        string? Email,
        string? Address,
        string? Notes,
        string? OwnerId,
        IReadOnlyList<string> CoOwnerIds,
        IReadOnlyList<Guid> TagIds);

    /// <summary>Trims the input and checks every field; throws <see cref="RecordValidationException"/> with all problems at once.</summary>
    private static async Task<ValidOrganization> ValidateAsync(OutreachDbContext db, OrganizationInput input, Guid? currentTypeId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(OrganizationInput.Name)] = "Name is required.";
        }
        else if (name.Length > FieldLimits.Name)
        {
            errors[nameof(OrganizationInput.Name)] = TooLong("Name", FieldLimits.Name);
        }

        var type = await db.OrganizationTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == input.TypeId, ct);
        if (type is null)
        {
            errors[nameof(OrganizationInput.TypeId)] = "Choose a type.";
        }
        else if (type.IsArchived && type.Id != currentTypeId)
        {
            errors[nameof(OrganizationInput.TypeId)] = $"The type \"{type.Name}\" is archived. Choose another.";
        }

        if (!Enum.IsDefined(input.Level))
        {
            errors[nameof(OrganizationInput.Level)] = "Choose a partnership level.";
        }

        var website = Blank(input.Website);
        if (website is not null)
        {
            if (website.Length > FieldLimits.Url)
            {
                errors[nameof(OrganizationInput.Website)] = TooLong("Website", FieldLimits.Url);
            }
            else if (!Uri.TryCreate(website, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.Host.Contains('.', StringComparison.Ordinal))
            {
                errors[nameof(OrganizationInput.Website)] = "Website must be a web address starting with http:// or https://.";
            }
        }

        var email = Blank(input.Email);
        if (email is not null)
        {
            if (email.Length > FieldLimits.Email)
            {
                errors[nameof(OrganizationInput.Email)] = TooLong("Email", FieldLimits.Email);
            }
            else if (!StaffValidation.IsValidEmail(email))
            {
                errors[nameof(OrganizationInput.Email)] = "Email must be an address like name@example.org.";
            }
        }

        var domains = new List<string>();
        foreach (var raw in input.EmailDomains.Select(Blank).OfType<string>())
        {
            var domain = raw.Contains('@', StringComparison.Ordinal) || raw.Contains('/', StringComparison.Ordinal) ? null : Normalize.Domain(raw);
            if (domain is null || domain.Length > 253 || !domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') || domain.Split('.').Any(p => p.Length == 0))
            {
                errors[nameof(OrganizationInput.EmailDomains)] = $"\"{raw}\" is not a domain. Write domains like springfield.k12.us, separated by commas.";
                break;
            }

            if (!domains.Contains(domain))
            {
                domains.Add(domain);
            }
        }

        var phone = Blank(input.Phone);
        if (phone is not null && phone.Length > FieldLimits.Phone)
        {
            errors[nameof(OrganizationInput.Phone)] = TooLong("Phone", FieldLimits.Phone);
        }
        else if (phone is not null && Normalize.Phone(phone) is null)
        {
            errors[nameof(OrganizationInput.Phone)] = "Phone must contain digits.";
        }

        var address = Blank(input.Address);
        if (address is not null && address.Length > FieldLimits.Address)
        {
            errors[nameof(OrganizationInput.Address)] = TooLong("Address", FieldLimits.Address);
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is not null && notes.Length > FieldLimits.Notes)
        {
            errors[nameof(OrganizationInput.Notes)] = TooLong("Notes", FieldLimits.Notes);
        }

        var ownerId = Blank(input.OwnerId);
        var coOwnerIds = input.CoOwnerIds.Where(u => !string.IsNullOrEmpty(u) && u != ownerId).Distinct(StringComparer.Ordinal).ToList();
        var userIds = coOwnerIds.Append(ownerId ?? "").Where(u => u.Length > 0).ToList();
        var knownUsers = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (ownerId is not null && !knownUsers.Contains(ownerId))
        {
            errors[nameof(OrganizationInput.OwnerId)] = "Choose an owner from the staff list.";
        }

        if (coOwnerIds.Any(u => !knownUsers.Contains(u)))
        {
            errors[nameof(OrganizationInput.CoOwnerIds)] = "Choose co-owners from the staff list.";
        }

        var tagIds = input.TagIds.Distinct().ToList();
        var knownTags = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).CountAsync(ct);
        if (knownTags != tagIds.Count)
        {
            errors[nameof(OrganizationInput.TagIds)] = "One of the tags no longer exists. Choose the tags again.";
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        return new ValidOrganization(name, input.TypeId, input.Level, website, domains, phone, email, address, notes, ownerId, coOwnerIds, tagIds);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string TooLong(string label, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"{label} can be at most {max} characters.");
}
