using LibraryOutreach.Web.Infrastructure.Records;
using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Audit;

/// <summary>The Admin's view of the audit log: filters, a server-paged table, and each change's field-level details.</summary>
public sealed partial class AuditPage
{
    private static readonly string[] Actions = [AuditActions.Created, AuditActions.Updated, AuditActions.Deleted, AuditActions.Merged];
    private static readonly int[] PageSizes = [10, 25, 50, AuditQuery.MaxPageSize];
    private static readonly Dictionary<string, object?> TableAttributes = new() { ["aria-label"] = "Audit log entries" };

    private readonly HashSet<long> _expanded = [];
    private MudTable<AuditRow>? _table;
    private IReadOnlyList<AuditFilterOption> _people = [];
    private IReadOnlyList<AuditFilterOption> _entityTypes = [];
    private DateTime? _fromDate;
    private DateTime? _toDate;
    private string _userId = "";
    private string _entityType = "";
    private string _action = "";
    private string? _entityIdText;

    [Inject]
    private AuditService Audit { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<LibraryOptions> Library { get; set; } = default!;

    private TimeZoneInfo Zone => Time.LocalTimeZone;

    private string TimeZoneName => Zone.Id == TimeZoneInfo.Utc.Id ? "UTC" : Zone.DisplayName;

    private bool HasFilters =>
        _fromDate is not null || _toDate is not null || _userId.Length > 0 || _entityType.Length > 0 || _action.Length > 0
        || !string.IsNullOrWhiteSpace(_entityIdText);

    protected override async Task OnInitializedAsync()
    {
        _people = await Audit.ListPeopleAsync(CancellationToken.None);
        _entityTypes = await Audit.ListEntityTypesAsync(CancellationToken.None);
    }

    private async Task<TableData<AuditRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var result = await Audit.SearchAsync(BuildQuery(state.Page, state.PageSize), cancellationToken);
        return new TableData<AuditRow> { Items = result.Rows, TotalItems = result.TotalCount };
    }

    private AuditQuery BuildQuery(int page, int pageSize) => new()
    {
        From = _fromDate is { } from ? LibraryTime.StartOfDay(DateOnly.FromDateTime(from), Zone) : null,
        Until = _toDate is { } to ? LibraryTime.StartOfDay(DateOnly.FromDateTime(to).AddDays(1), Zone) : null,
        UserId = NullIfEmpty(_userId),
        EntityType = NullIfEmpty(_entityType),
        Action = NullIfEmpty(_action),
        EntityIdContains = NullIfEmpty(_entityIdText?.Trim()),
        Page = page,
        PageSize = pageSize,
    };

    private Task OnFromChangedAsync(DateTime? value)
    {
        _fromDate = value;
        return ReloadAsync();
    }

    private Task OnToChangedAsync(DateTime? value)
    {
        _toDate = value;
        return ReloadAsync();
    }

    private Task OnPersonChangedAsync(string? value)
    {
        _userId = value ?? "";
        return ReloadAsync();
    }

    private Task OnEntityTypeChangedAsync(string? value)
    {
        _entityType = value ?? "";
        return ReloadAsync();
    }

    private Task OnActionChangedAsync(string? value)
    {
        _action = value ?? "";
        return ReloadAsync();
    }

    private Task OnEntityIdTextChangedAsync(string? value)
    {
        _entityIdText = value;
        return ReloadAsync();
    }

    private Task ClearFiltersAsync()
    {
        _fromDate = null;
        _toDate = null;
        _userId = "";
        _entityType = "";
        _action = "";
        _entityIdText = null;
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _expanded.Clear();
        if (_table is not null)
        {
            // Filters changed: start again from the first page (changing the page reloads by itself).
            if (_table.CurrentPage != 0)
            {
                _table.NavigateTo(Page.First);
            }
            else
            {
                await _table.ReloadServerData();
            }
        }
    }

    private bool IsExpanded(long id) => _expanded.Contains(id);

    private void ToggleDetails(long id)
    {
        if (!_expanded.Remove(id))
        {
            _expanded.Add(id);
        }
    }

    private static string DetailsId(long id) => $"audit-details-{id.ToString(CultureInfo.InvariantCulture)}";

    private string FormatTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string ValueText(string? value) => value is null ? "(empty)" : value.Length == 0 ? "(blank)" : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Color ActionColor(string action) => action switch
    {
        AuditActions.Created => Color.Success,
        AuditActions.Deleted => Color.Error,
        _ => Color.Info,
    };
}
