using LibraryOutreach.Web.Features.CalendarSync.Google;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.CalendarSync.Pages;

public sealed partial class CalendarsPage
{
    private IReadOnlyList<CalendarConnectionView>? _connections;
    private int _pending;
    private (Severity Severity, string Text)? _message;

    [Inject]
    private CalendarConnectionService Connections { get; set; } = default!;

    [Inject]
    private CalendarSuggestionService Suggestions { get; set; } = default!;

    [Inject]
    private GoogleClients Google { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Set by the Google consent callback.</summary>
    [SupplyParameterFromQuery(Name = "google")]
    public string? GoogleResult { get; set; }

    [SupplyParameterFromQuery(Name = "connected")]
    public Guid? Connected { get; set; }

    private bool GoogleConfigured => Google.OAuthConfigured;

    protected override async Task OnInitializedAsync()
    {
        _message = GoogleResult switch
        {
            "denied" => (Severity.Warning, "Google Calendar was not connected: access was not allowed on Google's screen."),
            "expired" => (Severity.Warning, "That connection attempt expired or did not come from this browser. Try “Connect Google Calendar” again."),
            "not-configured" => (Severity.Info, "Google sign-in is not set up on this server."),
            "no-refresh-token" => (Severity.Warning, "Google did not hand over lasting access. Remove LibraryOutreach under “Third-party access” in your Google account, then connect again."),
            "failed" => (Severity.Error, "Google Calendar could not be connected. Try again in a minute."),
            _ when Connected is not null => (Severity.Success, "Google Calendar connected. Choose which calendars to sync below; the first sync starts within a minute."),
            _ => null,
        };
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _connections = await Connections.ListMineAsync();
        _pending = _connections.Sum(c => c.PendingSuggestions);
    }

    /// <summary>A full page load: the consent screen is Google's, outside the Blazor circuit.</summary>
    private void ConnectGoogle() => Navigation.NavigateTo(GoogleConsentEndpoints.ConnectPath, forceLoad: true);

    private async Task AddFeedAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddFeedDialog>("Add an iCal feed", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            _message = (Severity.Success, "Feed added. Its events come in within a minute; use “Sync now” to bring them in at once.");
            await LoadAsync();
        }
    }
}
