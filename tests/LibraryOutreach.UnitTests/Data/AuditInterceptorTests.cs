using System.Text.Json;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.UnitTests.Data;

/// <summary>The audit interceptor over a real, migrated temporary SQLite file.</summary>
public sealed class AuditInterceptorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 2, 3, 4, 5, 6, TimeSpan.Zero);
    private static readonly AuditUser Author = new("user-42", "Grace Librarian");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lo-unit-tests", Guid.NewGuid().ToString("N"));
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _connectionString = DataServiceCollectionExtensions.SqliteConnectionString(Path.Combine(_directory, "audit.db"));
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Added_RecordsCreatedWithNewValuesAuthorAndClock()
    {
        var invitation = NewInvitation();
        await using (var db = NewContext())
        {
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.Created, nameof(Invitation), invitation.Id.ToString()), (entry.Action, entry.EntityType, entry.EntityId));
        Assert.Equal((Author.UserId, Author.Name, Now), (entry.UserId, entry.UserName, entry.At));
        var changes = Changes(entry);
        Assert.Equal(new AuditChange("Email", null, "li@library.example"), changes["Email"]);
        Assert.Equal(new AuditChange("Role", null, Roles.Staff), changes["Role"]);
        Assert.Equal(new AuditChange("TokenHash", null, "(hidden)"), changes["TokenHash"]);
        Assert.Equal(Now.AddDays(7).ToString("O"), changes["ExpiresAt"].New);
        Assert.False(changes.ContainsKey("AcceptedAt"), "null values of a new record are left out");
        Assert.DoesNotContain(invitation.TokenHash, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modified_RecordsOnlyChangedFieldsWithOldAndNewValues()
    {
        var invitation = await InsertAsync();
        await using (var db = NewContext())
        {
            var stored = await db.Invitations.SingleAsync();
            stored.DisplayName = "Li Wei-Chen";
            stored.Role = Roles.Supervisor;
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesAsync(), e => e.Action == AuditActions.Updated);
        Assert.Equal(invitation.Id.ToString(), entry.EntityId);
        var changes = Changes(entry);
        Assert.Equal(["DisplayName", "Role"], changes.Keys.Order());
        Assert.Equal(new AuditChange("DisplayName", "Li Wei", "Li Wei-Chen"), changes["DisplayName"]);
        Assert.Equal(new AuditChange("Role", Roles.Staff, Roles.Supervisor), changes["Role"]);
    }

    [Fact]
    public async Task Modified_WithoutRealChange_WritesNothing()
    {
        var invitation = await InsertAsync();
        await using (var db = NewContext())
        {
            // Attaching a detached copy marks every property modified, with the same values.
            db.Invitations.Update(invitation);
            await db.SaveChangesAsync();

            var stored = await db.Invitations.SingleAsync();
            stored.DisplayName = stored.DisplayName;
            db.Entry(stored).Property(i => i.Email).IsModified = true;
            await db.SaveChangesAsync();
        }

        Assert.Equal([AuditActions.Created], (await EntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Modified_OnlyIgnoredBookkeeping_WritesNothing()
    {
        var user = new StaffUser { UserName = "ann@library.example", Email = "ann@library.example", DisplayName = "Ann", CreatedAt = Now, SecurityStamp = "a" };
        await using (var db = NewContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var stored = await db.Users.SingleAsync();
            stored.SecurityStamp = "b";
            stored.ConcurrencyStamp = Guid.NewGuid().ToString();
            stored.LastSignInAt = Now;
            stored.AccessFailedCount = 3;
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(AuditActions.Created, entry.Action);
        Assert.DoesNotContain("SecurityStamp", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("ConcurrencyStamp", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_RecordsOldValues()
    {
        var invitation = await InsertAsync();
        await using (var db = NewContext())
        {
            db.Invitations.Remove(await db.Invitations.SingleAsync());
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesAsync(), e => e.Action == AuditActions.Deleted);
        Assert.Equal(invitation.Id.ToString(), entry.EntityId);
        var changes = Changes(entry);
        Assert.Equal(new AuditChange("DisplayName", "Li Wei", null), changes["DisplayName"]);
        Assert.Equal(new AuditChange("TokenHash", "(hidden)", null), changes["TokenHash"]);
    }

    [Fact]
    public async Task SynchronousSave_IsAttributedToTheSystem()
    {
        await using (var db = NewContext())
        {
            db.Invitations.Add(NewInvitation());
            db.SaveChanges();
        }

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((null, "system"), (entry.UserId, entry.UserName));
    }

    [Fact]
    public async Task AuditOnly_RecordsChangesToThoseTypesAlone()
    {
        await using (var db = NewContext())
        {
            db.AuditOnly = new HashSet<Type> { typeof(Tag) };
            db.Invitations.Add(NewInvitation());
            db.Tags.Add(new Tag { Name = "Schools" });
            await db.SaveChangesAsync();
        }

        Assert.Equal([nameof(Tag)], (await EntriesAsync()).Select(e => e.EntityType));
    }

    [Fact]
    public async Task AutomaticDetectionOff_ChangesToldToTheContextAreStampedAndAudited()
    {
        var tag = new Tag { Name = "Schools", Color = "#000000" };
        await using (var db = NewContext(stamps: true))
        {
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
        }

        var later = Now.AddHours(1);
        await using (var db = NewContext(stamps: true, now: later))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var stored = await db.Tags.SingleAsync();
            stored.Color = "#ffffff";
            db.Entry(stored).DetectChanges();
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var stored = await db.Tags.AsNoTracking().SingleAsync();
            Assert.Equal(("#ffffff", later, Author.UserId), (stored.Color, stored.UpdatedAt, stored.UpdatedById));
            Assert.NotEqual(tag.Version, stored.Version);
        }

        var updated = Assert.Single(await EntriesAsync(), e => e.Action == AuditActions.Updated);
        Assert.Equal(new AuditChange("Color", "#000000", "#ffffff"), Changes(updated)["Color"]);
    }

    private OutreachDbContext NewContext(bool stamps = false, DateTimeOffset? now = null)
    {
        var options = new DbContextOptionsBuilder<OutreachDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, _connectionString);
        var clock = new FixedTimeProvider(now ?? Now);
        if (stamps)
        {
            options.AddInterceptors(new TrackedEntityInterceptor(new FixedAuthor(), clock));
        }

        options.AddInterceptors(new AuditInterceptor(new FixedAuthor(), clock));
        return new OutreachDbContext(options.Options);
    }

    private async Task<Invitation> InsertAsync()
    {
        var invitation = NewInvitation();
        await using var db = NewContext();
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        db.Entry(invitation).State = EntityState.Detached;
        return invitation;
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = NewContext();
        return await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
    }

    private static Invitation NewInvitation() => new()
    {
        Id = Guid.NewGuid(),
        Email = "li@library.example",
        DisplayName = "Li Wei",
        Role = Roles.Staff,
        TokenHash = new string('a', 64),
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(7),
    };

    private static Dictionary<string, AuditChange> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, JsonSerializerOptions.Web)!.ToDictionary(c => c.Field);

    private sealed class FixedAuthor : IAuditUserProvider
    {
        public ValueTask<AuditUser> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Author);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
