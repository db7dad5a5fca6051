using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LibraryOutreach.Benchmarks.Features.SystemScale;

/// <summary>
/// The real app (<c>LibraryOutreach.Web.dll</c>, the build output copied beside the benchmarks) run as a separate
/// process on a free loopback port over a data directory, in the Production environment, as the integration tests'
/// <c>AppProcess</c> runs it. <c>Auth:SecureCookies=false</c> so a plain <see cref="HttpClient"/> sends the sign-in
/// cookie over http (a browser sends secure cookies to localhost anyway). The <see cref="StartupHook"/> in this
/// assembly answers memory questions (<see cref="ManagedHeapAsync"/>); the resident set comes from <c>/proc</c>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly string _memoryFile;

    private ServerProcess(Process process, Uri baseAddress, string memoryFile, Stopwatch sinceStart)
    {
        _process = process;
        BaseAddress = baseAddress;
        _memoryFile = memoryFile;
        SinceStart = sinceStart;
    }

    public Uri BaseAddress { get; }

    /// <summary>Started just before <see cref="Process.Start()"/>.</summary>
    public Stopwatch SinceStart { get; }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static ServerProcess Start(string dataDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LibraryOutreach.Web.dll"));
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));
        start.ArgumentList.Add($"--Data:Directory={dataDirectory}");
        start.ArgumentList.Add("--Auth:SecureCookies=false");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var memoryFile = Path.Combine(dataDirectory, "..", $"memory-{Guid.NewGuid():N}.txt");
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment["OUTREACH_BENCH_MEMORY_FILE"] = Path.GetFullPath(memoryFile);
        var process = new Process { StartInfo = start };
        var watch = new Stopwatch();
        var server = new ServerProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), Path.GetFullPath(memoryFile), watch);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        watch.Start();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return server;
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitForOkAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app ended (exit code {_process.ExitCode}) before {path} answered. It printed:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    await response.Content.ReadAsByteArrayAsync();
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (SinceStart.Elapsed > timeout)
            {
                throw new TimeoutException($"{path} did not answer 200 within {timeout}. The app printed:\n{Output}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The process's resident set (<c>VmRSS</c> in <c>/proc/PID/status</c>), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS line.");
    }

    /// <summary>The server's managed heap as its <see cref="StartupHook"/> reports it; with <paramref name="collect"/>, after a full compacting GC.</summary>
    public async Task<ManagedHeap> ManagedHeapAsync(bool collect)
    {
        File.Delete(_memoryFile);
        await File.WriteAllTextAsync(_memoryFile + ".request", collect ? "collect" : "read");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(_memoryFile))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The server's startup hook did not answer the memory request.");
            }

            await Task.Delay(20);
        }

        var values = (await File.ReadAllTextAsync(_memoryFile)).Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        return new ManagedHeap(values["heap"], values["total"], values["committed"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully (hosted services, SQLite connections); SIGKILL if it takes too long.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        File.Delete(_memoryFile);
        File.Delete(_memoryFile + ".request");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}

/// <summary>The managed heap in bytes: <c>GC.GetTotalMemory</c>, the heap size after the last GC, and memory the GC has committed.</summary>
public sealed record ManagedHeap(long Allocated, long HeapSize, long Committed);
