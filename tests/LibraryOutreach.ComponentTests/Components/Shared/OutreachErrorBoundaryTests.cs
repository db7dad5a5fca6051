using System.Text.RegularExpressions;
using LibraryOutreach.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryOutreach.ComponentTests.Components.Shared;

public partial class OutreachErrorBoundaryTests : MudBunitTestBase
{
    private readonly RecordingLogger _log = new();

    public OutreachErrorBoundaryTests()
    {
        Services.AddSingleton<ILogger<OutreachErrorBoundary>>(_log);
    }

    [Fact]
    public void ErrorBoundary_ChildThrows_ShowsReferenceThatMatchesTheLogEntry()
    {
        var cut = Render<OutreachErrorBoundary>(p => p.AddChildContent<Exploding>());

        var alert = cut.Find("[data-testid=error-boundary]");
        var reference = ReferencePattern().Match(alert.TextContent).Groups[1].Value;
        Assert.Matches("^[0-9A-F]{10}$", reference);
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains(reference, entry.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.DoesNotContain("kaboom", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorBoundary_ChildRendersFine_ShowsChildAndLogsNothing()
    {
        var cut = Render<OutreachErrorBoundary>(p => p.AddChildContent("<p>all well</p>"));

        Assert.Contains("all well", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=error-boundary]"));
        Assert.Empty(_log.Entries);
    }

    [GeneratedRegex("reference: ([0-9A-F]+)")]
    private static partial Regex ReferencePattern();

    private sealed class Exploding : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("kaboom");
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingLogger : ILogger<OutreachErrorBoundary>
    {
        public List<Entry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(logLevel, formatter(state, exception), exception));
    }
}
