using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Import.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Import;

/// <summary>
/// Importing a 10,000-row Google Contacts CSV (<see cref="GoogleContactsCsvGenerator"/>) through the real
/// <see cref="ImportService"/> end to end, as the import page does it: <see cref="ImportService.PreviewAsync"/> (parse,
/// duplicate detection), then <see cref="ImportService.ImportAsync"/> with the suggested choice for every duplicate
/// (parse again, plan, write in one transaction with stamps, audit and the undo batch). As an Admin, on a database
/// that already holds 50,000 contacts and 5,000 organizations, and on an empty one. Every iteration starts from a
/// fresh copy of the cached database (made in the iteration setup, not measured), so each is a single run:
/// the Monitoring strategy, one warm-up and five measured iterations.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*ImportBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    public const int Rows = 10_000;

    private string _directory = "";
    private BenchmarkApp _app = null!;
    private OutreachDataGenerator _generator = null!;
    private byte[] _csv = [];

    public static IEnumerable<OutreachDataSize> Databases => [OutreachDataSize.Library, OutreachDataSize.Empty];

    [ParamsSource(nameof(Databases))]
    public OutreachDataSize Database { get; set; } = OutreachDataSize.Library;

    [GlobalSetup]
    public void Setup()
    {
        // The same file for both databases: its duplicates are drawn from the 50k database.
        var library = new OutreachDataGenerator(OutreachDataSize.Library).GetOrCreateAsync().GetAwaiter().GetResult();
        _csv = new GoogleContactsCsvGenerator(Rows).CreateAsync(library).GetAwaiter().GetResult();
        _generator = new OutreachDataGenerator(Database);
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        _generator.CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        Console.WriteLine($"// CSV: {Rows} rows, {_csv.Length / 1024} KiB");
    }

    [IterationSetup]
    public void FreshDatabase() => _generator.CopyToAsync(_directory).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task<ImportPreview> Preview()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ImportService>()
            .PreviewAsync(new MemoryStream(_csv), "contacts.csv", ImportKind.Contacts, null, CancellationToken.None);
    }

    [Benchmark(Baseline = true)]
    public async Task<ImportResult> PreviewThenImport()
    {
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<ImportService>();
        var preview = await service.PreviewAsync(new MemoryStream(_csv), "contacts.csv", ImportKind.Contacts, null, CancellationToken.None);
        var choices = preview.DuplicateRows.ToDictionary(r => r.RowNumber, r => r.SuggestedAction);
        var result = await service.ImportAsync(new MemoryStream(_csv), "contacts.csv", ImportKind.Contacts, null, choices, CancellationToken.None);
        if (result.Added + result.Merged == 0)
        {
            throw new InvalidOperationException("The import wrote nothing.");
        }

        return result;
    }

    private AsyncServiceScope Scope() =>
        _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
}
