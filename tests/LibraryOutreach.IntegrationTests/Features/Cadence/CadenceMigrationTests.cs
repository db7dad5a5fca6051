using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Cadence;

/// <summary>The AddCadenceAndReminders migration on both providers: seeded cadences and the constraints that guard them (a record's own cadence is checked by CadenceService).</summary>
public class CadenceMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migration_SeedsTheDefaultCadencePerPartnershipLevel(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);

        var rules = await app.WithDbAsync(db => db.CadenceRules.AsNoTracking().Where(r => r.PartnershipLevel != null)
            .Select(r => new { r.PartnershipLevel, r.IdealDays, r.MaxDays }).ToListAsync());

        Assert.Equal(
            CadenceRuleConfiguration.Defaults.Select(d => (d.Level, d.Ideal, d.Max)).OrderBy(d => d.Level),
            rules.Select(r => (r.PartnershipLevel!.Value, r.IdealDays, r.MaxDays)).OrderBy(d => d.Item1));
        Assert.Contains((PartnershipLevel.FormalPartner, 30, 60), rules.Select(r => (r.PartnershipLevel!.Value, r.IdealDays, r.MaxDays)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CheckConstraints_RefuseAMaximumBelowTheIdealAndARuleForTwoSubjects(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.CadenceRules.Add(new CadenceRule { OrganizationTypeId = OrganizationTypeConfiguration.Defaults[0].Id, IdealDays = 30, MaxDays = 10 });
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.CadenceRules.Add(new CadenceRule { PartnershipLevel = PartnershipLevel.Sponsor, OrganizationTypeId = OrganizationTypeConfiguration.Defaults[0].Id, IdealDays = 1, MaxDays = 2 });
            await db.SaveChangesAsync();
        }));

        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact { FirstName = "Whole", DisplayName = "Whole", CadenceIdealDays = 14, CadenceMaxDays = 28 });
            db.CadenceRules.Add(new CadenceRule { OrganizationTypeId = OrganizationTypeConfiguration.Defaults[0].Id, IdealDays = 20, MaxDays = 40 });
            await db.SaveChangesAsync();
        });
        Assert.Equal(5, await app.WithDbAsync(db => db.CadenceRules.CountAsync()));
    }
}
