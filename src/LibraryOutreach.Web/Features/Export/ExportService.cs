using System.Text.Json;
using System.Text.Json.Serialization;
using LibraryOutreach.Data;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Export;

/// <summary>
/// Exports: all outreach data as one JSON document (Admins only: it lists staff and every record); contacts as Google-style
/// CSV or vCard 4.0 and organizations as CSV (Staff).
/// </summary>
public sealed class ExportService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    IOptions<LibraryOptions> library) : IExportService
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<DataExport> ExportAllAsync(CancellationToken ct)
    {
        await guard.RequireAsync(Policies.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);

        var types = (await db.OrganizationTypes.AsNoTracking().ToListAsync(ct))
            .OrderBy(t => t.SortOrder).Select(t => new ExportedOrganizationType(t.Id, t.Name, t.SortOrder, t.IsArchived)).ToList();
        var tags = (await db.Tags.AsNoTracking().ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => new ExportedTag(t.Id, t.Name, t.Color, t.IsArchived)).ToList();
        var organizations = (await db.Organizations.AsNoTracking().Include(o => o.CoOwners).Include(o => o.Tags).AsSplitQuery().ToListAsync(ct))
            .OrderBy(o => o.Id)
            .Select(o => new ExportedOrganization(
                o.Id, o.Name, o.TypeId, o.PartnershipLevel.ToString(), o.Website, o.EmailDomains, o.Phone, o.Email, o.Address, o.Notes, o.OwnerId,
                o.CoOwners.Select(c => c.UserId).Order(StringComparer.Ordinal).ToList(), o.Tags.Select(t => t.TagId).Order().ToList(),
                o.IsArchived, o.ArchivedAt, o.MergedIntoId, o.CreatedAt, o.CreatedById, o.UpdatedAt, o.UpdatedById, o.CadenceIdealDays, o.CadenceMaxDays))
            .ToList();
        var contacts = (await db.Contacts.AsNoTracking().Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).AsSplitQuery().ToListAsync(ct))
            .OrderBy(c => c.Id)
            .Select(c => new ExportedContact(
                c.Id, c.FirstName, c.LastName, c.DisplayName, c.Title,
                c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => new ExportedEmail(e.Address, e.Label, e.IsPrimary)).ToList(),
                c.Phones.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => new ExportedPhone(p.Number, p.Label, p.IsPrimary)).ToList(),
                c.PreferredChannel?.ToString(), c.Notes, c.OwnerId, c.Tags.Select(t => t.TagId).Order().ToList(),
                c.IsArchived, c.ArchivedAt, c.MergedIntoId, c.CreatedAt, c.CreatedById, c.UpdatedAt, c.UpdatedById, c.CadenceIdealDays, c.CadenceMaxDays))
            .ToList();
        var affiliations = (await db.Affiliations.AsNoTracking().ToListAsync(ct))
            .OrderBy(a => a.Id).Select(a => new ExportedAffiliation(a.Id, a.ContactId, a.OrganizationId, a.Role, a.StartDate, a.EndDate)).ToList();
        var seats = (await db.CommitteeSeats.AsNoTracking().ToListAsync(ct))
            .OrderBy(s => s.Id).Select(s => new ExportedCommitteeSeat(s.Id, s.StaffUserId, s.OrganizationId, s.Role, s.TermStart, s.TermEnd, s.MeetingCadence, s.Notes)).ToList();

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var staff = (await db.Users.AsNoTracking()
                .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.CreatedAt, u.LastSignInAt, u.DeactivatedAt })
                .ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new ExportedStaffMember(
                u.Id, u.DisplayName, u.Email, roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
                u.IsActive, u.CreatedAt, u.LastSignInAt, u.DeactivatedAt))
            .ToList();
        var batches = (await db.ImportBatches.AsNoTracking().Include(b => b.Items).ToListAsync(ct))
            .OrderBy(b => b.CreatedAt)
            .Select(b => new ExportedImportBatch(
                b.Id, b.Kind, b.FileName, b.Format, b.RowCount, b.AddedCount, b.MergedCount, b.SkippedCount, b.CreatedAt, b.CreatedById, b.UndoneAt, b.UndoneById,
                b.Items.OrderBy(i => i.Id).Select(i => new ExportedImportItem(i.EntityType, i.EntityId, i.Action)).ToList()))
            .ToList();

        var branches = (await db.Branches.AsNoTracking().ToListAsync(ct))
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).Select(b => new ExportedChoiceEntry(b.Id, b.Name, b.SortOrder, b.IsArchived)).ToList();
        var eventTypes = (await db.EventTypes.AsNoTracking().ToListAsync(ct))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new ExportedChoiceEntry(t.Id, t.Name, t.SortOrder, t.IsArchived)).ToList();
        var events = (await db.OutreachEvents.AsNoTracking().Include(e => e.Staff).Include(e => e.Organizations).Include(e => e.Contacts).Include(e => e.Tags).AsSplitQuery().ToListAsync(ct))
            .OrderBy(e => e.Id)
            .Select(e => new ExportedEvent(
                e.Id, e.Title, e.TypeId, e.StartDate, e.EndDate, e.StartsAt, e.EndsAt, e.Location, e.BranchId, e.LibraryRole.ToString(), e.AudienceAgeGroup?.ToString(),
                e.Setting.ToString(), e.Attendance, e.LibraryCardsIssued, e.ItemsCheckedOut, e.MaterialsHandedOut, e.Notes, e.Outcomes, e.Source.ToString(),
                e.Staff.Select(s => s.UserId).Order(StringComparer.Ordinal).ToList(), e.Organizations.Select(o => o.OrganizationId).Order().ToList(),
                e.Contacts.Select(c => c.ContactId).Order().ToList(), e.Tags.Select(t => t.TagId).Order().ToList(),
                e.CreatedAt, e.CreatedById, e.UpdatedAt, e.UpdatedById))
            .ToList();
        var interactions = (await db.Interactions.AsNoTracking().ToListAsync(ct))
            .OrderBy(i => i.Id)
            .Select(i => new ExportedInteraction(
                i.Id, i.OccurredAt, i.Channel.ToString(), i.InitiatedBy.ToString(), i.StaffUserId, i.ContactId, i.OrganizationId, i.EventId, i.Summary, i.Notes,
                i.CreatedAt, i.CreatedById, i.UpdatedAt, i.UpdatedById))
            .ToList();
        var followUps = (await db.FollowUps.AsNoTracking().ToListAsync(ct))
            .OrderBy(f => f.Id)
            .Select(f => new ExportedFollowUp(
                f.Id, f.Title, f.DueDate, f.AssigneeId, f.ContactId, f.OrganizationId, f.EventId, f.DoneAt, f.DoneById, f.CreatedAt, f.CreatedById, f.UpdatedAt, f.UpdatedById))
            .ToList();
        var cadenceRules = (await db.CadenceRules.AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.Id).Select(r => new ExportedCadenceRule(r.Id, r.PartnershipLevel?.ToString(), r.OrganizationTypeId, r.IdealDays, r.MaxDays)).ToList();
        var connections = (await db.CalendarConnections.AsNoTracking().Include(c => c.Calendars).ToListAsync(ct))
            .OrderBy(c => c.Id)
            .Select(c => new ExportedCalendarConnection(
                c.Id, c.OwnerId, c.Kind.ToString(), c.Name, c.AccountEmail, c.State.ToString(), c.Rule.ToString(), c.Keyword, c.LastSuccessAt,
                c.Calendars.OrderBy(k => k.Name, StringComparer.CurrentCultureIgnoreCase).Select(k => new ExportedConnectedCalendar(k.ExternalId, k.Name, k.TimeZone, k.IsSelected)).ToList()))
            .ToList();

        return new DataExport(
            DataExport.CurrentSchemaVersion,
            timeProvider.GetUtcNow(),
            library.Value.Name,
            types,
            tags,
            organizations,
            contacts,
            affiliations,
            seats,
            staff,
            batches,
            branches,
            eventTypes,
            events,
            interactions,
            followUps,
            cadenceRules,
            connections);
    }

    /// <summary>Contacts (all that are not merged away, or those in <paramref name="ids"/>) as CSV with Google Contacts headers.</summary>
    public async Task<string> ContactsCsvAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct) =>
        ContactFileWriters.GoogleCsv(await LoadContactsAsync(ids, ct));

    /// <summary>Contacts as vCard 4.0.</summary>
    public async Task<string> ContactsVCardAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct) =>
        ContactFileWriters.VCard(await LoadContactsAsync(ids, ct));

    /// <summary>Organizations (all that are not merged away, or those in <paramref name="ids"/>) as CSV in the import layout.</summary>
    public async Task<string> OrganizationsCsvAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.Organizations.AsNoTracking().Where(o => o.MergedIntoId == null);
        if (ids is not null)
        {
            query = query.Where(o => ids.Contains(o.Id));
        }

        var organizations = (await query.Include(o => o.Type).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(o => new ImportedOrganization(o.Name, o.Type?.Name, o.Website, o.Email, o.Phone, o.Address, o.Notes, o.EmailDomains))
            .ToList();
        return ContactFileWriters.OrganizationsCsv(organizations);
    }

    private async Task<IReadOnlyList<ImportedContact>> LoadContactsAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (ids is not null)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }

        var contacts = await query
            .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).ThenInclude(t => t.Tag)
            .Include(c => c.Affiliations.Where(a => a.EndDate == null)).ThenInclude(a => a.Organization)
            .AsSplitQuery()
            .ToListAsync(ct);
        return contacts
            .OrderBy(c => c.LastName, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new ImportedContact(
                c.FirstName,
                c.LastName,
                c.DisplayName,
                c.Title,
                c.Affiliations.OrderBy(a => a.Id).Select(a => a.Organization?.Name).FirstOrDefault(),
                c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => new ImportedEmail(e.Label, e.Address)).ToList(),
                c.Phones.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => new ImportedPhone(p.Label, p.Number)).ToList(),
                c.Tags.Select(t => t.Tag?.Name).OfType<string>().Order(StringComparer.CurrentCultureIgnoreCase).ToList(),
                c.Notes))
            .ToList();
    }
}
