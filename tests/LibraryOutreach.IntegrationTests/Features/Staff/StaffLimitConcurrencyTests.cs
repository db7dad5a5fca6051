using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Staff;

/// <summary>The account limit (active accounts + pending invitations) holds under parallel requests, on both providers.</summary>
public class StaffLimitConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task InviteAsync_TenInParallelWithRoomForFour_ExactlyFourSucceed(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Staff:MaxAccounts"] = "5" });
        var admin = await app.CreateAdminAsync();

        var attempts = Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => Outcome(() => app.InviteAsync(admin, $"person{i}@library.test"))))
            .ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(4, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<StaffLimitReachedException>(o));
        Assert.Equal(4, await app.WithDbAsync(db => db.Invitations.CountAsync()));
        Assert.Equal(5, await UsedAsync(app));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AcceptsAndInvitesInParallel_WithOnePlaceLeft_OnlyOneInviteFitsAndEveryAcceptSucceeds(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Staff:MaxAccounts"] = "4" });
        var admin = await app.CreateAdminAsync();
        var tokens = new List<string>();
        foreach (var email in new[] { "a@library.test", "b@library.test" })
        {
            tokens.Add(StaffTestExtensions.TokenOf((await app.InviteAsync(admin, email)).Link));
        }

        // Used: 1 admin + 2 pending = 3 of 4. Accepting turns a pending invitation into an account (no extra room).
        var accepts = tokens.Select(t => Task.Run(() => app.AcceptAsync(t))).ToList();
        var invites = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => Outcome(() => app.InviteAsync(admin, $"extra{i}@library.test"))))
            .ToList();
        await Task.WhenAll(accepts.Cast<Task>().Concat(invites));

        Assert.All(accepts, a => Assert.True(a.Result.Succeeded, string.Join("; ", a.Result.Errors)));
        Assert.Equal(1, invites.Count(i => i.Result is null));
        Assert.All(invites.Where(i => i.Result is not null), i => Assert.IsType<StaffLimitReachedException>(i.Result));
        Assert.Equal(3, await app.WithDbAsync(db => db.Users.CountAsync(u => u.IsActive)));
        Assert.Equal(4, await UsedAsync(app));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AcceptAsync_DifferentInvitationsInParallelAtTheLimit_NeverExceedsIt(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Staff:MaxAccounts"] = "4" });
        var admin = await app.CreateAdminAsync();
        var tokens = new List<string>();
        foreach (var email in new[] { "a@library.test", "b@library.test", "c@library.test" })
        {
            tokens.Add(StaffTestExtensions.TokenOf((await app.InviteAsync(admin, email)).Link));
        }

        // Used: 1 admin + 3 pending = 4 of 4. Each link is opened twice at once.
        var results = await Task.WhenAll(tokens.Concat(tokens).Select(t => Task.Run(() => app.AcceptAsync(t))));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([InvitationService.InvalidLinkMessage], r.Errors));
        Assert.Equal(3, results.Where(r => r.Succeeded).Select(r => r.UserId).Distinct().Count());
        Assert.Equal(4, await app.WithDbAsync(db => db.Users.CountAsync(u => u.IsActive)));
        Assert.Equal(4, await UsedAsync(app));
        await Assert.ThrowsAsync<StaffLimitReachedException>(() => app.InviteAsync(admin, "one-more@library.test"));
    }

    private static async Task<Exception?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task<int> UsedAsync(OutreachAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffCapacity>().CountUsedAsync(CancellationToken.None);
    }
}
