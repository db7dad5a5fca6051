namespace LibraryOutreach.Web.Infrastructure.Demo;

/// <summary>
/// How much <see cref="DemoDataSeeder"/> makes. The same size and seed always give the same data (but for the record
/// ids), so the benchmarks can cache a generated file.
/// </summary>
/// <param name="Contacts">Contacts, each with 0–2 emails, 0–2 phones, 0–3 tags and usually one current affiliation.</param>
/// <param name="Organizations">Organizations of the eight default types, with 0–2 tags and an email domain each.</param>
/// <param name="Tags">Tags on contacts and organizations; tag 0 ("Partners") is the most used.</param>
/// <param name="StaffUsers">Staff accounts to create (owners of records, staff at events); see <see cref="DemoStaff"/>.</param>
/// <param name="Seed">Seed of the random choices.</param>
/// <param name="Events">Outreach events over the three years before "now", with staff, organizations and attendees.</param>
/// <param name="Interactions">Interactions (touches) over the same three years, spread unevenly over relationships with a pattern each (two-way, one-sided either way, neglected).</param>
/// <param name="FollowUps">Follow-ups, most done, some open and overdue.</param>
/// <param name="BusiestContactEntries">
/// About how many timeline entries (interactions, events attended, follow-ups) the busiest contact
/// (the first one made) gets (taken out of the totals above); 0 when there are no events or interactions.
/// </param>
/// <param name="CommitteeSeats">Staff members' seats on outside bodies.</param>
/// <param name="EveryOrganizationType">The first organizations take the default types in turn, so even a small town has one of each.</param>
public sealed record DemoDataSize(
    int Contacts,
    int Organizations,
    int Tags = 40,
    int StaffUsers = 12,
    int Seed = 20261201,
    int Events = 0,
    int Interactions = 0,
    int FollowUps = 0,
    int BusiestContactEntries = 0,
    int CommitteeSeats = 0,
    bool EveryOrganizationType = false)
{
    /// <summary><c>seed-demo --size small</c>: a small town's library, quick to make, good for trying the app and for training.</summary>
    public static DemoDataSize Small { get; } = new(400, 60, Tags: 12, StaffUsers: 8, Events: 600, Interactions: 4_000, FollowUps: 200, BusiestContactEntries: 150, CommitteeSeats: 8, EveryOrganizationType: true);

    /// <summary><c>seed-demo --size large</c>: a library system at the scale of the performance requirements (50,000 contacts, 1,000,000 interactions).</summary>
    public static DemoDataSize Large { get; } = new(50_000, 5_000, StaffUsers: 11, Events: 100_000, Interactions: 1_000_000, FollowUps: 20_000, BusiestContactEntries: 10_000, CommitteeSeats: 40, EveryOrganizationType: true);

    /// <summary>True when the size includes an outreach log (events, interactions or follow-ups).</summary>
    public bool HasOutreach => Events > 0 || Interactions > 0 || FollowUps > 0;
}

/// <summary>
/// The staff accounts a seeding makes, and the existing ones that also own records and log touches.
/// <see cref="AdminName"/> set: the first account made is an Admin with that name (the benchmarks act as it);
/// otherwise they are Supervisors (the first two) and Staff. Accounts made here have no password.
/// </summary>
public sealed record DemoStaff(IReadOnlyList<string> ExistingIds, Func<int, string> Id, Func<int, string> Email, string? AdminName = null);

/// <summary>Fixed ids for the busiest contact and organization, so benchmarks can find them in a cached file.</summary>
public sealed record DemoBusiest(Guid ContactId, Guid OrganizationId);
