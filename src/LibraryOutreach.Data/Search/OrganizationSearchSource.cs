using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LibraryOutreach.Data.Search;

/// <summary>An organization is found by name, type, email, email domains, website, phone, address and tags.</summary>
public sealed class OrganizationSearchSource : ISearchDocumentSource
{
    public string Kind => SearchKinds.Organization;

    public async Task CollectAsync(OutreachDbContext db, EntityEntry entry, ISet<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ids);
        switch (entry.Entity)
        {
            case Organization organization:
                ids.Add(organization.Id);
                break;
            case OrganizationTag tag:
                ids.Add(tag.OrganizationId);
                break;
            case Tag tag when entry.State == EntityState.Deleted || entry.Property(nameof(Tag.Name)).IsModified:
                ids.UnionWith(await db.OrganizationTags.AsNoTracking().Where(t => t.TagId == tag.Id).Select(t => t.OrganizationId).ToListAsync(cancellationToken));
                break;
            case OrganizationType type when entry.State == EntityState.Deleted || entry.Property(nameof(OrganizationType.Name)).IsModified:
                ids.UnionWith(await db.Organizations.AsNoTracking().Where(o => o.TypeId == type.Id).Select(o => o.Id).ToListAsync(cancellationToken));
                break;
        }
    }

    public async Task<List<SearchDocument>> BuildAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organizations = await db.Organizations.AsNoTracking().AsSplitQuery()
            .Where(o => EF.Parameter(ids).Contains(o.Id) && o.MergedIntoId == null)
            .Select(o => new
            {
                o.Id,
                o.Name,
                TypeName = o.Type!.Name,
                o.Email,
                o.EmailDomains,
                o.Website,
                o.Phone,
                o.PhoneNormalized,
                o.Address,
                o.IsArchived,
                Tags = o.Tags.Select(t => t.Tag!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        return organizations.Select(o => new SearchDocument
        {
            Kind = Kind,
            EntityId = o.Id,
            Title = o.Name,
            Subtitle = o.TypeName,
            TitleText = SearchText.Join([o.Name], FieldLimits.Name * 2),
            BodyText = SearchText.Join(
                [o.TypeName, o.Email, .. o.EmailDomains, o.Website, o.Phone, o.PhoneNormalized?.TrimStart('+'), o.Address, .. o.Tags],
                SearchDocumentConfiguration.TextLimit),
            IsArchived = o.IsArchived,
        }).ToList();
    }

    public IQueryable<Guid> AllIds(OutreachDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Organizations.Where(o => o.MergedIntoId == null).Select(o => o.Id);
    }
}
