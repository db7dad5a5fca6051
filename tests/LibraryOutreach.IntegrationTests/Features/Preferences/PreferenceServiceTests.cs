using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Preferences;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Preferences;

public class PreferenceServiceTests
{
    private sealed record ListChoice(string? Text, int PageSize, IReadOnlyList<string> HiddenColumns);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetAsync_ThenGet_KeepsEachPersonsChoiceApartAndOverwritesTheirOwn(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");

        await app.AsAsync<PreferenceService>(sam, Roles.Staff, s => s.SetAsync("contacts-list", new ListChoice("mar", 25, ["email"])));
        await app.AsAsync<PreferenceService>(sam, Roles.Staff, s => s.SetAsync("contacts-list", new ListChoice("hom", 50, ["email", "owner"])));
        await app.AsAsync<PreferenceService>(lee, Roles.Supervisor, s => s.SetAsync("contacts-list", new ListChoice(null, 10, [])));

        var samsChoice = await app.AsAsync<PreferenceService, ListChoice?>(sam, Roles.Staff, s => s.GetAsync<ListChoice>("contacts-list"));
        var leesChoice = await app.AsAsync<PreferenceService, ListChoice?>(lee, Roles.Supervisor, s => s.GetAsync<ListChoice>("contacts-list"));
        Assert.Equal(("hom", 50), (samsChoice?.Text, samsChoice?.PageSize));
        Assert.Equal(["email", "owner"], samsChoice?.HiddenColumns);
        Assert.Equal((null, 10), (leesChoice?.Text, leesChoice?.PageSize));
        Assert.Null(await app.AsAsync<PreferenceService, ListChoice?>(sam, Roles.Staff, s => s.GetAsync<ListChoice>("organizations-list")));
        Assert.Equal(2, await app.WithDbAsync(db => db.UserPreferences.CountAsync()));
    }

    [Fact]
    public async Task GetAsync_StoredValueOfAnotherShape_ReturnsNullInsteadOfFailing()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await app.WithDbAsync(async db =>
        {
            db.UserPreferences.Add(new UserPreference { UserId = sam.Id, Key = "contacts-list", Value = "[1, 2, 3]", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

        Assert.Null(await app.AsAsync<PreferenceService, ListChoice?>(sam, Roles.Staff, s => s.GetAsync<ListChoice>("contacts-list")));
    }

    [Fact]
    public async Task GetAsync_SignedOut_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<PreferenceService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync<ListChoice>("contacts-list"));
    }
}
