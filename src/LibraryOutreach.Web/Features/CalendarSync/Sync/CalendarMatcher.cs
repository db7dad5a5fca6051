using LibraryOutreach.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.CalendarSync.Sync;

/// <summary>
/// Matches calendar attendees to the library's records: addresses to contacts' emails, their domains to organizations'
/// email domains, staff addresses and the library's own domains left out. Made once for a list or a sync page
/// (<see cref="LoadAsync"/> reads the staff addresses; the organizations' domains are read on first need), so matching
/// many events costs one contact query per call, not a full read of staff and organizations per event.
/// </summary>
public sealed class CalendarMatcher
{
    private readonly HashSet<string> _staffEmails;
    private readonly HashSet<string> _libraryDomains;
    private Dictionary<string, List<Guid>>? _organizationsByDomain;

    private CalendarMatcher(HashSet<string> staffEmails)
    {
        _staffEmails = staffEmails;
        _libraryDomains = staffEmails.Select(Domain).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<CalendarMatcher> LoadAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.Users.Where(u => u.NormalizedEmail != null).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken);
        return new CalendarMatcher(staff.Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The matches of each attendee list, in the same order, from one query for all their addresses.</summary>
    public async Task<IReadOnlyList<CalendarMatches>> MatchAsync(OutreachDbContext db, IReadOnlyList<IReadOnlyList<CalendarAttendee>> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var emailsByEvent = events
            .Select(attendees => attendees.Where(a => !a.IsSelf)
                .Select(a => a.Email.Trim().ToLowerInvariant())
                .Where(e => !_staffEmails.Contains(e))
                .Distinct(StringComparer.Ordinal)
                .ToList())
            .ToList();
        var allEmails = emailsByEvent.SelectMany(e => e).Distinct(StringComparer.Ordinal).ToList();
        if (allEmails.Count == 0)
        {
            return [.. emailsByEvent.Select(_ => new CalendarMatches([], [], []))];
        }

        var contactRows = await db.ContactEmails
            .Where(e => EF.Parameter(allEmails).Contains(e.NormalizedAddress))
            .Join(db.Contacts.Where(c => !c.IsArchived), e => e.ContactId, c => c.Id, (e, c) => new { e.NormalizedAddress, c.Id })
            .ToListAsync(cancellationToken);
        var contactsByEmail = contactRows.ToLookup(r => r.NormalizedAddress, r => r.Id, StringComparer.Ordinal);
        var needDomains = allEmails.Select(Domain).Any(d => d.Length > 0 && !_libraryDomains.Contains(d));
        var byDomain = needDomains ? await OrganizationsByDomainAsync(db, cancellationToken) : [];

        return [.. emailsByEvent.Select(emails => new CalendarMatches(
            emails.SelectMany(e => contactsByEmail[e]).Distinct().ToList(),
            emails.Select(Domain)
                .Where(d => d.Length > 0 && !_libraryDomains.Contains(d))
                .Distinct(StringComparer.Ordinal)
                .SelectMany(d => byDomain.TryGetValue(d, out var ids) ? ids : [])
                .Distinct()
                .ToList(),
            emails.Where(e => !contactsByEmail.Contains(e)).ToList()))];
    }

    private async Task<Dictionary<string, List<Guid>>> OrganizationsByDomainAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        if (_organizationsByDomain is null)
        {
            // Organizations with domains are few (one library's partners); reading their domains beats a JSON query per provider.
            var withDomains = await db.Organizations.Where(o => !o.IsArchived).Select(o => new { o.Id, o.EmailDomains }).ToListAsync(cancellationToken);
            _organizationsByDomain = withDomains
                .SelectMany(o => o.EmailDomains.Select(d => (Domain: d.Trim().TrimStart('@').ToLowerInvariant(), o.Id)))
                .GroupBy(p => p.Domain, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Id).Distinct().ToList(), StringComparer.Ordinal);
        }

        return _organizationsByDomain;
    }

    private static string Domain(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? "" : email[(at + 1)..].Trim().ToLowerInvariant();
    }
}
