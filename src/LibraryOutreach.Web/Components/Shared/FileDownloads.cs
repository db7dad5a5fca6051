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
}
