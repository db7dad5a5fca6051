using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.E2ETests.Infrastructure;

/// <summary>
/// A live app over the demo town (<c>seed-demo --size small</c>: <see cref="DemoDataService"/>), with one account per
/// role that can sign in with the test password, and the ids of records worth opening. The accounts are made before
/// the seeding, so the town's records are also theirs (owners, staff at events).
/// </summary>
public sealed class DemoTown : IAsyncLifetime
{
    public const string AdminEmail = "ada.admin@library.test";
    public const string SupervisorEmail = "sam.supervisor@library.test";
    public const string StaffEmail = "sky.staff@library.test";

    public LiveApp App { get; private set; } = null!;

    /// <summary>The contact with the most interactions: a long timeline and a health card with something to say.</summary>
    public Guid BusiestContactId { get; private set; }

    public string BusiestContactName { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    /// <summary>An event with attendees, staff and organizations.</summary>
    public Guid EventId { get; private set; }

    public Guid InteractionId { get; private set; }

    public static string EmailOf(string role) => role switch
    {
        Roles.Admin => AdminEmail,
        Roles.Supervisor => SupervisorEmail,
        Roles.Staff => StaffEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    public async Task InitializeAsync()
    {
        App = await LiveApp.StartAsync(new Dictionary<string, string?> { ["Library:Name"] = "Springfield Public Library" });
        await App.Factory.CreateUserAsync(AdminEmail, Roles.Admin, "Ada Admin");
        await App.Factory.CreateUserAsync(SupervisorEmail, Roles.Supervisor, "Sam Supervisor");
        await App.Factory.CreateUserAsync(StaffEmail, Roles.Staff, "Sky Staff");
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataService>().SeedAsync(DemoDataSize.Small, force: false, CancellationToken.None);
            if (seeded.Refused)
            {
                throw new InvalidOperationException("seed-demo refused: " + seeded.Refusal);
            }
        }

        await App.Factory.WithDbAsync(async db =>
        {
            var busiest = await db.Interactions.Where(i => i.ContactId != null)
                .GroupBy(i => i.ContactId!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            BusiestContactId = busiest;
            BusiestContactName = await db.Contacts.Where(c => c.Id == busiest).Select(c => c.DisplayName).SingleAsync();
            OrganizationId = await db.Interactions.Where(i => i.OrganizationId != null)
                .GroupBy(i => i.OrganizationId!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            EventId = await db.OutreachEvents
                .Where(e => e.Contacts.Count > 0 && e.Staff.Count > 0 && e.Organizations.Count > 0)
                .OrderByDescending(e => e.StartDate).Select(e => e.Id).FirstAsync();
            InteractionId = await db.Interactions.Where(i => i.ContactId == busiest).OrderByDescending(i => i.OccurredAt).Select(i => i.Id).FirstAsync();
        });
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
