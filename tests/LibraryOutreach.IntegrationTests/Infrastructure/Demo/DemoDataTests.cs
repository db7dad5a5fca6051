using LibraryOutreach.Data.Entities;
using LibraryOutreach.Data.Search;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure.Cli;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Demo;

/// <summary><c>seed-demo</c>: a believable town, all or nothing, never mixed into real records by accident.</summary>
public sealed class DemoDataTests : IDisposable
{
    private const string Password = "a-long-enough-password";
    private readonly CliSandbox _cli = new();

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Small_MakesEveryKindOfRecord_WithTwoWayOneSidedAndNeglectedRelationships(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateAdminAsync();

        var result = await SeedAsync(app, force: false);

        var size = DemoDataSize.Small;
        Assert.False(result.Refused, result.Refusal);
        Assert.Equal(size.Contacts, await app.WithDbAsync(db => db.Contacts.CountAsync()));
        Assert.Equal(size.Organizations, await app.WithDbAsync(db => db.Organizations.CountAsync()));
        Assert.Equal(size.Events, await app.WithDbAsync(db => db.OutreachEvents.CountAsync()));
        Assert.Equal(size.Interactions, await app.WithDbAsync(db => db.Interactions.CountAsync()));
        Assert.Equal(size.FollowUps, await app.WithDbAsync(db => db.FollowUps.CountAsync()));
        Assert.Equal(size.CommitteeSeats, await app.WithDbAsync(db => db.CommitteeSeats.CountAsync()));
        Assert.Equal(size.StaffUsers, result.StaffAccounts);

        // Every default organization type is used; most people work somewhere; the Admin owns some records and logs touches.
        Assert.Equal(8, await app.WithDbAsync(db => db.Organizations.Select(o => o.TypeId).Distinct().CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.Affiliations.CountAsync()) > size.Contacts / 2);
        Assert.True(await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.OwnerId == admin.Id)) > 0);
        Assert.True(await app.WithDbAsync(db => db.Interactions.CountAsync(i => i.StaffUserId == admin.Id)) > 0);

        // The patterns two-way health looks for: touched only by the library, mostly by the partner, and not for a year.
        var byContact = await app.WithDbAsync(db => db.Interactions.Where(i => i.ContactId != null)
            .GroupBy(i => i.ContactId)
            .Select(g => new
            {
                Total = g.Count(),
                Library = g.Count(i => i.InitiatedBy == InitiatedBy.Library),
                Partner = g.Count(i => i.InitiatedBy == InitiatedBy.Partner),
                Latest = g.Max(i => i.OccurredAt),
            })
            .ToListAsync());
        var yearAgo = DateTimeOffset.UtcNow.AddMonths(-12);
        Assert.Contains(byContact, c => c.Total >= 3 && c.Library == c.Total);
        Assert.Contains(byContact, c => c.Total >= 3 && c.Partner * 2 > c.Total);
        Assert.Contains(byContact, c => c.Total >= 3 && c.Latest < yearAgo);
        Assert.Contains(byContact, c => c.Total >= 3 && c.Library > 0 && c.Partner > 0 && c.Latest > yearAgo);

        // Counts "not recorded" as well as recorded ones, for the report; the search index covers it all.
        Assert.True(await app.WithDbAsync(db => db.OutreachEvents.CountAsync(e => e.Attendance == null)) > 0);
        Assert.True(await app.WithDbAsync(db => db.OutreachEvents.CountAsync(e => e.Attendance == 0 || e.Attendance > 0)) > 0);
        Assert.False(await app.WithDbAsync(db => SearchIndexer.IsStaleAsync(db, CancellationToken.None)));

        // Two-way health is computed for the whole town, and finds each pattern.
        Assert.False(await app.WithDbAsync(db => HealthRefresher.IsStaleAsync(db, TimeProvider.System, CancellationToken.None)));
        Assert.True(await app.WithDbAsync(db => db.RelationshipHealth.CountAsync(h => h.LibraryAlwaysReachesOut)) > 0);
        Assert.True(await app.WithDbAsync(db => db.RelationshipHealth.CountAsync(h => h.Neglected)) > 0);
        Assert.True(await app.WithDbAsync(db => db.RelationshipHealth.CountAsync(h => !h.HasAnyFlag)) > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Second_Run_IsRefused_UnlessForced_AndForcedAddsAnotherTownWithoutClashing(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Staff:MaxAccounts"] = "12" });
        await app.CreateAdminAsync();
        Assert.False((await SeedAsync(app, force: false)).Refused);

        var refused = await SeedAsync(app, force: false);
        Assert.True(refused.Refused);
        Assert.Contains("already holds records", refused.Refusal, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(DemoDataSize.Small.Contacts, await app.WithDbAsync(db => db.Contacts.CountAsync()));

        var forced = await SeedAsync(app, force: true);
        Assert.False(forced.Refused, forced.Refusal);
        Assert.Equal(2 * DemoDataSize.Small.Contacts, await app.WithDbAsync(db => db.Contacts.CountAsync()));
        // 1 Admin + 8 demo accounts left room for 3 more: the account limit holds.
        Assert.Equal(3, forced.StaffAccounts);
        Assert.Equal(12, await app.WithDbAsync(db => db.Users.CountAsync(u => u.IsActive)));
    }

    [Fact]
    public async Task Verb_WithoutAnAdmin_RefusesAndAddsNothing_ThenSeedsOnceThereIsOne()
    {
        var none = await _cli.RunAsync("seed-demo");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("There is no Admin account yet", none.Error, StringComparison.Ordinal);
        using (var db = _cli.Open())
        {
            Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Contacts;"));
            Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM AspNetUsers;"));
        }

        Assert.Equal(0, (await _cli.RunWithInputAsync(Password + "\n", "create-admin", "--email", "ann@library.example", "--name", "Ann Admin")).ExitCode);
        var seeded = await _cli.RunAsync("seed-demo", "--size", "small");
        Assert.Equal(0, seeded.ExitCode);
        Assert.Contains("Added 60 organizations, 400 contacts, 600 events, 4,000 interactions", seeded.Output, StringComparison.Ordinal);

        var again = await _cli.RunAsync("seed-demo");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds records (400 contact(s), 60 organization(s), 600 event(s), 4,000 interaction(s))", again.Error, StringComparison.Ordinal);

        var wrongSize = await _cli.RunAsync("seed-demo", "--size", "huge");
        Assert.Equal(2, wrongSize.ExitCode);
    }

    public void Dispose() => _cli.Dispose();

    private static async Task<DemoSeedResult> SeedAsync(OutreachAppFactory app, bool force)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataService>().SeedAsync(DemoDataSize.Small, force, CancellationToken.None);
    }
}
