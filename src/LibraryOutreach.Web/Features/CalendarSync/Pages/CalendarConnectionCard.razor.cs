using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Components.Shared;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.CalendarSync.Pages;

/// <summary>One calendar connection: its status in plain words, its settings, "Sync now" with progress, disconnect.</summary>
public sealed partial class CalendarConnectionCard
{
    private CalendarConnectionSettings _settings = new();
    private CalendarConnectionView? _settingsFrom;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _busy;
    private bool _syncing;

    [Parameter, EditorRequired]
    public CalendarConnectionView Connection { get; set; } = default!;

    [Parameter]
    public bool ShowOwner { get; set; }

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private CalendarConnectionService Connections { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Prefix => $"conn-{Connection.Id:N}";

    public static string KindLabel(CalendarConnectionKind kind) => kind switch
    {
        CalendarConnectionKind.GoogleOAuth => "Google Calendar",
        CalendarConnectionKind.GoogleServiceAccount => "Google Workspace (service account)",
        _ => "iCal feed",
    };

    public static string OutcomeLabel(CalendarSyncOutcome outcome) => outcome switch
    {
        CalendarSyncOutcome.Succeeded => "Succeeded",
        CalendarSyncOutcome.PartlyFailed => "Partly failed",
        CalendarSyncOutcome.Failed => "Failed",
        _ => "Running",
    };

    /// <summary>
    /// The form starts from the connection as loaded. A re-render of the page with the same view (not a reload) keeps
    /// what the person has changed but not saved.
    /// </summary>
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Connection, _settingsFrom))
        {
            return;
        }

        _settingsFrom = Connection;
        _settings = new CalendarConnectionSettings
        {
            Name = Connection.Name,
            Rule = Connection.Rule,
            Keyword = Connection.Keyword,
            SelectedCalendarIds = [.. Connection.Calendars.Where(c => c.IsSelected).Select(c => c.Id)],
            Version = Connection.Version,
        };
    }

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Time.LocalTimeZone).ToString("ddd d MMM, h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    private void Reconnect() => Navigation.NavigateTo(GoogleConsentEndpoints.ConnectPath, forceLoad: true);

    private void Toggle(Guid calendarId, bool selected)
    {
        if (selected)
        {
            _settings.SelectedCalendarIds.Add(calendarId);
        }
        else
        {
            _settings.SelectedCalendarIds.Remove(calendarId);
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            await Connections.UpdateSettingsAsync(Connection.Id, _settings);
            _errors = new Dictionary<string, string>();
            Snackbar.Add("Settings saved. The next sync uses them.", Severity.Success);
            await Changed.InvokeAsync();
        }
        catch (RecordValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (ConcurrencyConflictException ex)
        {
            await ConflictDialog.ShowAsync(Dialogs, ex, "Someone else changed this connection", null, "The page shows their version now.");
            await Changed.InvokeAsync();
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SyncNowAsync()
    {
        _syncing = true;
        StateHasChanged();
        try
        {
            var result = await Connections.SyncNowAsync(Connection.Id);
            if (result.Outcome == CalendarSyncOutcome.Running)
            {
                Snackbar.Add("A sync of this calendar is already running. Its results appear here when it ends.", Severity.Info);
            }
            else if (result.Failed)
            {
                Snackbar.Add($"Sync failed: {result.Error}", Severity.Error);
            }
            else
            {
                Snackbar.Add($"Synced: {result.Added} new, {result.Updated} changed, {result.Removed} removed.", Severity.Success);
            }

            await Changed.InvokeAsync();
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _syncing = false;
        }
    }

    private async Task DisconnectAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Disconnect this calendar?",
            $"“{Connection.Name}” stops syncing and its waiting suggestions are removed. Outreach events already confirmed from it stay in the log." +
            (Connection.Kind == CalendarConnectionKind.GoogleOAuth ? " The library's access to your Google account is revoked." : ""),
            yesText: "Disconnect",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await Connections.DisconnectAsync(Connection.Id);
            Snackbar.Add($"Disconnected: {Connection.Name}", Severity.Success);
            await Changed.InvokeAsync();
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }
}
