using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace LibraryOutreach.Benchmarks.Infrastructure;

/// <summary>Adds the median and the 95th percentile to the summary (the requirement is about slow requests, not the mean).</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
}
