using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace LibraryOutreach.IntegrationTests.Infrastructure;

/// <summary>Log events rendered as the console shows them.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Level:u3} {Message:lj}");
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        Formatter.Format(logEvent, writer);
        lock (_lines)
        {
            _lines.Add(writer.ToString());
        }
    }

    /// <summary>Waits up to 10 seconds for a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var line = Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No log line containing '{text}'. Lines:\n{string.Join('\n', Lines)}");
    }
}
