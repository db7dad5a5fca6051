using System.Diagnostics;
using System.Globalization;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Search;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Infrastructure.Demo;

/// <summary>What <see cref="DemoDataService.SeedAsync"/> did, or why it did nothing.</summary>
public sealed record DemoSeedResult(
    string? Refusal,
    int Organizations = 0,
    int Contacts = 0,
    int Events = 0,
    int Interactions = 0,
    int FollowUps = 0,
    int CommitteeSeats = 0,
    int StaffAccounts = 0,
    TimeSpan Elapsed = default)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// <c>seed-demo</c>: fills a database with a made-up town (<see cref="DemoDataSeeder"/>) for trying the app, training
/// and the system-scale benchmarks. It refuses when there is no Admin yet (the demo accounts have no password, so
/// nobody could sign in, and the setup page would no longer offer itself) and when the database already holds records
/// unless forced: a real library's records must never be mixed with invented ones by accident.
/// The records are written in one transaction (all or nothing), around the audit and search interceptors; the
/// search index is rebuilt once at the end, and the two-way health of every relationship computed after.
/// </summary>
public sealed class DemoDataService(
    IConfiguration configuration,
    IDbContextFactory<OutreachDbContext> contextFactory,
    StaffCapacity capacity,
    IOptions<HealthOptions> healthOptions,
    TimeProvider timeProvider)
{
    public async Task<DemoSeedResult> SeedAsync(DemoDataSize size, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(size);
        var started = Stopwatch.StartNew();
        await using (await capacity.LockAsync(cancellationToken))
        {
            List<string> existingStaff;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var admins = await db.UserRoles.CountAsync(r => r.RoleId == "role-admin" && db.Users.Any(u => u.Id == r.UserId && u.IsActive), cancellationToken);
                if (admins == 0)
                {
                    return new DemoSeedResult(
                        "There is no Admin account yet. Create one first (the setup page, or the create-admin verb): the demo's staff accounts have no password, so without an Admin nobody could sign in.");
                }

                var held = new[]
                {
                    (await db.Contacts.CountAsync(cancellationToken), "contact(s)"),
                    (await db.Organizations.CountAsync(cancellationToken), "organization(s)"),
                    (await db.OutreachEvents.CountAsync(cancellationToken), "event(s)"),
                    (await db.Interactions.CountAsync(cancellationToken), "interaction(s)"),
                }.Where(h => h.Item1 > 0).ToList();
                if (held.Count > 0 && !force)
                {
                    var what = string.Join(", ", held.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Item1:N0} {h.Item2}")));
                    return new DemoSeedResult(
                        $"This database already holds records ({what}). seed-demo would add an invented town's records beside them. "
                        + "Run it on an empty database, or add --force if this really is a test database.");
                }

                existingStaff = await db.Users.Where(u => u.IsActive).OrderBy(u => u.CreatedAt).Select(u => u.Id).ToListAsync(cancellationToken);
            }

            var room = Math.Max(0, capacity.MaxAccounts - await capacity.CountUsedAsync(cancellationToken));
            var seeded = size with { StaffUsers = Math.Min(size.StaffUsers, room) };
            // Fresh ids and addresses each run, so a forced second run never collides with the first.
            var run = Guid.NewGuid().ToString();
            var staff = new DemoStaff(
                existingStaff,
                i => string.Create(CultureInfo.InvariantCulture, $"{run[..24]}{i + 1:000000000000}"),
                i => string.Create(CultureInfo.InvariantCulture, $"demo{i + 1}.{run[..8]}@demo.library.example"));

            var (provider, connectionString) = DataServiceCollectionExtensions.ResolveConnection(configuration);
            var options = new DbContextOptionsBuilder<OutreachDbContext>();
            DataServiceCollectionExtensions.Configure(options, provider, connectionString);
            await using (var db = new OutreachDbContext(options.Options))
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await new DemoDataSeeder(db, seeded, staff, timeProvider.GetUtcNow()).RunAsync(cancellationToken);
                await SearchIndexer.RebuildAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            // Two-way health is precomputed; the rows of records written around the interceptors are made now, so the
            // first Relationships page or dashboard does not wait for the whole town's refresh.
            await using (var db = new OutreachDbContext(options.Options))
            {
                await HealthRefresher.RefreshAllAsync(db, healthOptions.Value, timeProvider, onlyStale: true, cancellationToken);
            }

            return new DemoSeedResult(
                null,
                seeded.Organizations,
                seeded.Contacts,
                seeded.Events,
                seeded.Interactions,
                seeded.FollowUps,
                seeded.CommitteeSeats,
                seeded.StaffUsers,
                started.Elapsed);
        }
    }
}
