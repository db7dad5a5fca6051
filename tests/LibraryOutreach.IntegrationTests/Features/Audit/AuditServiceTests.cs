using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Audit;

public class AuditServiceTests
{
    // Seeded entries live in 2024, apart from the entries the tests' own account set-up writes "now".
    private static readonly DateTimeOffset SeedStart = new(2024, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private const int SeedCount = 30;

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Supervisor)]
    public async Task AuditService_NonAdmin_IsRefused(string role)
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var user = await app.CreateUserAsync("someone@library.example", role);
        await using var scope = app.ScopeAs(user, role);
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.SearchAsync(new AuditQuery(), CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.ListEntityTypesAsync(CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.ListPeopleAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AuditService_SystemScopeWithoutRole_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.SearchAsync(new AuditQuery(), CancellationToken.None));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchAsync_NoFilters_PagesNewestFirstWithTotal(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateUserAsync("admin@library.example", Roles.Admin, "Ada Admin");
        await SeedAsync(app);
        var total = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count()));
        await using var scope = app.ScopeAs(admin, Roles.Admin);
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();

        var first = await audit.SearchAsync(new AuditQuery { PageSize = 10 }, CancellationToken.None);
        var second = await audit.SearchAsync(new AuditQuery { PageSize = 10, Page = 1 }, CancellationToken.None);

        Assert.Equal(total, first.TotalCount);
        Assert.Equal(10, first.Rows.Count);
        Assert.Equal(10, second.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
        var all = first.Rows.Concat(second.Rows).ToList();
        Assert.Equal(all.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Id), all.Select(r => r.Id));
        Assert.True(first.Rows[^1].At >= second.Rows[0].At);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SearchAsync_Filters_ReturnOnlyMatchingRows(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateUserAsync("admin@library.example", Roles.Admin, "Ada Admin");
        await SeedAsync(app);
        await using var scope = app.ScopeAs(admin, Roles.Admin);
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var seedRange = new AuditQuery { From = SeedStart, Until = SeedStart.AddMinutes(SeedCount), PageSize = 100 };

        async Task<List<AuditRow>> Search(AuditQuery query) => (await audit.SearchAsync(query, CancellationToken.None)).Rows.ToList();

        Assert.Equal(SeedCount, (await Search(seedRange)).Count);

        // From is inclusive, Until exclusive: minutes 10..19.
        var window = await Search(seedRange with { From = SeedStart.AddMinutes(10), Until = SeedStart.AddMinutes(20) });
        Assert.Equal(Enumerable.Range(10, 10).Reverse().Select(i => $"seed-{i:00}"), window.Select(r => r.EntityId));

        var ann = await Search(seedRange with { UserId = "user-ann" });
        Assert.Equal(10, ann.Count);
        Assert.All(ann, r => Assert.Equal("Ann", r.UserName));

        var system = await Search(seedRange with { UserId = AuditQuery.SystemUserId });
        Assert.Equal(10, system.Count);
        Assert.All(system, r => Assert.Null(r.UserId));

        var invitations = await Search(seedRange with { EntityType = nameof(Invitation) });
        Assert.Equal(15, invitations.Count);
        Assert.All(invitations, r => Assert.Equal("Invitation", r.EntityTypeName));

        var deleted = await Search(seedRange with { Action = AuditActions.Deleted });
        Assert.Equal(10, deleted.Count);
        Assert.All(deleted, r => Assert.Equal(AuditActions.Deleted, r.Action));

        var byId = await Search(seedRange with { EntityIdContains = " SEED-2 " });
        Assert.Equal(Enumerable.Range(20, 10).Reverse().Select(i => $"seed-{i:00}"), byId.Select(r => r.EntityId));

        // Updated staff accounts by the system: entries 2, 8, 14, 20 and 26.
        var combined = await Search(seedRange with { UserId = AuditQuery.SystemUserId, Action = AuditActions.Updated, EntityType = nameof(StaffUser) });
        Assert.Equal(["seed-26", "seed-20", "seed-14", "seed-08", "seed-02"], combined.Select(r => r.EntityId));

        var row = Assert.Single(await Search(seedRange with { EntityIdContains = "seed-07" }));
        var change = Assert.Single(row.Changes);
        Assert.Equal(new AuditChange("DisplayName", "Old 7", "New 7"), change);
    }

    [Fact]
    public async Task SearchAsync_PageSizeOverLimit_IsCappedAt100()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateUserAsync("admin@library.example", Roles.Admin);
        await using var scope = app.ScopeAs(admin, Roles.Admin);
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();

        var result = await audit.SearchAsync(new AuditQuery { PageSize = 5000, Page = -3 }, CancellationToken.None);

        Assert.Equal(AuditQuery.MaxPageSize, result.PageSize);
        Assert.Equal(0, result.Page);
    }

    [Fact]
    public async Task FilterLists_ShowFriendlyEntityNamesAndPeople()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateUserAsync("admin@library.example", Roles.Admin, "Ada Admin");
        await using (var adminScope = app.ScopeAs(admin, Roles.Admin))
        {
            var users = adminScope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var gone = new StaffUser { UserName = "gone@library.example", Email = "gone@library.example", DisplayName = "Gone", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(gone)).Succeeded);
            Assert.True((await users.AddToRoleAsync(gone, Roles.Staff)).Succeeded);
        }

        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = SeedStart, UserId = "deleted-user", UserName = "Dora", Action = AuditActions.Created, EntityType = "OutreachEvent", EntityId = "x" });
            await db.SaveChangesAsync();
        });

        await using var scope = app.ScopeAs(admin, Roles.Admin);
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var types = await audit.ListEntityTypesAsync(CancellationToken.None);
        var people = await audit.ListPeopleAsync(CancellationToken.None);

        Assert.Contains(new AuditFilterOption(nameof(StaffUser), "Staff account"), types);
        Assert.Contains(new AuditFilterOption("IdentityUserRole`1", "Role assignment"), types);
        Assert.Contains(new AuditFilterOption("OutreachEvent", "OutreachEvent"), types);
        Assert.Contains(new AuditFilterOption(admin.Id, "Ada Admin (admin@library.example)"), people);
        Assert.Contains(new AuditFilterOption("deleted-user", "Dora (account removed)"), people);
        Assert.Equal(new AuditFilterOption(AuditQuery.SystemUserId, "System"), people[^1]);
    }

    [Theory]
    [InlineData("StaffUser", "Staff account")]
    [InlineData("Invitation", "Invitation")]
    [InlineData("IdentityUserRole`1", "Role assignment")]
    [InlineData("ContactNote", "ContactNote")]
    public void EntityTypeNames_AreFriendlyWithRawFallback(string raw, string expected) =>
        Assert.Equal(expected, AuditDisplayNames.EntityType(raw));

    [Theory]
    [InlineData("DisplayName", "Name")]
    [InlineData("PasswordHash", "Password")]
    [InlineData("TwoFactorEnabled", "Two factor enabled")]
    [InlineData("Email", "Email")]
    public void FieldNames_AreReadable(string raw, string expected) =>
        Assert.Equal(expected, AuditDisplayNames.Field(raw));

    /// <summary>
    /// 30 entries one minute apart from <see cref="SeedStart"/>: authors rotate Ann, Ben, system; kinds alternate
    /// StaffUser / Invitation; actions rotate Created, Updated, Deleted.
    /// </summary>
    private static Task SeedAsync(OutreachAppFactory app) => app.WithDbAsync(async db =>
    {
        (string? Id, string Name)[] authors = [("user-ann", "Ann"), ("user-ben", "Ben"), (null, "system")];
        string[] actions = [AuditActions.Created, AuditActions.Updated, AuditActions.Deleted];
        for (var i = 0; i < SeedCount; i++)
        {
            var author = authors[i % 3];
            db.AuditEntries.Add(new AuditEntry
            {
                At = SeedStart.AddMinutes(i),
                UserId = author.Id,
                UserName = author.Name,
                Action = actions[i / 2 % 3],
                EntityType = i % 2 == 0 ? nameof(StaffUser) : nameof(Invitation),
                EntityId = $"seed-{i:00}",
                Changes = $$"""[{"field":"DisplayName","old":"Old {{i}}","new":"New {{i}}"}]""",
            });
        }

        await db.SaveChangesAsync();
    });
}
