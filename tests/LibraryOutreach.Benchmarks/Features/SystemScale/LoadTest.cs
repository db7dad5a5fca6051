using System.Collections.Concurrent;
using System.Diagnostics;
using LibraryOutreach.Benchmarks.Data;
using Microsoft.Playwright;

namespace LibraryOutreach.Benchmarks.Features.SystemScale;

/// <summary>
/// 12 signed-in people at once (the 12 generated accounts, one browser context each in one headless Chromium), each on
/// a real Blazor circuit over a WebSocket on loopback, running a scripted mix for a given time: the dashboard, the
/// contacts list, a contact from that list (its timeline), a sampled contact's page, the busiest contact's timeline,
/// the relationships page, and logging a touch with the timeline's own "Log a touch" form. Each step is timed from the
/// click (or, for a contact with no link on screen, <c>Blazor.navigateTo</c>, what a link does) to the DOM showing its
/// result; a person thinks 1–3 s between steps. Errors: a result that did not show within 60 s (or any exception),
/// console errors, and times the reconnect UI appeared. The server's resident set and managed heap are read every 15 s,
/// and after a full GC with no circuit and with the 12.
/// </summary>
public sealed class LoadTest(ServerProcess server, SystemScaleData data, TimeSpan duration)
{
    private const int StepTimeout = 60_000;

    private readonly ServerProcess _server = server;
    private readonly SystemScaleData _data = data;

    /// <summary>Counts the times the reconnect UI is shown (the default one or the template's dialog).</summary>
    private const string ReconnectWatcher = """
        (() => {
            window.__reconnects = 0;
            let showing = false;
            const check = () => {
                const shown = !!document.querySelector('.components-reconnect-show, #components-reconnect-modal[open], .components-reconnect-failed');
                if (shown && !showing) { window.__reconnects++; }
                showing = shown;
            };
            document.addEventListener('DOMContentLoaded', () => new MutationObserver(check)
                .observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'open'] }));
        })();
        """;

    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new();
    private readonly ConcurrentBag<string> _errors = new();
    private readonly ConcurrentBag<string> _consoleErrors = new();
    private int _reconnects;

    public async Task RunAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemScaleRun.LaunchChromiumAsync(playwright);
        Console.WriteLine();
        Console.WriteLine($"## Load test: 12 people, {duration.TotalMinutes:0.#} min");
        var none = await MemoryAsync("no circuit, after a full GC", collect: true);

        var people = _data.Staff.Select((account, i) => new Person(this, account, i)).ToList();
        var signIn = Stopwatch.StartNew();
        await Task.WhenAll(people.Select(p => p.StartAsync(browser)));
        Console.WriteLine($"// 12 signed in (each on the dashboard's circuit) in {signIn.Elapsed.TotalSeconds:0.0} s, load {SystemScaleRun.LoadAverage()}");
        var signedIn = await MemoryAsync("12 circuits just signed in, after a full GC", collect: true);

        using var stop = new CancellationTokenSource();
        var started = Stopwatch.StartNew();
        var samples = new List<string>();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var heap = await _server.ManagedHeapAsync(collect: false);
                samples.Add($"| {started.Elapsed.TotalSeconds:0} s | {SystemScaleRun.Mib(_server.ResidentBytes())} MiB | {SystemScaleRun.Mib(heap.HeapSize)} MiB | {SystemScaleRun.Mib(heap.Committed)} MiB | {SystemScaleRun.LoadAverage()} |");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(15), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var deadline = DateTime.UtcNow + duration;
        await Task.WhenAll(people.Select(p => p.RunAsync(deadline)));
        await stop.CancelAsync();
        await sampler;
        var end = await MemoryAsync("12 circuits at the end, after a full GC", collect: true);
        foreach (var person in people)
        {
            await person.CollectReconnectsAsync();
        }

        Console.WriteLine();
        Console.WriteLine("| step | count | p50 | p95 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (step, values) in _times.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var list = values.ToList();
            Console.WriteLine($"| {step} | {list.Count} | {SystemScaleRun.Ms(SystemScaleRun.Percentile(list, 50))} ms | {SystemScaleRun.Ms(SystemScaleRun.Percentile(list, 95))} ms | {SystemScaleRun.Ms(list.Max())} ms |");
        }

        var all = _times.Values.SelectMany(v => v).ToList();
        Console.WriteLine($"| all steps | {all.Count} | {SystemScaleRun.Ms(SystemScaleRun.Percentile(all, 50))} ms | {SystemScaleRun.Ms(SystemScaleRun.Percentile(all, 95))} ms | {SystemScaleRun.Ms(all.Count == 0 ? double.NaN : all.Max())} ms |");
        Console.WriteLine($"Errors: {_errors.Count} failed steps, {_consoleErrors.Count} console errors, {_reconnects} reconnect UI shown");
        foreach (var error in _errors.Concat(_consoleErrors).GroupBy(e => e.Length > 160 ? e[..160] : e).OrderByDescending(g => g.Count()).Take(8))
        {
            Console.WriteLine($"//   {error.Count()} × {error.Key}");
        }

        Console.WriteLine();
        Console.WriteLine("| time | server RSS | GC heap size | GC committed | load |");
        Console.WriteLine("|---:|---:|---:|---:|---|");
        foreach (var sample in samples)
        {
            Console.WriteLine(sample);
        }

        Console.WriteLine(
            $"Per circuit (12 just signed in − none) / 12: RSS {SystemScaleRun.Mib((signedIn.Rss - none.Rss) / 12)} MiB, managed {SystemScaleRun.Mib((signedIn.Heap.Allocated - none.Heap.Allocated) / 12)} MiB; " +
            $"at the end: RSS {SystemScaleRun.Mib((end.Rss - none.Rss) / 12)} MiB, managed {SystemScaleRun.Mib((end.Heap.Allocated - none.Heap.Allocated) / 12)} MiB");

        foreach (var person in people)
        {
            await person.DisposeAsync();
        }
    }

    private async Task<(long Rss, ManagedHeap Heap)> MemoryAsync(string what, bool collect)
    {
        var heap = await _server.ManagedHeapAsync(collect);
        var rss = _server.ResidentBytes();
        Console.WriteLine($"// memory, {what}: RSS {SystemScaleRun.Mib(rss)} MiB, managed {SystemScaleRun.Mib(heap.Allocated)} MiB (GC heap size {SystemScaleRun.Mib(heap.HeapSize)} MiB, committed {SystemScaleRun.Mib(heap.Committed)} MiB), load {SystemScaleRun.LoadAverage()}");
        return (rss, heap);
    }

    private void Record(string step, TimeSpan elapsed) => _times.GetOrAdd(step, _ => []).Add(elapsed.TotalMilliseconds);

    /// <summary>One person: a browser context, a page, a seeded script.</summary>
    private sealed class Person(LoadTest test, StaffAccount account, int index) : IAsyncDisposable
    {
        private readonly Random _random = new(20261204 + index);
        private IBrowserContext _context = null!;
        private IPage _page = null!;
        private string _at = "dashboard";
        private int _touches;

        private Uri Base => test._server.BaseAddress;

        public async Task StartAsync(IBrowser browser)
        {
            _context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
            await _context.AddInitScriptAsync(ReconnectWatcher);
            _page = await _context.NewPageAsync();
            _page.SetDefaultTimeout(StepTimeout);
            _page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    test._consoleErrors.Add($"console ({account.Email}): {message.Text}");
                }
            };
            _page.PageError += (_, error) => test._consoleErrors.Add($"page error ({account.Email}): {error}");
            await SystemScaleRun.SignInAsync(_page, Base, account);
            await _page.GetByTestId("dashboard-followups").WaitForAsync();
        }

        public async Task RunAsync(DateTime deadline)
        {
            while (DateTime.UtcNow < deadline)
            {
                var step = Pick();
                try
                {
                    await step();
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
                {
                    test._errors.Add($"{account.Email} at {_at}: {e.Message.Split('\n')[0]}");
                    await RecoverAsync();
                }

                await Task.Delay(_random.Next(1000, 3000));
            }
        }

        public async Task CollectReconnectsAsync()
        {
            try
            {
                Interlocked.Add(ref test._reconnects, await _page.EvaluateAsync<int>("() => window.__reconnects || 0"));
            }
            catch (PlaywrightException)
            {
            }
        }

        public async ValueTask DisposeAsync() => await _context.DisposeAsync();

        private Func<Task> Pick()
        {
            while (true)
            {
                var roll = _random.Next(100);
                Func<Task>? step = roll switch
                {
                    < 15 when _at != "dashboard" => DashboardAsync,
                    < 35 when _at != "contacts" => ContactsAsync,
                    < 55 when _at == "contacts" => ContactFromListAsync,
                    < 60 when _at != "contact" => BusiestAsync,
                    < 75 when _at != "relationships" => RelationshipsAsync,
                    >= 75 when _at != "contact" => LogTouchAsync,
                    _ => null,
                };
                if (step is not null)
                {
                    return step;
                }
            }
        }

        private ILocator Nav(string name) =>
            _page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

        private async Task TimedAsync(string step, Func<Task> act, Func<Task> shown)
        {
            var watch = Stopwatch.StartNew();
            await act();
            await shown();
            test.Record(step, watch.Elapsed);
        }

        private Task Visible(string testId) => _page.GetByTestId(testId).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        private async Task DashboardAsync()
        {
            await TimedAsync("dashboard (nav link)", () => Nav("Home").ClickAsync(), () => Visible("dashboard-followups"));
            _at = "dashboard";
        }

        private async Task ContactsAsync()
        {
            await TimedAsync("contacts list (nav link)", () => Nav("Contacts").ClickAsync(), () => Visible("contact-link"));
            _at = "contacts";
        }

        private async Task RelationshipsAsync()
        {
            await TimedAsync("relationships (nav link)", () => Nav("Relationships").ClickAsync(), () => Visible("relationships-name"));
            _at = "relationships";
        }

        private async Task ContactFromListAsync()
        {
            var links = _page.GetByTestId("contact-link");
            var count = await links.CountAsync();
            var link = links.Nth(_random.Next(Math.Max(1, count)));
            await TimedAsync("contact from the list (link → timeline)", () => link.ClickAsync(), TimelineShownAsync);
            _at = "contact";
        }

        private async Task BusiestAsync()
        {
            await TimedAsync("busiest contact (10,013 entries; → timeline)", () => NavigateAsync($"/contacts/{OutreachDataGenerator.BusiestContactId}"), TimelineShownAsync);
            _at = "contact";
        }

        private async Task LogTouchAsync()
        {
            var contact = test._data.Contacts[_random.Next(test._data.Contacts.Count)];
            await TimedAsync("sampled contact (→ timeline)", () => NavigateAsync($"/contacts/{contact}"), TimelineShownAsync);
            _at = "contact";
            var who = _page.Locator("#touch-who");
            await TimedAsync(
                "log a touch: open the form (click → filled)",
                () => _page.GetByTestId("timeline-log-touch").ClickAsync(),
                () => Assertions.Expect(who).Not.ToHaveValueAsync("", new() { Timeout = StepTimeout }));
            await _page.Locator("div.mud-input-control.mud-select", new() { Has = _page.GetByText("Channel") }).ClickAsync();
            await _page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Phone" }).ClickAsync();
            await _page.GetByTestId(_random.Next(2) == 0 ? "touch-initiated-partner" : "touch-initiated-library").ClickAsync();
            var summary = $"Load test call {index + 1}-{++_touches}";
            await _page.Locator("#touch-summary").FillAsync(summary);
            await TimedAsync(
                "log a touch: save (click → on the timeline)",
                () => _page.GetByTestId("touch-save").ClickAsync(),
                async () =>
                {
                    await Assertions.Expect(_page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, new() { Timeout = StepTimeout });
                    await Assertions.Expect(_page.GetByTestId("timeline-entry").First).ToContainTextAsync(summary, new() { Timeout = StepTimeout });
                });
        }

        private async Task TimelineShownAsync()
        {
            await _page.Locator("[data-testid='timeline-entry'], [data-testid='timeline-empty']").First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        }

        /// <summary>What a link does in the circuit: <c>Blazor.navigateTo</c> (enhanced, client-side navigation).</summary>
        private async Task NavigateAsync(string path) => await _page.EvaluateAsync("path => Blazor.navigateTo(path)", path);

        private async Task RecoverAsync()
        {
            try
            {
                Interlocked.Add(ref test._reconnects, await _page.EvaluateAsync<int>("() => window.__reconnects || 0"));
                await _page.GotoAsync(new Uri(Base, "/").ToString());
                await SystemScaleRun.WaitForInteractiveAsync(_page);
                await Visible("dashboard-followups");
            }
            catch (PlaywrightException e)
            {
                test._errors.Add($"{account.Email}: recovery failed: {e.Message.Split('\n')[0]}");
            }

            _at = "dashboard";
        }
    }
}
