using System.Globalization;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LibraryOutreach.Data.Search;

/// <summary>An interaction is found by its summary and notes; the result shows the channel and the day (UTC).</summary>
public sealed class InteractionSearchSource : ISearchDocumentSource
{
    public string Kind => SearchKinds.Interaction;

    public Task CollectAsync(OutreachDbContext db, EntityEntry entry, ISet<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ids);
        if (entry.Entity is Interaction interaction)
        {
            ids.Add(interaction.Id);
        }

        return Task.CompletedTask;
    }

    public async Task<List<SearchDocument>> BuildAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var interactions = await db.Interactions.AsNoTracking()
            .Where(i => EF.Parameter(ids).Contains(i.Id))
            .Select(i => new { i.Id, i.Summary, i.Notes, i.Channel, i.OccurredAt })
            .ToListAsync(cancellationToken);

        return interactions.Select(i => new SearchDocument
        {
            Kind = Kind,
            EntityId = i.Id,
            Title = ContactSearchSource.Truncate(i.Summary),
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"{ChannelName(i.Channel)}, {i.OccurredAt.UtcDateTime:d MMM yyyy}"),
            TitleText = SearchText.Join([i.Summary], FieldLimits.Name * 2),
            BodyText = SearchText.Join([i.Notes], SearchDocumentConfiguration.TextLimit),
        }).ToList();
    }

    public IQueryable<Guid> AllIds(OutreachDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Interactions.Select(i => i.Id);
    }

    private static string ChannelName(ContactChannel channel) => channel switch
    {
        ContactChannel.InPerson => "In person",
        _ => channel.ToString(),
    };
}
