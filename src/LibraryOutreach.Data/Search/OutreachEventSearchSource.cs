using System.Globalization;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LibraryOutreach.Data.Search;

/// <summary>An outreach event is found by title, type, location, notes and outcomes.</summary>
public sealed class OutreachEventSearchSource : ISearchDocumentSource
{
    public string Kind => SearchKinds.Event;

    public async Task CollectAsync(OutreachDbContext db, EntityEntry entry, ISet<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ids);
        switch (entry.Entity)
        {
            case OutreachEvent outreachEvent:
                ids.Add(outreachEvent.Id);
                break;
            case EventType type when entry.State == EntityState.Deleted || entry.Property(nameof(EventType.Name)).IsModified:
                ids.UnionWith(await db.OutreachEvents.AsNoTracking().Where(e => e.TypeId == type.Id).Select(e => e.Id).ToListAsync(cancellationToken));
                break;
        }
    }

    public async Task<List<SearchDocument>> BuildAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = await db.OutreachEvents.AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.Id))
            .Select(e => new { e.Id, e.Title, TypeName = e.Type!.Name, e.StartDate, e.Location, e.Notes, e.Outcomes })
            .ToListAsync(cancellationToken);

        return events.Select(e => new SearchDocument
        {
            Kind = Kind,
            EntityId = e.Id,
            Title = ContactSearchSource.Truncate(e.Title),
            Subtitle = ContactSearchSource.Truncate(string.Create(CultureInfo.InvariantCulture, $"{e.TypeName}, {e.StartDate:d MMM yyyy}")),
            TitleText = SearchText.Join([e.Title], FieldLimits.Name * 2),
            BodyText = SearchText.Join([e.TypeName, e.Location, e.Outcomes, e.Notes], SearchDocumentConfiguration.TextLimit),
        }).ToList();
    }

    public IQueryable<Guid> AllIds(OutreachDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OutreachEvents.Select(e => e.Id);
    }
}
