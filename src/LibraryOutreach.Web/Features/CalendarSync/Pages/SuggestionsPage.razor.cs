using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LibraryOutreach.Web.Features.CalendarSync.Pages;

public sealed partial class SuggestionsPage
{
    private IReadOnlyList<CalendarSuggestion>? _items;
    private IReadOnlyList<CalendarNotice>? _notices;
    private bool _everyone;
    private bool _busy;

    [Inject]
    private CalendarSuggestionService Suggestions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _items = await Suggestions.ListPendingAsync(_everyone);
        _notices = await Suggestions.ListNoticesAsync(_everyone);
    }

    private async Task OnEveryoneChangedAsync(bool value)
    {
        _everyone = value;
        _items = null;
        await LoadAsync();
    }

    private Task ConfirmAsync(CalendarSuggestion item) => RunAsync(async () =>
    {
        var id = await Suggestions.ConfirmAsync(item.Id);
        Snackbar.Add($"Logged: {item.Title}", Severity.Success, o =>
        {
            o.Action = "Open";
            o.OnClick = _ =>
            {
                Navigation.NavigateTo($"events/{id}");
                return Task.CompletedTask;
            };
        });
    });

    private async Task EditAsync(CalendarSuggestion item)
    {
        var parameters = new DialogParameters<ConfirmSuggestionDialog> { { d => d.Suggestion, item } };
        var dialog = await Dialogs.ShowAsync<ConfirmSuggestionDialog>("Edit, then confirm", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private Task DismissAsync(CalendarSuggestion item) => RunAsync(async () =>
    {
        await Suggestions.DismissAsync(item.Id);
        Snackbar.Add($"Dismissed: {item.Title}. It won't be suggested again.", Severity.Info);
    });

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is RecordValidationException or RecordNotFoundException or AccessDeniedException or ConcurrencyConflictException)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }
}
