using System.Globalization;
using System.Text;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Data.Search;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Data;

/// <summary>
/// Makes a real SQLite database at library-system scale (<see cref="OutreachDataSize"/>): the schema from the app's
/// own migration path (<see cref="DatabaseMigrator"/>, as at start-up and in the <c>migrate</c> verb), then staff
/// accounts, tags, organizations (types, tags, email domains, phones) and contacts (emails, phones, tags,
/// affiliations, owners, a few archived) from a seeded random generator, so the same size always gives the same
/// names, values, counts and links (record ids are fresh GUIDs each time).
/// <para>
/// Seeding is bulk work, not app work: it writes through a plain <see cref="OutreachDbContext"/> <b>without the
/// stamping and audit interceptors</b> (stamps and versions are set here; no audit rows are written), with change
/// detection off, in batches inside one transaction, with <c>synchronous=OFF</c> on that connection only.
/// </para>
/// <para>
/// <see cref="GetOrCreateAsync"/> caches the file in <see cref="CacheDirectory"/> (<c>OUTREACH_BENCH_CACHE</c>, or
/// <c>libraryoutreach-bench</c> in the temp folder), named by the size, <see cref="Version"/> and the latest
/// migration, so a schema change or a change to what is generated makes a new file. Benchmarks that write take a copy
/// (<see cref="CopyToAsync"/>). Delete the folder to start over.
/// </para>
/// </summary>
public sealed partial class OutreachDataGenerator(OutreachDataSize size)
{
    /// <summary>Bump when the generated content changes, so cached files made by an older generator are not used.</summary>
    public const int Version = 3;

    public const string AdminUserId = "b0000000-0000-7000-8000-000000000001";
    public const string AdminDisplayName = "Avery Admin";

    /// <summary>The most used tag (on about one contact in five and one organization in six): the list benchmarks filter by it.</summary>
    public const string FilterTagName = "Partners";

    /// <summary>With an outreach log (<see cref="OutreachDataSize.HasOutreach"/>): the contact with the longest timeline (<see cref="OutreachDataSize.BusiestContactEntries"/> entries).</summary>
    public static readonly Guid BusiestContactId = new("0193b5e0-0000-7000-8000-00000000c001");

    /// <summary>With an outreach log: the organization with the most people (the busiest contact works there), and many events and touches of its own.</summary>
    public static readonly Guid BusiestOrganizationId = new("0193b5e0-0000-7000-8000-00000000a001");

    /// <summary>The generated data's "now": records were created over the three years before.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private const int BatchSize = 2_000;

    public OutreachDataSize Size { get; } = size ?? throw new ArgumentNullException(nameof(size));

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("OUTREACH_BENCH_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "libraryoutreach-bench");

    /// <summary>The path of the cached database for this size, generating it first when it is not there.</summary>
    public async Task<string> GetOrCreateAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(CacheDirectory);
        var path = Path.Combine(CacheDirectory, $"outreach-{Size.Key}-g{Version.ToString(CultureInfo.InvariantCulture)}-{LatestMigration()}.db");
        if (File.Exists(path))
        {
            return path;
        }

        var work = Path.Combine(CacheDirectory, "building-" + Guid.NewGuid().ToString("N"));
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (OlderCachedFile() is { } older)
            {
                // The same data made before a newer migration: brought up to date the way an upgrade is, by the app's
                // migrator, which is far quicker than generating a million rows again.
                Directory.CreateDirectory(work);
                File.Copy(older, Path.Combine(work, "outreach.db"));
                using var app = BenchmarkApp.Create(work);
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                SqliteConnection.ClearAllPools();
                Console.WriteLine($"// Migrated the cached {Path.GetFileName(older)}");
            }
            else
            {
                await GenerateAsync(work, ct);
            }

            // Moved into place only when complete: an interrupted generation is never taken for a cached file.
            File.Move(Path.Combine(work, "outreach.db"), path, overwrite: true);
            Console.WriteLine($"// Generated {Size} in {started.Elapsed.TotalSeconds:0.0} s: {path}");
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return path;
    }

    /// <summary>The newest cached file of this size and generator version made before the latest migration, if any.</summary>
    /// <remarks>Only files whose migration this build knows (another branch's newer schema is not taken).</remarks>
    private string? OlderCachedFile()
    {
        var prefix = $"outreach-{Size.Key}-g{Version.ToString(CultureInfo.InvariantCulture)}-";
        var known = Migrations().ToHashSet(StringComparer.Ordinal);
        return Directory
            .EnumerateFiles(CacheDirectory, prefix + "*.db")
            .Where(f => known.Contains(Path.GetFileNameWithoutExtension(f)[prefix.Length..]))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>Copies the cached database to <c>outreach.db</c> in <paramref name="directory"/> (the app's data directory).</summary>
    public async Task<string> CopyToAsync(string directory, CancellationToken ct = default)
    {
        var source = await GetOrCreateAsync(ct);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, "outreach.db");
        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { target + "-wal", target + "-shm" })
        {
            File.Delete(leftover);
        }

        File.Copy(source, target, overwrite: true);
        return target;
    }

    /// <summary>Creates <c>outreach.db</c> in <paramref name="directory"/>: migrations, then the data.</summary>
    public async Task GenerateAsync(string directory, CancellationToken ct = default)
    {
        using (var app = BenchmarkApp.Create(directory))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        }

        var databasePath = Path.Combine(directory, "outreach.db");
        var options = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, DataServiceCollectionExtensions.SqliteConnectionString(databasePath));
        await using (var db = new OutreachDbContext(options.Options))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;", ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await new Seeder(db, Size).RunAsync(ct);
            // The app keeps the global search index in step with every write; the seeder writes around the
            // interceptors, so it builds the index once at the end, as the rebuild after a restore does.
            await SearchIndexer.RebuildAsync(db, ct);
            await transaction.CommitAsync(ct);
            // One file, no WAL beside it, so the cached file can be copied alone.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The id of the newest SQLite migration: part of the cache key.</summary>
    public static string LatestMigration() => Migrations()[^1];

    private static List<string> Migrations()
    {
        var options = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new OutreachDbContext(options.Options);
        return [.. db.Database.GetMigrations()];
    }

    private sealed partial class Seeder(OutreachDbContext db, OutreachDataSize size)
    {
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
            AddTags();
            await SaveAsync(ct);
            await AddOrganizationsAsync(ct);
            await AddContactsAsync(ct);
            if (size.HasOutreach)
            {
                await AddOutreachLogAsync(ct);
            }
        }

        private void AddStaff()
        {
            for (var i = 0; i < size.StaffUsers; i++)
            {
                var id = i == 0 ? AdminUserId : $"b0000000-0000-7000-8000-{i + 1:000000000000}";
                var name = i == 0 ? AdminDisplayName : $"{Pick(SampleNames.FirstNames)} {Pick(SampleNames.LastNames)}";
                var email = string.Create(CultureInfo.InvariantCulture, $"staff{i + 1}@library.example");
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
                    CreatedAt = Now.AddYears(-3),
                });
                var role = i == 0 ? "role-admin" : i < 3 ? "role-supervisor" : "role-staff";
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = role });
                _staffIds.Add(id);
            }
        }

        private void AddTags()
        {
            var count = Math.Min(size.Tags, SampleNames.TagNames.Length);
            for (var i = 0; i < count; i++)
            {
                var tag = Stamp(new Tag { Name = SampleNames.TagNames[i], Color = SampleNames.Colors[i % SampleNames.Colors.Length] });
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
                    Id = size.HasOutreach && i == 0 ? BusiestOrganizationId : Guid.CreateVersion7(),
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
                    contact.Id = BusiestContactId;
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
            var created = Now.AddMinutes(-_random.Next(1, 3 * 365 * 24 * 60));
            entity.CreatedAt = created;
            entity.CreatedById = _staffIds.Count > 0 ? Pick(_staffIds) : null;
            entity.UpdatedAt = _random.Next(100) < 40 ? created.AddMinutes(_random.Next(1, (int)(Now - created).TotalMinutes)) : created;
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
}
