using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Features.Import;

namespace LibraryOutreach.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (<c>--filter</c>, <c>--job</c>, …), and two helpers:
/// <c>generate</c> makes (or finds) the cached 50k/5k and empty databases;
/// <c>import-once [empty]</c> times one preview-then-import of the 10,000-row file without BenchmarkDotNet (for profiling).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "generate":
                foreach (var size in new[] { OutreachDataSize.Library, OutreachDataSize.Empty })
                {
                    Console.WriteLine($"{size}: {await new OutreachDataGenerator(size).GetOrCreateAsync()}");
                }

                break;
            case "import-once":
                var benchmark = new ImportBenchmarks { Database = args.Contains("empty") ? OutreachDataSize.Empty : OutreachDataSize.Library };
                benchmark.Setup();
                try
                {
                    benchmark.FreshDatabase();
                    var watch = Stopwatch.StartNew();
                    var result = await benchmark.PreviewThenImport();
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{benchmark.Database}: {watch.Elapsed.TotalSeconds:0.00} s; added {result.Added}, merged {result.Merged}, skipped {result.Skipped}, {result.Errors.Count} errors"));
                }
                finally
                {
                    benchmark.Cleanup();
                }

                break;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                break;
        }
    }
}
