using System.Globalization;
using System.Text;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Infrastructure.Demo;

/// <summary>
/// Writes a believable town's records (<see cref="DemoDataSize"/>) into <c>db</c> from a seeded random generator, so
/// the same size and seed always give the same names, values, counts and links (record ids are fresh GUIDs each time,
/// but for the busiest contact's and organization's when <see cref="DemoBusiest"/> names them): staff accounts (see
/// <see cref="DemoStaff"/>), tags, organizations (types, tags, email domains, phones), contacts (emails, phones, tags,
/// affiliations, owners, a few archived) and, when asked, an outreach log and committee seats.
/// <para>
/// Seeding is bulk work, not app work: the caller gives a plain <see cref="OutreachDbContext"/> <b>without the
/// stamping and audit interceptors</b> (stamps and versions are set here; no audit rows are written) with change
/// detection off, and a transaction; the seeder saves every 2,000 records and clears the tracker. The caller rebuilds
/// the search index afterwards (<c>SearchIndexer.RebuildAsync</c>).
/// </para>
/// </summary>
internal sealed partial class DemoDataSeeder(OutreachDbContext db, DemoDataSize size, DemoStaff staff, DateTimeOffset now, DemoBusiest? busiest = null)
{
    private const int BatchSize = 2_000;

    private readonly DateTimeOffset _now = now;
    private readonly Guid _busiestContactId = busiest?.ContactId ?? Guid.CreateVersion7();
    private readonly Guid _busiestOrganizationId = busiest?.OrganizationId ?? Guid.CreateVersion7();
    private readonly Random _random = new(size.Seed);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly List<string> _staffIds = [];
    private readonly List<Guid> _tagIds = [];
    private readonly List<(Guid Id, string Domain)> _organizations = [];
    private readonly List<(Guid Id, Guid? OrganizationId)> _contacts = [];
    private double[] _tagWeights = [];
    private double[] _organizationWeights = [];

    public async Task RunAsync(CancellationToken ct)
    {
        AddStaff();
        await AddTagsAsync(ct);
        await SaveAsync(ct);
        await AddOrganizationsAsync(ct);
        await AddContactsAsync(ct);
        if (size.HasOutreach)
        {
            await AddOutreachLogAsync(ct);
        }

        if (size.CommitteeSeats > 0)
        {
            await AddCommitteeSeatsAsync(ct);
        }
    }

    private void AddStaff()
    {
        _staffIds.AddRange(staff.ExistingIds);
        for (var i = 0; i < size.StaffUsers; i++)
        {
            var isAdmin = i == 0 && staff.AdminName is not null;
            var id = staff.Id(i);
            var name = isAdmin ? staff.AdminName! : $"{Pick(SampleNames.FirstNames)} {Pick(SampleNames.LastNames)}";
            var email = staff.Email(i);
            db.Users.Add(new StaffUser
            {
                Id = id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = name,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAt = _now.AddYears(-3),
            });
            var role = isAdmin ? "role-admin" : i < 3 ? "role-supervisor" : "role-staff";
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = role });
            _staffIds.Add(id);
        }
    }

    private async Task AddTagsAsync(CancellationToken ct)
    {
        // Names are unique: a tag the database already has (a forced second run) is used, not added again.
        var existing = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, StringComparer.OrdinalIgnoreCase, ct);
        var count = Math.Min(size.Tags, SampleNames.TagNames.Length);
        for (var i = 0; i < count; i++)
        {
            var tag = Stamp(new Tag { Name = SampleNames.TagNames[i], Color = SampleNames.Colors[i % SampleNames.Colors.Length] });
            if (existing.TryGetValue(tag.Name, out var id))
            {
                _tagIds.Add(id);
                continue;
            }

            db.Tags.Add(tag);
            _tagIds.Add(tag.Id);
        }

        // Zipf-like: the first tag is the most used, the last ones are rare.
        _tagWeights = Cumulative(Enumerable.Range(0, count).Select(i => 1.0 / Math.Pow(i + 1, 0.9)));
    }

    private async Task AddOrganizationsAsync(CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var typeWeights = Cumulative(SampleNames.TypeWeights.Select(w => (double)w));
        for (var i = 0; i < size.Organizations; i++)
        {
            var type = PickWeighted(typeWeights);
            if (size.EveryOrganizationType && i < OrganizationTypeConfiguration.Defaults.Length)
            {
                type = i;
            }

            var baseName = $"{Pick(SampleNames.Towns)} {Pick(SampleNames.OrganizationNouns[type])}";
            var name = baseName;
            for (var n = 2; !names.Add(name); n++)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{baseName} {n}");
            }

            var domain = Slug(name) + ".example.org";
            var phone = Phone();
            var organization = Stamp(new Organization
            {
                Id = size.HasOutreach && i == 0 ? _busiestOrganizationId : Guid.CreateVersion7(),
                Name = name,
                TypeId = OrganizationTypeConfiguration.Defaults[type].Id,
                PartnershipLevel = (PartnershipLevel)PickWeighted(Cumulative([50, 25, 15, 10])),
                Website = "https://www." + domain,
                EmailDomains = [domain],
                Phone = _random.Next(100) < 80 ? phone.Number : null,
                Email = _random.Next(100) < 60 ? "info@" + domain : null,
                Address = _random.Next(100) < 50 ? string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 999)} Main Street, {name.Split(' ')[0]}") : null,
                Notes = _random.Next(100) < 15 ? "Met at the community fair; prefers email before calls." : null,
                OwnerId = _random.Next(100) < 60 ? Pick(_staffIds) : null,
            });
            organization.PhoneNormalized = organization.Phone is null ? null : phone.Normalized;
            if (_random.Next(100) < 3)
            {
                organization.IsArchived = true;
                organization.ArchivedAt = organization.UpdatedAt;
            }

            foreach (var tagId in PickTags(maxTags: 2))
            {
                organization.Tags.Add(new OrganizationTag { OrganizationId = organization.Id, TagId = tagId });
            }

            db.Organizations.Add(organization);
            _organizations.Add((organization.Id, domain));
            if ((i + 1) % BatchSize == 0)
            {
                await SaveAsync(ct);
            }
        }

        await SaveAsync(ct);
        // A few organizations have many people (the big school district, the town), most have a handful.
        _organizationWeights = Cumulative(Enumerable.Range(0, _organizations.Count).Select(i => 1.0 / Math.Pow(i + 1, 0.5)));
    }

    private async Task AddContactsAsync(CancellationToken ct)
    {
        for (var i = 0; i < size.Contacts; i++)
        {
            var first = Pick(SampleNames.FirstNames);
            var last = Pick(SampleNames.LastNames);
            var title = _random.Next(100) < 60 ? Pick(SampleNames.Titles) : null;
            var contact = Stamp(new Contact
            {
                FirstName = first,
                LastName = last,
                DisplayName = $"{first} {last}",
                Title = title,
                PreferredChannel = _random.Next(100) < 30 ? (ContactChannel)_random.Next(0, 6) : null,
                Notes = _random.Next(100) < 20 ? "Interested in library programs for their group. Follow up in the spring." : null,
                OwnerId = _random.Next(100) < 50 ? Pick(_staffIds) : null,
            });
            if (_random.Next(100) < 3)
            {
                contact.IsArchived = true;
                contact.ArchivedAt = contact.UpdatedAt;
            }

            (Guid Id, string Domain)? organization = _organizations.Count > 0 && _random.Next(100) < 80
                ? _organizations[PickWeighted(_organizationWeights)]
                : null;
            if (size.HasOutreach && i == 0)
            {
                // The busiest contact: a current affiliation with the busiest organization (the same random draws as
                // without an outreach log, so the contacts themselves do not change).
                contact.Id = _busiestContactId;
                organization = _organizations.Count > 0 ? _organizations[0] : null;
            }
            if (organization is { } current)
            {
                contact.Affiliations.Add(Stamp(new Affiliation { ContactId = contact.Id, OrganizationId = current.Id, Role = title, StartDate = DateOnly.FromDateTime(contact.CreatedAt.UtcDateTime) }));
                if (_random.Next(100) < 15)
                {
                    var earlier = _organizations[_random.Next(_organizations.Count)];
                    contact.Affiliations.Add(Stamp(new Affiliation
                    {
                        ContactId = contact.Id,
                        OrganizationId = earlier.Id,
                        Role = Pick(SampleNames.Titles),
                        StartDate = DateOnly.FromDateTime(contact.CreatedAt.UtcDateTime).AddYears(-4),
                        EndDate = DateOnly.FromDateTime(contact.CreatedAt.UtcDateTime).AddMonths(-1),
                    }));
                }
            }

            if (_random.Next(100) < 92)
            {
                var work = organization?.Domain;
                AddEmail(contact, first, last, work ?? Pick(SampleNames.PersonalDomains), work is null ? "Home" : "Work");
                if (_random.Next(100) < 30)
                {
                    AddEmail(contact, first, last, Pick(SampleNames.PersonalDomains), "Home");
                }
            }

            if (_random.Next(100) < 75)
            {
                AddPhone(contact, organization is null ? "Mobile" : "Work");
                if (_random.Next(100) < 20)
                {
                    AddPhone(contact, "Mobile");
                }
            }

            foreach (var tagId in PickTags(maxTags: 3))
            {
                contact.Tags.Add(new ContactTag { ContactId = contact.Id, TagId = tagId });
            }

            db.Contacts.Add(contact);
            if (!contact.IsArchived)
            {
                _contacts.Add((contact.Id, organization?.Id));
            }

            if ((i + 1) % BatchSize == 0)
            {
                await SaveAsync(ct);
            }
        }

        await SaveAsync(ct);
    }

    private void AddEmail(Contact contact, string first, string last, string domain, string label)
    {
        var local = Slug($"{first}.{last}", '.');
        var address = $"{local}@{domain}";
        for (var n = 2; !_emails.Add(address); n++)
        {
            address = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@{domain}");
        }

        contact.Emails.Add(new ContactEmail { ContactId = contact.Id, Address = address, NormalizedAddress = address, Label = label, IsPrimary = contact.Emails.Count == 0 });
    }

    private void AddPhone(Contact contact, string label)
    {
        var (number, normalized) = Phone();
        contact.Phones.Add(new ContactPhone { ContactId = contact.Id, Number = number, Normalized = normalized, Label = label, IsPrimary = contact.Phones.Count == 0 });
    }

    /// <summary>A ten-digit number in one of the ways people write them, and its digits.</summary>
    private (string Number, string Normalized) Phone()
    {
        var area = Pick(SampleNames.AreaCodes);
        var exchange = _random.Next(200, 999).ToString(CultureInfo.InvariantCulture);
        var line = _random.Next(0, 10_000).ToString("0000", CultureInfo.InvariantCulture);
        return _random.Next(3) switch
        {
            0 => ($"({area}) {exchange}-{line}", area + exchange + line),
            1 => ($"{area}-{exchange}-{line}", area + exchange + line),
            _ => ($"+1 {area} {exchange} {line}", "+1" + area + exchange + line),
        };
    }

    private HashSet<Guid> PickTags(int maxTags)
    {
        var picked = new HashSet<Guid>();
        if (_tagIds.Count == 0)
        {
            return picked;
        }

        // 0 tags for about a third, then 1, 2 or 3.
        var count = Math.Min(maxTags, PickWeighted(Cumulative([35, 35, 20, 10])));
        for (var attempt = 0; picked.Count < count && attempt < 10; attempt++)
        {
            picked.Add(_tagIds[PickWeighted(_tagWeights)]);
        }

        return picked;
    }

    private T Stamp<T>(T entity)
        where T : TrackedEntity
    {
        var created = _now.AddMinutes(-_random.Next(1, 3 * 365 * 24 * 60));
        entity.CreatedAt = created;
        entity.CreatedById = _staffIds.Count > 0 ? Pick(_staffIds) : null;
        entity.UpdatedAt = _random.Next(100) < 40 ? created.AddMinutes(_random.Next(1, (int)(_now - created).TotalMinutes)) : created;
        entity.UpdatedById = entity.CreatedById;
        entity.Version = Guid.NewGuid();
        return entity;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private T Pick<T>(IReadOnlyList<T> items) => _random.Pick(items);

    private int PickWeighted(double[] cumulative) => _random.PickWeighted(cumulative);

    private static double[] Cumulative(IEnumerable<double> weights) => WeightedRandom.Cumulative(weights);

    private static string Slug(string text, char separator = '-')
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((c == ' ' || c == '.' || c == '-') && builder.Length > 0 && builder[^1] != separator)
            {
                builder.Append(separator);
            }
        }

        return builder.ToString().Trim(separator);
    }
}
