using Microsoft.Playwright;

namespace LibraryOutreach.E2ETests.Infrastructure;

/// <summary>
/// One Debian Chromium for the whole browser suite (Playwright cannot download its own browsers here).
/// Each test gets its own <see cref="IBrowserContext"/> (cookies and storage are per context).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("OUTREACH_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was not found at {executable}. Run the README's test command (tests/run-all.sh), which installs Debian's chromium.");
        }

        // The suite runs on two shared cores beside a server doing real work (a first sync, a year's report): assertions
        // wait up to 15 s for what the person would see, rather than Playwright's 5 s. A slow page still fails a timed benchmark.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
