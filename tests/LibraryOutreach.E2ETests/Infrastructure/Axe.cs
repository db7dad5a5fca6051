using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace LibraryOutreach.E2ETests.Infrastructure;

/// <summary>One rule axe-core found broken on a page, with the elements it found it on.</summary>
public sealed record AxeViolation(string Page, string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[{Impact}] {Id} on {Page}: {Help} ({HelpUrl})");
        foreach (var node in Nodes.Take(8))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    {node.Target}  {node.Html}  {node.Summary.Replace('\n', ' ')}");
        }

        if (Nodes.Count > 8)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    … and {Nodes.Count - 8} more");
        }

        return text.ToString();
    }
}

public sealed record AxeNode(string Target, string Html, string Summary);

/// <summary>
/// axe-core (npm, pinned in this project's package.json) injected into a page by path, run with the WCAG 2.1 A and AA
/// rules. The browser context needs <c>BypassCSP</c>: the app's Content-Security-Policy rightly refuses inline scripts,
/// and Playwright injects the file as one.
/// </summary>
public static class Axe
{
    /// <summary>The rule tags of WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private const string RunScript = """
        async tags => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '), summary: n.failureSummary || '', html: (n.html || '').slice(0, 240) })),
            })));
        }
        """;

    private static readonly Lazy<string> Script = new(Locate);

    /// <summary>axe.min.js: <c>OUTREACH_AXE_PATH</c>, or node_modules/axe-core under this project (tests/run-all.sh runs <c>npm ci</c>).</summary>
    public static string ScriptPath => Script.Value;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, string pageName)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        }

        var json = await page.EvaluateAsync<string>(RunScript, Tags);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => new AxeViolation(
                pageName,
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("helpUrl").GetString()!,
                v.GetProperty("nodes").EnumerateArray().Select(n => new AxeNode(n.GetProperty("target").GetString()!, n.GetProperty("html").GetString()!, n.GetProperty("summary").GetString()!)).ToList()))
            .ToList();
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("OUTREACH_AXE_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"OUTREACH_AXE_PATH is {configured}, but there is no file there.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js"),
                Path.Combine(dir.FullName, "tests", "LibraryOutreach.E2ETests", "node_modules", "axe-core", "axe.min.js"),
            })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "axe-core was not found (node_modules/axe-core/axe.min.js under tests/LibraryOutreach.E2ETests). Run the README's test command "
            + "(tests/run-all.sh installs it), or `npm ci` in tests/LibraryOutreach.E2ETests, or set OUTREACH_AXE_PATH to an axe.min.js.");
    }
}
