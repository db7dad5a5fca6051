using System.Globalization;
using System.Text;
using Microsoft.JSInterop;

namespace LibraryOutreach.Web.Components.Shared;

/// <summary>Hands a file made on the server to the browser as a download (app.js, <c>outreach.downloadFile</c>).</summary>
public static class FileDownloads
{
    public static async Task DownloadTextAsync(this IJSRuntime js, string fileName, string contentType, string text)
    {
        ArgumentNullException.ThrowIfNull(js);
        // UTF-8 with a BOM, so spreadsheet programs read accents right.
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("outreach.downloadFile", fileName, contentType, reference);
    }

    /// <summary>
    /// Downloads an export of <paramref name="count"/> records as <c>{name}-{yyyy-MM-dd}.{extension}</c> (today in the
    /// library's time zone) and returns the message to show: "Exported 3 contacts.".
    /// </summary>
    public static async Task<string> DownloadExportAsync(
        this IJSRuntime js, TimeProvider clock, string name, string extension, string contentType, string text, int count)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var date = clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await js.DownloadTextAsync($"{name}-{date}.{extension}", contentType, text);
        var noun = name.EndsWith('s') && count == 1 ? name[..^1] : name;
        return string.Create(CultureInfo.InvariantCulture, $"Exported {count} {noun}.");
    }
}
