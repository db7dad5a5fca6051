using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Settings;

/// <summary>The admin-editable list of outreach event types; a type in use by an event can only be archived.</summary>
public sealed class EventTypeService(IDbContextFactory<OutreachDbContext> contextFactory, AccessGuard guard)
    : ChoiceListService<EventType>(contextFactory, guard)
{
    protected override string RecordName => "event type";

    protected override string ShortName => "type";

    protected override string UsedByName => "event(s)";

    protected override IQueryable<Guid> Uses(OutreachDbContext db) => db.OutreachEvents.Select(e => e.TypeId);
}
