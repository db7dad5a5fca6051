using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Features.Import;

namespace LibraryOutreach.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (<c>--filter</c>, <c>--job</c>, …), and two helpers:
/// <c>generate [outreach]</c> makes (or finds) the cached 50k/5k and empty databases (with <c>outreach</c>: also the
/// 50k/5k database with 100,000 events and 1,000,000 interactions, <see cref="OutreachDataSize.Outreach"/>);
/// <c>lists-once</c> runs each list benchmark twice and prints the second time; <c>health-once</c> times the health recompute of the busiest contact and organization twice; <c>import-once [empty]</c> times one
/// preview-then-import of the 10,000-row file. Both without BenchmarkDotNet, for profiling (with <c>OUTREACH_BENCH_SQL=1</c>).
/// <c>explain FILE.sql [@name=value…]</c> prints SQLite's plan for a query on the cached 50k database (or the file in
/// <c>OUTREACH_BENCH_DB</c>) and times it (the SQLite the app ships, which may plan differently from a system sqlite3).
/// <c>timeline-memory</c> reports the memory one open timeline holds (see <c>TimelineMemory</c>).
/// <c>system [start] [pages] [paint] [load] [--minutes N]</c> measures the real app as its own process on a copy of the
/// outreach database: cold starts, server-rendered page times, the dashboard's largest contentful paint in Chromium, and
/// 12 concurrent Blazor circuits for N minutes (default 5) — see <see cref="Features.SystemScale.SystemScaleRun"/>.
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>
    /// The one-year report and the dashboard (as an Admin and as a Staff user), each run <paramref name="runs"/> times after
    /// one warm-up run, with every wall time, the median and the 95th percentile printed (with <c>OUTREACH_BENCH_SQL=1</c>,
    /// every SQL command's time).
    /// </summary>
    private static async Task ReportsOnceAsync(int runs)
    {
        var reports = new Features.Reports.ReportBenchmarks();
        reports.Setup();
        try
        {
            await TimeAsync("one-year report", runs, reports.OneYear);
        }
        finally
        {
            reports.Cleanup();
        }

        var dashboard = new Features.Home.DashboardBenchmarks();
        dashboard.Setup();
        try
        {
            await TimeAsync("dashboard (Admin)", runs, dashboard.Dashboard);
            await TimeAsync("dashboard (Staff)", runs, dashboard.DashboardAsStaff);
        }
        finally
        {
            dashboard.Cleanup();
        }
    }

    private static async Task TimeAsync(string name, int runs, Func<Task> run)
    {
        await run();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {times[^1]:0} ms"));
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        // Nearest rank.
        var p95 = times[Math.Clamp((int)Math.Ceiling(0.95 * times.Count) - 1, 0, times.Count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {runs} runs, median {median:0} ms, p95 {p95:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms"));
    }

    public static async Task Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "generate":
                foreach (var size in args.Contains("outreach")
                    ? new[] { OutreachDataSize.Library, OutreachDataSize.Empty, OutreachDataSize.Outreach }
                    : [OutreachDataSize.Library, OutreachDataSize.Empty])
                {
                    Console.WriteLine($"{size}: {await new OutreachDataGenerator(size).GetOrCreateAsync()}");
                }

                break;
            case "explain" when args.Length >= 2:
                await ExplainAsync(await File.ReadAllTextAsync(args[1]), args.Skip(2).ToArray());
                break;
            case "timeline-memory":
                await Features.Timeline.TimelineMemory.RunAsync();
                break;
            case "lists-once":
                await ListsOnceAsync();
                break;
            case "health-once":
                await Features.Health.HealthBenchmarks.RecomputeOnceAsync();
                break;
            case "reports-once":
                await ReportsOnceAsync(args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
                break;
            case "system":
                await Features.SystemScale.SystemScaleRun.RunAsync(args);
                break;
            case "import-once":
                var benchmark = new ImportBenchmarks { Database = args.Contains("empty") ? OutreachDataSize.Empty : OutreachDataSize.Library };
                benchmark.Setup();
                try
                {
                    benchmark.FreshDatabase();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    var result = await benchmark.PreviewThenImport();
                    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{benchmark.Database}: {watch.Elapsed.TotalSeconds:0.00} s ({cpu.TotalSeconds:0.00} s CPU); added {result.Added}, merged {result.Merged}, skipped {result.Skipped}, {result.Errors.Count} errors"));
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

    private static async Task ListsOnceAsync()
    {
        var contacts = new Features.Contacts.ContactListBenchmarks();
        var organizations = new Features.Organizations.OrganizationListBenchmarks();
        contacts.Setup();
        organizations.Setup();
        try
        {
            var cases = new (string Name, Func<Task> Run)[]
            {
                ("Contacts " + nameof(contacts.FirstPage_ByName_Tagged), contacts.FirstPage_ByName_Tagged),
                ("Contacts " + nameof(contacts.FirstPage_ByOrganization_Tagged), contacts.FirstPage_ByOrganization_Tagged),
                ("Contacts " + nameof(contacts.Page40_ByName_Tagged), contacts.Page40_ByName_Tagged),
                ("Contacts " + nameof(contacts.FirstPage_ByName_All), contacts.FirstPage_ByName_All),
                ("Contacts " + nameof(contacts.Search_Name), contacts.Search_Name),
                ("Contacts " + nameof(contacts.Search_Phone), contacts.Search_Phone),
                ("Organizations " + nameof(organizations.FirstPage_ByName_Tagged), organizations.FirstPage_ByName_Tagged),
                ("Organizations " + nameof(organizations.FirstPage_ByType_Tagged), organizations.FirstPage_ByType_Tagged),
                ("Organizations " + nameof(organizations.Page10_ByName_Tagged), organizations.Page10_ByName_Tagged),
                ("Organizations " + nameof(organizations.FirstPage_ByName_All), organizations.FirstPage_ByName_All),
                ("Organizations " + nameof(organizations.Search_Name), organizations.Search_Name),
            };
            foreach (var (name, run) in cases)
            {
                await run();
                var watch = Stopwatch.StartNew();
                await run();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {watch.Elapsed.TotalMilliseconds:0.0} ms"));
            }
        }
        finally
        {
            contacts.Cleanup();
            organizations.Cleanup();
        }
    }

    private static async Task ExplainAsync(string sql, string[] parameters)
    {
        // OUTREACH_BENCH_DB: another database file (the outreach database, or a copy with a trial index).
        var path = Environment.GetEnvironmentVariable("OUTREACH_BENCH_DB") is { Length: > 0 } file
            ? file
            : await new OutreachDataGenerator(OutreachDataSize.Library).GetOrCreateAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            LibraryOutreach.Web.Infrastructure.Data.DataServiceCollectionExtensions.SqliteConnectionString(path) + ";Mode=ReadOnly");
        await connection.OpenAsync();
        Microsoft.Data.Sqlite.SqliteCommand Command(string text)
        {
            var command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var parameter in parameters)
            {
                var parts = parameter.Split('=', 2);
                command.Parameters.AddWithValue(parts[0], parts[1]);
            }

            return command;
        }

        await using (var version = Command("SELECT sqlite_version()"))
        {
            Console.WriteLine($"SQLite {await version.ExecuteScalarAsync()}");
        }

        await using (var explain = Command("EXPLAIN QUERY PLAN " + sql))
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"  {reader.GetString(3)}");
            }
        }

        await using var run = Command(sql);
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var rows = 0;
            await using (var reader = await run.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows in {watch.Elapsed.TotalMilliseconds:0.0} ms"));
        }
    }
}
