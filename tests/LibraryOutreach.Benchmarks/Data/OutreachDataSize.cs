using System.Globalization;
using LibraryOutreach.Web.Infrastructure.Demo;

namespace LibraryOutreach.Benchmarks.Data;

/// <summary>
/// How much data <see cref="OutreachDataGenerator"/> makes. The same size and seed always give the same data (but for
/// the record ids), so a generated file can be cached (see <see cref="Key"/>).
/// </summary>
/// <param name="Contacts">Contacts, each with 0–2 emails, 0–2 phones, 0–3 tags and usually one current affiliation.</param>
/// <param name="Organizations">Organizations of the eight default types, with 0–2 tags and an email domain each.</param>
/// <param name="Tags">Tags on contacts and organizations; tag 0 (<see cref="OutreachDataGenerator.FilterTagName"/>) is the most used.</param>
/// <param name="StaffUsers">Staff accounts (owners of records); the first is the Admin the benchmarks act as.</param>
/// <param name="Seed">Seed of the random choices.</param>
/// <param name="Events">Outreach events over the three years before <see cref="OutreachDataGenerator.Now"/>, with staff, organizations and attendees.</param>
/// <param name="Interactions">Interactions (touches) over the same three years, spread unevenly over relationships with a pattern each (two-way, one-sided either way, neglected).</param>
/// <param name="FollowUps">Follow-ups, most done, some open and overdue.</param>
/// <param name="BusiestContactEntries">
/// About how many timeline entries (interactions, events attended, follow-ups) <see cref="OutreachDataGenerator.BusiestContactId"/> gets
/// (taken out of the totals above); 0 when there are no events or interactions.
/// </param>
public sealed record OutreachDataSize(
    int Contacts,
    int Organizations,
    int Tags = 40,
    int StaffUsers = 12,
    int Seed = 20261201,
    int Events = 0,
    int Interactions = 0,
    int FollowUps = 0,
    int BusiestContactEntries = 0)
{
    /// <summary>The scale of the product requirement: 50,000 contacts and 5,000 organizations.</summary>
    public static OutreachDataSize Library { get; } = new(50_000, 5_000);

    /// <summary>
    /// The scale of the relationship and report requirements: <see cref="Library"/> plus 100,000 events, 1,000,000
    /// interactions, 20,000 follow-ups and one contact with about 10,000 timeline entries.
    /// </summary>
    public static OutreachDataSize Outreach { get; } = new(50_000, 5_000, Events: 100_000, Interactions: 1_000_000, FollowUps: 20_000, BusiestContactEntries: 10_000);

    /// <summary>A migrated database with only the staff accounts (and the default organization types).</summary>
    public static OutreachDataSize Empty { get; } = new(0, 0, Tags: 0);

    /// <summary>Part of the cache file name: every parameter.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"c{Contacts}-o{Organizations}-t{Tags}-u{StaffUsers}-s{Seed}")
        + (HasOutreach ? string.Create(CultureInfo.InvariantCulture, $"-e{Events}-i{Interactions}-f{FollowUps}-b{BusiestContactEntries}") : "");

    /// <summary>True when the size includes an outreach log (events, interactions or follow-ups).</summary>
    public bool HasOutreach => Events > 0 || Interactions > 0 || FollowUps > 0;

    /// <summary>Short, for BenchmarkDotNet's parameter column: "50k/5k" (contacts/organizations) or "empty".</summary>
    public override string ToString() => Contacts == 0 && Organizations == 0
        ? "empty"
        : string.Create(CultureInfo.InvariantCulture, $"{Contacts / 1000.0:0.#}k/{Organizations / 1000.0:0.#}k")
            + (HasOutreach ? string.Create(CultureInfo.InvariantCulture, $"/{Interactions / 1_000_000.0:0.##}M") : "");

    /// <summary>The same size as the seeder takes it.</summary>
    public DemoDataSize ToDemo() => new(Contacts, Organizations, Tags, StaffUsers, Seed, Events, Interactions, FollowUps, BusiestContactEntries);
}
