namespace LibraryOutreach.Web.Infrastructure.Demo;

/// <summary>The seeded random choices the data generators make.</summary>
internal static class WeightedRandom
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn with the weights whose running sums are <paramref name="cumulative"/> (see <see cref="Cumulative"/>).</summary>
    public static int PickWeighted(this Random random, double[] cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    /// <summary>Running sums of <paramref name="weights"/>, for <see cref="PickWeighted"/>.</summary>
    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }
}
