using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LibraryOutreach.Data.Search;

/// <summary>
/// A contact is found by name, title, email, phone (as typed and as digits), current organizations and their
/// roles, and tags.
/// </summary>
public sealed class ContactSearchSource : ISearchDocumentSource
{
    public string Kind => SearchKinds.Contact;

    public async Task CollectAsync(OutreachDbContext db, EntityEntry entry, ISet<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ids);
        switch (entry.Entity)
        {
            case Contact contact:
                ids.Add(contact.Id);
                break;
            case ContactEmail email:
                ids.Add(email.ContactId);
                break;
            case ContactPhone phone:
                ids.Add(phone.ContactId);
                break;
            case ContactTag tag:
                ids.Add(tag.ContactId);
                break;
            case Affiliation affiliation:
                ids.Add(affiliation.ContactId);
                break;
            case Tag tag when entry.State == EntityState.Deleted || entry.Property(nameof(Tag.Name)).IsModified:
                ids.UnionWith(await db.ContactTags.AsNoTracking().Where(t => t.TagId == tag.Id).Select(t => t.ContactId).ToListAsync(cancellationToken));
                break;
            case Organization organization when entry.State == EntityState.Deleted || entry.Property(nameof(Organization.Name)).IsModified:
                ids.UnionWith(await db.Affiliations.AsNoTracking()
                    .Where(a => a.OrganizationId == organization.Id)
                    .Select(a => a.ContactId)
                    .ToListAsync(cancellationToken));
                break;
        }
    }

    public async Task<List<SearchDocument>> BuildAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contacts = await db.Contacts.AsNoTracking().AsSplitQuery()
            .Where(c => EF.Parameter(ids).Contains(c.Id) && c.MergedIntoId == null)
            .Select(c => new
            {
                c.Id,
                c.DisplayName,
                c.FirstName,
                c.LastName,
                c.Title,
                c.IsArchived,
                Emails = c.Emails.Select(e => e.Address).ToList(),
                Phones = c.Phones.Select(p => new { p.Number, p.Normalized }).ToList(),
                Tags = c.Tags.Select(t => t.Tag!.Name).ToList(),
                Affiliations = c.Affiliations
                    .Where(a => a.EndDate == null && a.Organization!.MergedIntoId == null)
                    .OrderBy(a => a.StartDate)
                    .Select(a => new { a.Role, OrganizationName = a.Organization!.Name })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        return contacts.Select(c =>
        {
            var first = c.Affiliations.FirstOrDefault();
            var subtitle = first is null
                ? c.Title
                : string.Join(", ", new[] { first.Role ?? c.Title, first.OrganizationName }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new SearchDocument
            {
                Kind = Kind,
                EntityId = c.Id,
                Title = c.DisplayName,
                Subtitle = string.IsNullOrWhiteSpace(subtitle) ? null : Truncate(subtitle),
                TitleText = SearchText.Join([c.DisplayName, c.FirstName, c.LastName], FieldLimits.Name * 2),
                BodyText = SearchText.Join(
                    [
                        c.Title,
                        .. c.Emails,
                        .. c.Phones.SelectMany(p => new[] { p.Number, p.Normalized.TrimStart('+') }),
                        .. c.Affiliations.SelectMany(a => new[] { a.OrganizationName, a.Role }),
                        .. c.Tags,
                    ],
                    SearchDocumentConfiguration.TextLimit),
                IsArchived = c.IsArchived,
            };
        }).ToList();
    }

    public IQueryable<Guid> AllIds(OutreachDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Contacts.Where(c => c.MergedIntoId == null).Select(c => c.Id);
    }

    internal static string Truncate(string text) => text.Length <= FieldLimits.Name * 2 ? text : text[..(FieldLimits.Name * 2)];
}
