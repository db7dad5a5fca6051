using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>An existing (or earlier in the same file) record a row matches, and why.</summary>
public sealed record DuplicateMatch(Guid ExistingId, string ExistingName, string Reason);

/// <summary>
/// Finds contact duplicates: the same normalised email, or the same display name (case-insensitive) with the same
/// normalised phone. Records added during an import are added here so later rows in the same file match them too.
/// </summary>
public sealed class ContactDuplicateIndex
{
    private readonly Dictionary<string, (Guid Id, string Name)> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Phone), (Guid Id, string Name)> _byNamePhone = [];

    public void Add(Guid id, string displayName, IEnumerable<string> emails, IEnumerable<string> phones)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(phones);
        foreach (var email in emails.Select(Normalize.Email).OfType<string>())
        {
            _byEmail.TryAdd(email, (id, displayName));
        }

        foreach (var phone in phones.Select(Normalize.Phone).OfType<string>())
        {
            _byNamePhone.TryAdd((NameKey(displayName), phone), (id, displayName));
        }
    }

    public void Add(Guid id, ImportedContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Add(id, contact.DisplayName, contact.Emails.Select(e => e.Address), contact.Phones.Select(p => p.Number));
    }

    public DuplicateMatch? Find(ImportedContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        foreach (var email in contact.Emails)
        {
            if (Normalize.Email(email.Address) is { } key && _byEmail.TryGetValue(key, out var match))
            {
                return new DuplicateMatch(match.Id, match.Name, $"Same email: {key}");
            }
        }

        foreach (var phone in contact.Phones)
        {
            if (Normalize.Phone(phone.Number) is { } key && _byNamePhone.TryGetValue((NameKey(contact.DisplayName), key), out var match))
            {
                return new DuplicateMatch(match.Id, match.Name, $"Same name and phone: {phone.Number}");
            }
        }

        return null;
    }

    private static string NameKey(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

/// <summary>Finds organization duplicates: the same name (case-insensitive) or a shared email domain.</summary>
public sealed class OrganizationDuplicateIndex
{
    private readonly Dictionary<string, (Guid Id, string Name)> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (Guid Id, string Name)> _byDomain = new(StringComparer.Ordinal);

    public void Add(Guid id, string name, IEnumerable<string> emailDomains)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(emailDomains);
        _byName.TryAdd(name.Trim(), (id, name));
        foreach (var domain in emailDomains.Select(Normalize.Domain).OfType<string>())
        {
            _byDomain.TryAdd(domain, (id, name));
        }
    }

    public void Add(Guid id, ImportedOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        Add(id, organization.Name, organization.EmailDomains);
    }

    /// <summary>The organization with this exact name (case-insensitive), for contacts' organization column.</summary>
    public Guid? FindByName(string name) => _byName.TryGetValue(name.Trim(), out var match) ? match.Id : null;

    public DuplicateMatch? Find(ImportedOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (_byName.TryGetValue(organization.Name.Trim(), out var byName))
        {
            return new DuplicateMatch(byName.Id, byName.Name, "Same name");
        }

        foreach (var domain in organization.EmailDomains.Append(organization.Email ?? "").Select(Normalize.Domain).OfType<string>())
        {
            if (_byDomain.TryGetValue(domain, out var byDomain))
            {
                return new DuplicateMatch(byDomain.Id, byDomain.Name, $"Same email domain: {domain}");
            }
        }

        return null;
    }
}
