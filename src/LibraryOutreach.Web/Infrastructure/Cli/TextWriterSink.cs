using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>Writes log events to a verb's error writer (standard error, or a test's StringWriter).</summary>
internal sealed class TextWriterSink(TextWriter writer) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new MessageTemplateTextFormatter("[{Level:u3}] {Message:lj}{NewLine}{Exception}");
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
