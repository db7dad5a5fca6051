using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>
/// All contacts and organizations with their two-way health: server-side paging and sorting (name, days since the
/// last touch, partner share, responsiveness, touches), filters by flag, kind, owner, partnership level and type.
/// </summary>
public partial class RelationshipsPage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<RelationshipHealth>? _table;
    private IReadOnlyList<StaffOption> _staff = [];
    private IReadOnlyList<TypeRef> _types = [];
    private HealthFlagFilter _flag = HealthFlagFilter.All;
    private RelationshipKind? _kind;
    private string? _ownerId;
    private PartnershipLevel? _level;
    private Guid? _typeId;
    private string? _error;

    [Inject]
    private IRelationshipHealthService Health { get; set; } = default!;

    [Inject]
    private IContactService Contacts { get; set; } = default!;

    [Inject]
    private IOrganizationService Organizations { get; set; } = default!;

    [Inject]
    private IOptions<HealthOptions> Options { get; set; } = default!;

    /// <summary>A flag to start with, from the address (<c>/relationships?flag=Neglected</c>), e.g. from the dashboard.</summary>
    [SupplyParameterFromQuery(Name = "flag")]
    public string? FlagFromQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Enum.TryParse<HealthFlagFilter>(FlagFromQuery, ignoreCase: true, out var flag))
        {
            _flag = flag;
        }

        try
        {
            _staff = await Contacts.ListStaffAsync();
            _types = (await Organizations.GetChoicesAsync()).Types;
        }
        catch (AccessDeniedException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task<TableData<RelationshipHealth>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = Enum.TryParse<HealthSort>(state.SortLabel, out var parsed) ? parsed : HealthSort.Name;
        try
        {
            var page = await Health.ListAsync(
                new HealthQuery(_kind, _flag, _ownerId, _level, _typeId, sort, state.SortDirection == SortDirection.Descending, state.Page, state.PageSize),
                ct);
            _error = null;
            return new TableData<RelationshipHealth> { Items = page.Rows, TotalItems = page.Total };
        }
        catch (AccessDeniedException ex)
        {
            _error = ex.Message;
            return new TableData<RelationshipHealth> { Items = [], TotalItems = 0 };
        }
    }

    private Task OnFlagChangedAsync(HealthFlagFilter value) => FilterAsync(() => _flag = value);

    private Task OnKindChangedAsync(RelationshipKind? value) => FilterAsync(() => _kind = value);

    private Task OnOwnerChangedAsync(string? value) => FilterAsync(() => _ownerId = string.IsNullOrEmpty(value) ? null : value);

    private Task OnLevelChangedAsync(PartnershipLevel? value) => FilterAsync(() => _level = value);

    private Task OnTypeChangedAsync(Guid? value) => FilterAsync(() => _typeId = value);

    private async Task FilterAsync(Action change)
    {
        change();
        if (_table is null)
        {
            return;
        }

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
