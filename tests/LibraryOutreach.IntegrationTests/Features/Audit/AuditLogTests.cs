using System.Text.Json;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Audit;

/// <summary>The audit interceptor inside the running app: who, when, what, and never a secret.</summary>
public class AuditLogTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AccountChanges_ByAdmin_RecordAuthorClockAndFieldValuesWithoutSecrets(DatabaseProvider provider)
    {
        await using var app = await AuditAppFactory.CreateAsync(provider, Now);
        var admin = await app.CreateUserAsync("alice@library.example", Roles.Admin, "Alice Admin");

        StaffUser bob;
        string hashAfterChange;
        await using (var scope = app.ScopeAs(admin, Roles.Admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            bob = new StaffUser { UserName = "bob@library.example", Email = "bob@library.example", DisplayName = "Bob", EmailConfirmed = true, CreatedAt = Now };
            Assert.True((await users.CreateAsync(bob, "first-long-password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(bob, Roles.Staff)).Succeeded);
            bob.DisplayName = "Robert";
            Assert.True((await users.UpdateAsync(bob)).Succeeded);
            Assert.True((await users.ChangePasswordAsync(bob, "first-long-password-1", "second-long-password-2")).Succeeded);
            hashAfterChange = bob.PasswordHash!;
        }

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == admin.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.All(entries, e =>
        {
            Assert.Equal("Alice Admin", e.UserName);
            Assert.Equal(Now, e.At);
            Assert.DoesNotContain("SecurityStamp", e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain("ConcurrencyStamp", e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(hashAfterChange, e.Changes, StringComparison.Ordinal);
        });

        var created = Assert.Single(entries, e => e.EntityType == nameof(StaffUser) && e.Action == AuditActions.Created);
        Assert.Equal(bob.Id, created.EntityId);
        var createdChanges = Changes(created);
        Assert.Equal("Bob", createdChanges["DisplayName"].New);
        Assert.Equal("bob@library.example", createdChanges["Email"].New);
        Assert.Equal("(hidden)", createdChanges["PasswordHash"].New);
        Assert.Null(createdChanges["PasswordHash"].Old);

        var role = Assert.Single(entries, e => e.EntityType == "IdentityUserRole`1");
        Assert.Equal(AuditActions.Created, role.Action);
        Assert.Equal($"{bob.Id}|role-staff", role.EntityId);
        Assert.Equal("role-staff", Changes(role)["RoleId"].New);

        var updates = entries.Where(e => e.EntityType == nameof(StaffUser) && e.Action == AuditActions.Updated).Select(Changes).ToList();
        var rename = Assert.Single(updates, c => c.ContainsKey("DisplayName"));
        Assert.Equal(("Bob", "Robert"), (rename["DisplayName"].Old, rename["DisplayName"].New));
        Assert.False(rename.ContainsKey("PasswordHash"));
        var passwordChange = Assert.Single(updates, c => c.ContainsKey("PasswordHash"));
        Assert.Equal(("(hidden)", "(hidden)"), (passwordChange["PasswordHash"].Old, passwordChange["PasswordHash"].New));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Invitation_WrittenThroughFactory_RecordsCreateUpdateDeleteWithHiddenToken(DatabaseProvider provider)
    {
        await using var app = await AuditAppFactory.CreateAsync(provider, Now);
        var admin = await app.CreateUserAsync("alice@library.example", Roles.Admin, "Alice Admin");
        var invitation = NewInvitation();

        await using (var scope = app.ScopeAs(admin, Roles.Admin))
        {
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Invitations.Add(invitation);
                await db.SaveChangesAsync();
            }

            await using (var db = await factory.CreateDbContextAsync())
            {
                var stored = await db.Invitations.SingleAsync(i => i.Id == invitation.Id);
                stored.RevokedAt = Now.AddHours(1);
                await db.SaveChangesAsync();
                db.Invitations.Remove(stored);
                await db.SaveChangesAsync();
            }
        }

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == invitation.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.Created, AuditActions.Updated, AuditActions.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(nameof(Invitation), e.EntityType);
            Assert.Equal(admin.Id, e.UserId);
            Assert.Equal("Alice Admin", e.UserName);
            Assert.Equal(Now, e.At);
            Assert.DoesNotContain(invitation.TokenHash, e.Changes, StringComparison.Ordinal);
        });

        var created = Changes(entries[0]);
        Assert.Equal("li@library.example", created["Email"].New);
        Assert.Equal("(hidden)", created["TokenHash"].New);
        Assert.False(created.ContainsKey("RevokedAt"), "null values of a new record are left out");

        var updated = Changes(entries[1]);
        Assert.Equal(["RevokedAt"], updated.Keys);
        Assert.Null(updated["RevokedAt"].Old);
        Assert.NotNull(updated["RevokedAt"].New);

        var deleted = Changes(entries[2]);
        Assert.Equal("Li Wei", deleted["DisplayName"].Old);
        Assert.Null(deleted["DisplayName"].New);
        Assert.Equal("(hidden)", deleted["TokenHash"].Old);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_RolledBackOrFailed_WritesNoAuditRow(DatabaseProvider provider)
    {
        await using var app = await AuditAppFactory.CreateAsync(provider, Now);
        var admin = await app.CreateUserAsync("alice@library.example", Roles.Admin, "Alice Admin");
        var rolledBack = NewInvitation();
        var kept = NewInvitation();
        var duplicate = NewInvitation();
        duplicate.TokenHash = kept.TokenHash;

        await using (var scope = app.ScopeAs(admin, Roles.Admin))
        {
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Invitations.Add(rolledBack);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Invitations.Add(kept);
                await db.SaveChangesAsync();
            }

            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Invitations.Add(duplicate); // violates the unique token hash index
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            }
        }

        var ids = new[] { rolledBack.Id, kept.Id, duplicate.Id }.Select(i => i.ToString()).ToList();
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => ids.Contains(a.EntityId)).Select(a => a.EntityId).ToListAsync());
        Assert.Equal([kept.Id.ToString()], audited);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    private static Invitation NewInvitation() => new()
    {
        Id = Guid.NewGuid(),
        Email = "li@library.example",
        DisplayName = "Li Wei",
        Role = Roles.Staff,
        TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(7),
    };

    private static Dictionary<string, AuditChange> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, JsonSerializerOptions.Web)!.ToDictionary(c => c.Field);
}
