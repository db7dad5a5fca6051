using System.Diagnostics.CodeAnalysis;
using System.Globalization;

/// <summary>
/// Loaded into the app's own process by the runtime (<c>DOTNET_STARTUP_HOOKS</c>, set by <c>ServerProcess</c>) so the
/// system-scale run can read the server's managed heap without EventPipe (no <c>dotnet-counters</c> here). Only BCL
/// types: the app does not know this assembly's dependencies. When the file named by
/// <c>OUTREACH_BENCH_MEMORY_FILE</c> + <c>.request</c> appears, it answers in <c>OUTREACH_BENCH_MEMORY_FILE</c> with
/// one line: <c>heap=… total=… committed=…</c> (bytes); a request whose text is <c>collect</c> first runs a full,
/// blocking, compacting collection, so the figure is what is still referenced. Nothing else in the app changes.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook in no namespace.")]
internal static class StartupHook
{
    public static void Initialize()
    {
        var answer = Environment.GetEnvironmentVariable("OUTREACH_BENCH_MEMORY_FILE");
        if (string.IsNullOrEmpty(answer))
        {
            return;
        }

        var request = answer + ".request";
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(50);
                try
                {
                    if (!File.Exists(request))
                    {
                        continue;
                    }

                    var collect = File.ReadAllText(request).Trim() == "collect";
                    File.Delete(request);
                    if (collect)
                    {
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                        GC.WaitForPendingFinalizers();
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    }

                    var info = GC.GetGCMemoryInfo();
                    var line = string.Create(
                        CultureInfo.InvariantCulture,
                        $"heap={GC.GetTotalMemory(forceFullCollection: false)} total={info.HeapSizeBytes} committed={info.TotalCommittedBytes}");
                    File.WriteAllText(answer + ".tmp", line);
                    File.Move(answer + ".tmp", answer, overwrite: true);
                }
                catch (IOException)
                {
                    // The benchmark is writing the request at this moment: try again on the next tick.
                }
            }
        })
        {
            IsBackground = true,
            Name = "outreach-bench-memory",
        };
        thread.Start();
    }
}
