using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>The admin-editable list of library branches; a branch named on an event can only be archived.</summary>
public sealed class BranchService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard)
    : ChoiceListService<Branch>(contextFactory, guard)
{
    protected override string RecordName => "branch";

    protected override string ShortName => "branch";

    protected override string UsedByName => "event(s)";

    protected override IQueryable<Guid> Uses(OutreachDbContext db) =>
        db.OutreachEvents.Where(e => e.BranchId != null).Select(e => e.BranchId!.Value);
}
