using System.Globalization;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Interactions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Timeline;

/// <summary>
/// Loads the timeline a page at a time (<see cref="ITimelineService.DefaultPageSize"/> entries): the next page when the
/// sentinel under the list nears the viewport (wwwroot/js/timeline.js, an IntersectionObserver) or when the person
/// presses "Load older entries"; each page is announced to screen readers. Filters and a new touch start again from
/// the newest entry.
/// </summary>
public partial class TimelinePanel
{
    private readonly List<TimelineEntry> _entries = [];
    private readonly string _headingId = $"timeline-{Guid.NewGuid():N}";
    private DotNetObjectReference<TimelinePanel>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _observer;
    private ElementReference _sentinel;
    private TimelineSubject? _loadedFor;
    private TimelineFilter _filter = new();
    private IReadOnlyCollection<TimelineEntryType> _types = [];
    private IReadOnlyList<StaffOption> _staff = [];
    private TimelineCursor? _next;
    private bool _loading;
    private int _generation;
    private string? _error;
    private string? _announcement;

    [Inject]
    private ITimelineService Timeline { get; set; } = default!;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IInteractionService Interactions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter]
    public Guid? ContactId { get; set; }

    [Parameter]
    public Guid? OrganizationId { get; set; }

    /// <summary>Entries per page (the service caps it).</summary>
    [Parameter]
    public int PageSize { get; set; } = ITimelineService.DefaultPageSize;

    private TimelineSubject Subject => ContactId is { } id ? TimelineSubject.Contact(id) : TimelineSubject.Organization(OrganizationId ?? Guid.Empty);

    private string HeadingId => _headingId;

    private bool Filtered => _filter.Types.Count > 0 || _filter.StaffUserId is not null || _filter.From is not null || _filter.To is not null || _filter.InitiatedBy is not null;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == Subject)
        {
            return;
        }

        _loadedFor = Subject;
        if (_staff.Count == 0)
        {
            _staff = await Contacts.ListStaffAsync();
        }

        await ReloadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/timeline.js");
            _observer = await _module.InvokeAsync<IJSObjectReference>("observe", _sentinel, _self);
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away before the page was up.
        }
        catch (InvalidOperationException)
        {
            // Prerendering or a test renderer without JavaScript: the button still loads older entries.
        }
    }

    /// <summary>Called by timeline.js when the sentinel comes near the viewport.</summary>
    [JSInvokable]
    public async Task LoadOlderFromScrollAsync()
    {
        if (_next is null || _loading)
        {
            return;
        }

        await InvokeAsync(LoadOlderAsync);
    }

    private Task TypesChangedAsync(IEnumerable<TimelineEntryType> types)
    {
        _types = [.. types];
        return FilterAsync(_filter with { Types = _types.ToHashSet() });
    }

    private string TypesText(IReadOnlyList<string> names) =>
        _types.Count == 0 ? "" : string.Join(", ", _types.Select(TimelineKinds.TypeName));

    private Task FilterAsync(TimelineFilter filter)
    {
        _filter = filter;
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _entries.Clear();
        _next = null;
        await LoadAsync(null);
    }

    private Task LoadOlderAsync() => _next is { } cursor && !_loading ? LoadAsync(cursor) : Task.CompletedTask;

    private async Task LoadAsync(TimelineCursor? after)
    {
        var generation = ++_generation;
        _loading = true;
        _error = null;
        StateHasChanged();
        try
        {
            var page = await Timeline.PageAsync(Subject, _filter, after, PageSize);
            if (generation != _generation)
            {
                return;
            }

            _entries.AddRange(page.Entries);
            _next = page.Next;
            _announcement = after is null
                ? string.Create(CultureInfo.CurrentCulture, $"Timeline shows {_entries.Count} {(_entries.Count == 1 ? "entry" : "entries")}{(_next is null ? "." : ", newest first; older entries load as you scroll.")}")
                : string.Create(CultureInfo.CurrentCulture, $"Loaded {page.Entries.Count} older {(page.Entries.Count == 1 ? "entry" : "entries")}{(_next is null ? "; that is the whole timeline." : ".")}");
        }
        catch (Exception e) when (e is Infrastructure.Auth.AccessDeniedException or InvalidOperationException or System.Data.Common.DbException)
        {
            _error = "The timeline could not be loaded. Try again in a moment.";
        }
        finally
        {
            if (generation == _generation)
            {
                _loading = false;
            }
        }

        StateHasChanged();
        if (_observer is not null && _next is not null)
        {
            try
            {
                await _observer.InvokeVoidAsync("rearm");
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private async Task LogTouchAsync()
    {
        var party = await Interactions.GetPartyAsync(ContactId, OrganizationId);
        if (await LogTouch.NewAsync(Dialogs, Snackbar, Navigation, party) is not null)
        {
            // Start again from the newest entry: the new touch is on top (or where its date puts it), no page reload.
            await ReloadAsync();
        }
    }

    private IEnumerable<(string Name, IReadOnlyList<TimelineEntry> Entries)> Months() =>
        _entries.GroupBy(e => (e.Date.Year, e.Date.Month))
            .Select(g => (new DateOnly(g.Key.Year, g.Key.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture), (IReadOnlyList<TimelineEntry>)[.. g]));

    private static string When(TimelineEntry entry) => entry.IsAllDay
        ? entry.At.ToString("ddd d MMM", CultureInfo.CurrentCulture)
        : entry.At.ToString("ddd d MMM, t", CultureInfo.CurrentCulture);

    private static string Icon(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Interaction => Icons.Material.Filled.Forum,
        TimelineEntryKind.Event => Icons.Material.Filled.Event,
        TimelineEntryKind.FollowUpCreated => Icons.Material.Filled.AssignmentLate,
        TimelineEntryKind.FollowUpDone => Icons.Material.Filled.AssignmentTurnedIn,
        TimelineEntryKind.AffiliationStarted or TimelineEntryKind.AffiliationEnded => Icons.Material.Filled.Badge,
        TimelineEntryKind.CommitteeSeatStarted or TimelineEntryKind.CommitteeSeatEnded => Icons.Material.Filled.Groups,
        TimelineEntryKind.Note => Icons.Material.Filled.StickyNote2,
        TimelineEntryKind.Merge => Icons.Material.Filled.MergeType,
        TimelineEntryKind.Import => Icons.Material.Filled.UploadFile,
        _ => Icons.Material.Filled.Circle,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_observer is not null)
            {
                await _observer.InvokeVoidAsync("dispose");
                await _observer.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
