using System.Linq.Expressions;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// A contact's roles at organizations over time. Ending an affiliation keeps it as history; removing one is for
/// mistakes (Supervisors and Admins, or whoever added it). Changing one needs edit rights on the contact, or
/// having added the affiliation.
/// </summary>
public sealed class AffiliationService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    ILogger<AffiliationService> logger)
{
    public const int MaxOrganizationMatches = 20;

    public Task<IReadOnlyList<AffiliationView>> ListForContactAsync(Guid contactId, CancellationToken ct = default) =>
        ListAsync(a => a.ContactId == contactId, ct);

    public Task<IReadOnlyList<AffiliationView>> ListForOrganizationAsync(Guid organizationId, CancellationToken ct = default) =>
        ListAsync(a => a.OrganizationId == organizationId, ct);

    /// <summary>Active organizations whose name starts with <paramref name="prefix"/> (case-insensitive), by name.</summary>
    public async Task<IReadOnlyList<OrganizationOption>> SearchOrganizationsAsync(string? prefix, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organizations = db.Organizations.AsNoTracking().Where(o => !o.IsArchived && o.MergedIntoId == null);
        if (prefix?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
            var pattern = LikePatterns.Prefix(text);
            organizations = organizations.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, LikePatterns.Escape));
        }

        return await organizations.OrderBy(o => o.Name).Take(MaxOrganizationMatches).Select(o => new OrganizationOption(o.Id, o.Name)).ToListAsync(ct);
    }

    /// <summary>Adds a current affiliation. Any staff member may record one.</summary>
    public async Task<Guid> AddAsync(Guid contactId, Guid organizationId, string? role, DateOnly? start, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Staff);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleanRole = PeriodValidation.Text(errors, "Role", "Role", role, FieldLimits.Name);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId && c.MergedIntoId == null, ct))
        {
            throw new RecordNotFoundException("That contact no longer exists.");
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.MergedIntoId == null, ct))
        {
            errors["OrganizationId"] = PeriodValidation.OrganizationRequired;
        }

        Throw(errors);
        var affiliation = new Affiliation { ContactId = contactId, OrganizationId = organizationId, Role = cleanRole, StartDate = start };
        db.Affiliations.Add(affiliation);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Affiliation {AffiliationId} added", affiliation.Id);
        return affiliation.Id;
    }

    /// <summary>Ends a current affiliation on <paramref name="endDate"/>; it stays as history.</summary>
    public async Task EndAsync(Guid affiliationId, DateOnly endDate, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var affiliation = await LoadForEditAsync(db, affiliationId, ct);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        PeriodValidation.CheckPeriod(errors, "EndDate", affiliation.StartDate, endDate);
        Throw(errors);
        affiliation.EndDate = endDate;
        await db.SaveChangesAsync(ct);
    }

    public async Task UpdateAsync(Guid affiliationId, string? role, DateOnly? start, DateOnly? end, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var affiliation = await LoadForEditAsync(db, affiliationId, ct);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleanRole = PeriodValidation.Text(errors, "Role", "Role", role, FieldLimits.Name);
        PeriodValidation.CheckPeriod(errors, "EndDate", start, end);
        Throw(errors);
        affiliation.Role = cleanRole;
        affiliation.StartDate = start;
        affiliation.EndDate = end;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes an affiliation entered by mistake (to keep history, end it instead).</summary>
    public async Task RemoveAsync(Guid affiliationId, CancellationToken ct = default)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var affiliation = await db.Affiliations.SingleOrDefaultAsync(a => a.Id == affiliationId, ct)
            ?? throw new RecordNotFoundException("That affiliation no longer exists.");
        if (!RecordPermissions.CanEdit(user, affiliation))
        {
            throw new AccessDeniedException("Only Supervisors, Admins or whoever added it can remove an affiliation. End it instead.");
        }

        db.Affiliations.Remove(affiliation);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Affiliation {AffiliationId} removed", affiliationId);
    }

    private async Task<IReadOnlyList<AffiliationView>> ListAsync(Expression<Func<Affiliation, bool>> filter, CancellationToken ct)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.Affiliations.AsNoTracking()
            .Where(filter)
            .Where(a => a.Contact!.MergedIntoId == null && a.Organization!.MergedIntoId == null)
            .Select(a => new AffiliationView(a.Id, a.ContactId, a.Contact!.DisplayName, a.OrganizationId, a.Organization!.Name, a.Role, a.StartDate, a.EndDate, a.CreatedById))
            .ToListAsync(ct);
        return rows
            .OrderBy(a => a.IsCurrent ? 0 : 1)
            .ThenByDescending(a => a.EndDate)
            .ThenByDescending(a => a.StartDate)
            .ThenBy(a => a.OrganizationName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private async Task<Affiliation> LoadForEditAsync(OutreachDbContext db, Guid affiliationId, CancellationToken ct)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var affiliation = await db.Affiliations.Include(a => a.Contact).SingleOrDefaultAsync(a => a.Id == affiliationId, ct)
            ?? throw new RecordNotFoundException("That affiliation no longer exists.");
        if (!RecordPermissions.CanEdit(user, affiliation) && !RecordPermissions.CanEdit(user, affiliation.Contact!, affiliation.Contact!.OwnerId))
        {
            throw new AccessDeniedException("You can change affiliations you added, or those of contacts you created or own.");
        }

        return affiliation;
    }

    private static void Throw(Dictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }
    }
}
