using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Data;

public class TrackedEntityTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_StaleCopy_IsRefusedAndTheFirstEditStays(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        await using var scope = app.ScopeAs(admin, Roles.Admin);
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>();
        var organization = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id, EmailDomains = ["springfield.k12.us"] };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }

        await using var first = await factory.CreateDbContextAsync();
        await using var second = await factory.CreateDbContextAsync();
        var firstCopy = await first.Organizations.SingleAsync(o => o.Id == organization.Id);
        var secondCopy = await second.Organizations.SingleAsync(o => o.Id == organization.Id);
        firstCopy.Phone = "555-0100";
        await first.SaveChangesAsync();
        secondCopy.Phone = "555-0199";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = await factory.CreateDbContextAsync();
        var saved = await check.Organizations.SingleAsync(o => o.Id == organization.Id);
        Assert.Equal("555-0100", saved.Phone);
        Assert.Equal(["springfield.k12.us"], saved.EmailDomains);
        Assert.Equal(admin.Id, saved.CreatedById);
        Assert.Equal(admin.Id, saved.UpdatedById);
        Assert.NotEqual(organization.Version, saved.Version);
        Assert.True(saved.UpdatedAt >= saved.CreatedAt);
    }

    [Fact]
    public async Task Migrations_SeedTheDefaultOrganizationTypes()
    {
        await using var app = await OutreachAppFactory.CreateAsync();

        var names = await app.WithDbAsync(db => db.OrganizationTypes.OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync());

        Assert.Equal(OrganizationTypeConfiguration.Defaults.Select(d => d.Name), names);
    }
}
