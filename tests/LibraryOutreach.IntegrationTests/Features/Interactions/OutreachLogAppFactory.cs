using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Interactions;

/// <summary>A library in New York (UTC−5 in winter, −4 in summer) whose clock the test sets.</summary>
public sealed class LibraryClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => NewYork;
}

/// <summary>The real app with a <see cref="LibraryClock"/> at 14 July 2026, 12:00 in New York, and helpers to seed records.</summary>
public sealed class OutreachLogAppFactory(TestDatabase database) : OutreachAppFactory(database)
{
    public LibraryClock Clock { get; } = new(new DateTimeOffset(2026, 7, 14, 16, 0, 0, TimeSpan.Zero));

    public static async Task<OutreachLogAppFactory> StartAsync(DatabaseProvider provider)
    {
        var factory = new OutreachLogAppFactory(await TestDatabase.CreateAsync(provider));
        _ = factory.Server;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<Contact> AddContactAsync(string first, string last, Organization? organization = null)
    {
        var contact = new Contact { FirstName = first, LastName = last, DisplayName = $"{first} {last}" };
        await WithDbAsync(async db =>
        {
            db.Contacts.Add(contact);
            if (organization is not null)
            {
                db.Affiliations.Add(new Affiliation { ContactId = contact.Id, OrganizationId = organization.Id });
            }

            await db.SaveChangesAsync();
        });
        return contact;
    }

    public async Task<Organization> AddOrganizationAsync(string name)
    {
        var organization = new Organization { Name = name, TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        await WithDbAsync(async db =>
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        });
        return organization;
    }
}
