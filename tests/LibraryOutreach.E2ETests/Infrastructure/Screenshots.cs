using Microsoft.Playwright;

namespace LibraryOutreach.E2ETests.Infrastructure;

/// <summary>
/// Saves screenshots for the docs when <c>OUTREACH_SCREENSHOTS_DIR</c> is set (e.g. to docs/images);
/// does nothing otherwise. <c>OUTREACH_SCREENSHOTS_DIR=$PWD/docs/images tests/run-all.sh --filter FullyQualifiedName~E2ETests</c>.
/// </summary>
public static class Screenshots
{
    public static readonly string? Directory = Environment.GetEnvironmentVariable("OUTREACH_SCREENSHOTS_DIR");

    /// <summary>
    /// Saves the page as it is (NAME-desktop.png), and the same address opened at phone width, 390 × 844 (NAME-phone.png),
    /// after <paramref name="preparePhone"/> when the state to show is not in the address (a report that was run).
    /// </summary>
    public static async Task SaveAsync(IPage page, string name, Func<IPage, Task>? preparePhone = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrEmpty(Directory))
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}-desktop.png") });

        // A phone renders the page from the start at its own width: open it afresh in the same browser context.
        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(page.Url);
        if (await phone.Locator("[data-interactive]").CountAsync() > 0)
        {
            await phone.WaitForInteractiveAsync();
        }

        if (preparePhone is not null)
        {
            await preparePhone(phone);
        }

        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}-phone.png"), FullPage = true });
        await phone.CloseAsync();
    }
}
