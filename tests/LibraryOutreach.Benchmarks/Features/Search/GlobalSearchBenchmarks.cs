using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Search;

/// <summary>
/// The app bar's global search: <see cref="ISearchService.SearchAsync"/> as <c>GlobalSearch</c> calls it (8 hits a
/// kind, every kind), over the search index of 50,000 contacts and 5,000 organizations
/// (<see cref="OutreachDataSize.Library"/>; FTS5 on SQLite), as an Admin in one scope like one circuit. The queries are
/// what a person types: a common name prefix, two words, an organization word, an email and phone digits.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*GlobalSearchBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class GlobalSearchBenchmarks
{
    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private ISearchService _search = null!;

    [Params("mar", "mar jo", "springfield", "example", "617 55")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Library).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
        _search = _scope.ServiceProvider.GetRequiredService<ISearchService>();
        var results = _search.SearchAsync(Query).GetAwaiter().GetResult();
        var hits = results.Groups.Sum(g => g.Hits.Count);
        Console.WriteLine($"// \"{Query}\": {hits} hits in {results.Groups.Count} kinds");
        if (hits == 0)
        {
            throw new InvalidOperationException($"The query \"{Query}\" finds nothing: the benchmark would measure an empty search.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<SearchResults> Search() => _search.SearchAsync(Query);
}
