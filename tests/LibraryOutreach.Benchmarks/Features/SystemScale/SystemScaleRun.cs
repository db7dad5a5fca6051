using System.Diagnostics;
using System.Globalization;
using LibraryOutreach.Benchmarks.Data;
using Microsoft.Playwright;

namespace LibraryOutreach.Benchmarks.Features.SystemScale;

/// <summary>
/// Performance at system scale: the real app as its own process on a prepared copy of the outreach database
/// (<see cref="SystemScaleData"/>), measured from outside as people use it. <c>system [start] [pages] [paint] [load]
/// [--minutes N]</c> runs the named parts in that order (all four without names):
/// <list type="bullet">
/// <item><c>start</c>: three cold starts, from the process's start to the first 200 of the sign-in page and to the
/// first signed-in dashboard (sign-in form posted, then <c>/</c>).</item>
/// <item><c>pages</c>: every main page GET (prerendered server-side) 30 times each after 2 warm-ups, signed in.</item>
/// <item><c>paint</c>: the dashboard's largest contentful paint in Chromium, 5 signed-in navigations to <c>/</c>.</item>
/// <item><c>load</c>: 12 signed-in people as real Blazor circuits in Chromium for <c>--minutes</c> (default 5), see
/// <see cref="LoadTest"/>.</item>
/// </list>
/// Every figure is printed with the load average beside it (the machine is shared).
/// </summary>
public static class SystemScaleRun
{
    public static async Task RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var minutes = 5.0;
        var parts = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--minutes" && i + 1 < args.Length)
            {
                minutes = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                parts.Add(args[i]);
            }
        }

        if (parts.Count == 0)
        {
            parts.AddRange(["start", "pages", "paint", "load"]);
        }

        var total = Stopwatch.StartNew();
        Console.WriteLine($"// system-scale run at {DateTime.UtcNow:u}, {Environment.ProcessorCount} cores, load {LoadAverage()}: {string.Join(", ", parts)}");
        using var data = await SystemScaleData.PrepareAsync();
        if (parts.Contains("start"))
        {
            await ColdStartAsync(data);
        }

        if (parts.Any(p => p is "pages" or "paint" or "load"))
        {
            await using var server = ServerProcess.Start(data.DataDirectory);
            await server.WaitForOkAsync("account/login", TimeSpan.FromMinutes(3));
            if (parts.Contains("pages"))
            {
                await PagesAsync(server, data);
            }

            if (parts.Contains("paint"))
            {
                await PaintAsync(server, data);
            }

            if (parts.Contains("load"))
            {
                await new LoadTest(server, data, TimeSpan.FromMinutes(minutes)).RunAsync();
            }
        }

        Console.WriteLine($"// system-scale run done in {total.Elapsed.TotalMinutes:0.0} min, load {LoadAverage()}");
    }

    /// <summary>The three load averages from <c>/proc/loadavg</c>.</summary>
    public static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (0–100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    public static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Launches Debian's Chromium headless, as the E2E tests' <c>BrowserFixture</c> does.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var executable = Environment.GetEnvironmentVariable("OUTREACH_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>Signs in on the real sign-in page in the browser and waits for the dashboard's circuit.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(account);
        await page.GotoAsync(new Uri(baseAddress, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(SystemScaleData.Password);
        // The click waits for the navigation it starts: the dashboard's prerender, seconds at this scale (more with 12 at once).
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(new() { Timeout = 300_000 });
        await page.WaitForURLAsync(new Uri(baseAddress, "/").ToString(), new() { Timeout = 300_000 });
        await WaitForInteractiveAsync(page);
    }

    /// <summary>The layout marks its root <c>data-interactive="true"</c> once the circuit has rendered (as in the E2E tests).</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });

    private static async Task ColdStartAsync(SystemScaleData data)
    {
        Console.WriteLine();
        Console.WriteLine("## Cold start (process start → first 200), pending migrations: none (the copy is at the latest migration)");
        Console.WriteLine("| run | sign-in page | signed in (form posted) | dashboard `/` as Admin | load before → after |");
        Console.WriteLine("|---:|---:|---:|---:|---|");
        for (var run = 1; run <= 3; run++)
        {
            var before = LoadAverage();
            await using var server = ServerProcess.Start(data.DataDirectory);
            var login = await server.WaitForOkAsync("account/login", TimeSpan.FromMinutes(3));
            using var client = new SignedInClient(server.BaseAddress);
            await client.SignInAsync(data.Admin.Email, SystemScaleData.Password);
            var signedIn = server.SinceStart.Elapsed;
            await client.GetPageAsync("/");
            var dashboard = server.SinceStart.Elapsed;
            Console.WriteLine($"| {run} | {Ms(login.TotalMilliseconds)} ms | {Ms(signedIn.TotalMilliseconds)} ms | {Ms(dashboard.TotalMilliseconds)} ms | {before} → {LoadAverage()} |");
            if (run == 1)
            {
                var migrations = server.Output.Split('\n').Where(l => l.Contains("migrat", StringComparison.OrdinalIgnoreCase)).Take(3);
                foreach (var line in migrations)
                {
                    Console.WriteLine($"//   app: {line.Trim()}");
                }
            }
        }
    }

    private static async Task PagesAsync(ServerProcess server, SystemScaleData data)
    {
        var pages = new (string Name, string Path, StaffAccount As)[]
        {
            ("Dashboard `/` (Admin: everyone's relationships)", "/", data.Admin),
            ("Dashboard `/` (Staff: own relationships)", "/", data.Staff.First(s => s.Role == LibraryOutreach.Data.Entities.Roles.Staff)),
            ("Contacts `/contacts`", "/contacts", data.Admin),
            ("Busiest contact (10,013 timeline entries)", $"/contacts/{OutreachDataGenerator.BusiestContactId}", data.Admin),
            ("Organizations `/organizations`", "/organizations", data.Admin),
            ("Busiest organization", $"/organizations/{OutreachDataGenerator.BusiestOrganizationId}", data.Admin),
            ("Relationships `/relationships`", "/relationships", data.Admin),
            ("Reports `/reports`", "/reports", data.Admin),
            ("Interactions (outreach log) `/interactions`", "/interactions", data.Admin),
            ("Events `/events`", "/events", data.Admin),
            ("Follow-ups `/follow-ups`", "/follow-ups", data.Admin),
            ("Calendars `/calendars`", "/calendars", data.Admin),
        };
        var clients = new Dictionary<string, SignedInClient>();
        try
        {
            Console.WriteLine();
            Console.WriteLine("## Server-rendered pages: GET with the whole body read, 2 warm-ups then 30 in a row, one at a time");
            Console.WriteLine("| page | p50 | p95 | max | body | load before → after |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            foreach (var (name, path, account) in pages)
            {
                if (!clients.TryGetValue(account.Email, out var client))
                {
                    client = new SignedInClient(server.BaseAddress);
                    await client.SignInAsync(account.Email, SystemScaleData.Password);
                    clients[account.Email] = client;
                }

                var before = LoadAverage();
                var body = "";
                for (var i = 0; i < 2; i++)
                {
                    body = await client.GetPageAsync(path);
                }

                if (!body.Contains("<main", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"GET {path} has no <main>: not the page.");
                }

                var times = new List<double>();
                for (var i = 0; i < 30; i++)
                {
                    var watch = Stopwatch.StartNew();
                    body = await client.GetPageAsync(path);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"| {name} | {Ms(Percentile(times, 50))} ms | {Ms(Percentile(times, 95))} ms | {Ms(times.Max())} ms | {body.Length / 1024} KB | {before} → {LoadAverage()} |");
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// Largest contentful paint of the dashboard: a new document for <c>/</c> (signed in as the Admin), then, once the
    /// circuit has rendered the dashboard again and a second has passed, the newest <c>largest-contentful-paint</c>
    /// entry (buffered), with the navigation's time to first byte beside it.
    /// </summary>
    private static async Task PaintAsync(ServerProcess server, SystemScaleData data)
    {
        const string Script = """
            () => new Promise(resolve => {
                let last = null;
                new PerformanceObserver(list => { for (const e of list.getEntries()) last = e; })
                    .observe({ type: 'largest-contentful-paint', buffered: true });
                setTimeout(() => {
                    const nav = performance.getEntriesByType('navigation')[0];
                    resolve([last ? last.startTime : -1, nav.responseStart, nav.domContentLoadedEventEnd,
                        last ? ((last.element ? last.element.tagName + ' ' : '(replaced since) ') + last.size + ' px²') : '']);
                }, 1000);
            })
            """;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, server.BaseAddress, data.Admin);
        Console.WriteLine();
        Console.WriteLine("## Dashboard largest contentful paint in Chromium (Admin), 5 navigations to `/`");
        Console.WriteLine("| run | LCP | first byte | DOMContentLoaded | LCP element | load |");
        Console.WriteLine("|---:|---:|---:|---:|---|---|");
        var paints = new List<double>();
        for (var run = 1; run <= 5; run++)
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "/").ToString(), new() { Timeout = 120_000 });
            await WaitForInteractiveAsync(page);
            await page.GetByTestId("dashboard-followups").WaitForAsync(new() { Timeout = 120_000 });
            var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(Script);
            var lcp = result[0].GetDouble();
            paints.Add(lcp);
            Console.WriteLine($"| {run} | {Ms(lcp)} ms | {Ms(result[1].GetDouble())} ms | {Ms(result[2].GetDouble())} ms | {result[3].GetString()} | {LoadAverage()} |");
        }

        Console.WriteLine($"LCP median {Ms(Percentile(paints, 50))} ms, max {Ms(paints.Max())} ms");
    }
}
