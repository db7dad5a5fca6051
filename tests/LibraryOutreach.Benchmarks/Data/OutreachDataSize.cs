using System.Globalization;

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
public sealed record OutreachDataSize(int Contacts, int Organizations, int Tags = 40, int StaffUsers = 12, int Seed = 20261201)
{
    /// <summary>The scale of the product requirement: 50,000 contacts and 5,000 organizations.</summary>
    public static OutreachDataSize Library { get; } = new(50_000, 5_000);

    /// <summary>A migrated database with only the staff accounts (and the default organization types).</summary>
    public static OutreachDataSize Empty { get; } = new(0, 0, Tags: 0);

    /// <summary>Part of the cache file name: every parameter.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"c{Contacts}-o{Organizations}-t{Tags}-u{StaffUsers}-s{Seed}");

    /// <summary>Short, for BenchmarkDotNet's parameter column: "50k/5k" (contacts/organizations) or "empty".</summary>
    public override string ToString() => Contacts == 0 && Organizations == 0
        ? "empty"
        : string.Create(CultureInfo.InvariantCulture, $"{Contacts / 1000.0:0.#}k/{Organizations / 1000.0:0.#}k");
}
