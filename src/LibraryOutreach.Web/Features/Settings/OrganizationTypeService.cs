using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>The admin-editable list of organization types; a type in use by an organization can only be archived.</summary>
public sealed class OrganizationTypeService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard)
    : ChoiceListService<OrganizationType>(contextFactory, guard)
{
    protected override string RecordName => "organization type";

    protected override string ShortName => "type";

    protected override string UsedByName => "organization(s)";

    protected override IQueryable<Guid> Uses(OutreachDbContext db) => db.Organizations.Select(o => o.TypeId);
}
