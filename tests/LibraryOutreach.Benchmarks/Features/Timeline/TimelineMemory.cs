using System.Globalization;
using Bunit;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Features.Timeline;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace LibraryOutreach.Benchmarks.Features.Timeline;

/// <summary>
/// The memory one open timeline holds, as a Blazor circuit would hold it: <see cref="TimelinePanel"/> rendered by bUnit's
/// renderer (the same component tree, render tree and MudBlazor components a circuit keeps) with the real
/// <see cref="TimelineService"/> on the outreach database, for the busiest contact, with 1, 3 and 10 pages loaded
/// ("Load older entries" clicked). Retained bytes are <see cref="GC.GetTotalMemory(bool)"/> after a full collection,
/// with the rendered component still referenced, minus the same with the renderer, services and an empty panel host
/// (a renderer with no timeline); so they are what the timeline and its entries add to a circuit. Not timed.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- timeline-memory
/// </summary>
public static class TimelineMemory
{
    public static async Task RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        await new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(directory);
        try
        {
            using var app = BenchmarkApp.Create(directory);
            await using var scope = app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Staff);
            // Warm up once (JIT, query plans, MudBlazor statics), then measure.
            await MeasureAsync(scope.ServiceProvider, 1);
            foreach (var pages in new[] { 1, 3, 10 })
            {
                var (baseline, loaded, entries) = await MeasureAsync(scope.ServiceProvider, pages);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"== timeline with {pages} page(s), {entries} entries: {(loaded - baseline) / 1024.0:0} KiB retained ({(loaded - baseline) / (double)entries:0} bytes an entry)"));
            }

            // The entries alone (what the component keeps in its list), without any rendering.
            var timeline = scope.ServiceProvider.GetRequiredService<ITimelineService>();
            foreach (var pages in new[] { 1, 10 })
            {
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var kept = new List<TimelineEntry>();
                TimelineCursor? cursor = null;
                for (var page = 0; page < pages; page++)
                {
                    var next = await timeline.PageAsync(TimelineSubject.Contact(OutreachDataGenerator.BusiestContactId), new TimelineFilter(), cursor);
                    kept.AddRange(next.Entries);
                    cursor = next.Next;
                }

                var after = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"== entries only, {kept.Count}: {(after - before) / 1024.0:0} KiB retained ({(after - before) / (double)kept.Count:0} bytes an entry)"));
                GC.KeepAlive(kept);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static BunitContext Context(IServiceProvider app)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(app.GetRequiredService<ITimelineService>());
        context.Services.AddSingleton(app.GetRequiredService<IContactService>());
        context.Services.AddSingleton(app.GetRequiredService<IInteractionService>());
        return context;
    }

    private static async Task<(long Baseline, long Loaded, int Entries)> MeasureAsync(IServiceProvider app, int pages)
    {
        long baseline;
        await using (var empty = Context(app))
        {
            var host = empty.Render(b =>
            {
                b.OpenComponent<MudPopoverProvider>(0);
                b.CloseComponent();
            });
            baseline = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(host);
        }

        await using var context = Context(app);
        var cut = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TimelinePanel>(1);
            b.AddAttribute(2, nameof(TimelinePanel.ContactId), (Guid?)OutreachDataGenerator.BusiestContactId);
            b.CloseComponent();
        });
        for (var page = 1; page <= pages; page++)
        {
            var expected = page * ITimelineService.DefaultPageSize;
            if (page > 1)
            {
                cut.Find("[data-testid=timeline-load-older]").Click();
            }

            cut.WaitForAssertion(() => { if (cut.FindAll("[data-testid=timeline-entry]").Count < expected) { throw new InvalidOperationException("Not loaded yet."); } }, TimeSpan.FromSeconds(60));
        }

        var entries = cut.FindAll("[data-testid=timeline-entry]").Count;
        var loaded = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(cut);
        return (baseline, loaded, entries);
    }
}
