using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using LibraryOutreach.Web.Components.Shared;

namespace LibraryOutreach.Web.Features.Organizations;

/// <summary>
/// Create (no <see cref="Id"/>) or edit an organization. The service's validation messages appear beside their
/// fields. When someone else saved the record meanwhile, <see cref="ConflictDialog"/> shows their changes and the
/// person chooses to reload theirs (this dialog closes with <see cref="ReloadRequested"/>) or keep editing.
/// Closes with the organization's id after a save.
/// </summary>
public sealed partial class OrganizationDialog
{
    /// <summary>Returned instead of an id when the person chose to reload the other person's version.</summary>
    public static readonly object ReloadRequested = new();

    internal static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private static readonly char[] DomainSeparators = [',', ';', '\n', '\r', ' '];

    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private MudForm _form = default!;
    private string? _domains;
    private string _ownerId = "";
    private IReadOnlyCollection<string>? _coOwnerIds;
    private IReadOnlyCollection<Guid>? _tagIds;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    private IOrganizationService Organizations { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    [EditorRequired]
    public OrganizationChoices Choices { get; set; } = default!;

    [Parameter]
    [EditorRequired]
    public OrganizationInput Input { get; set; } = default!;

    /// <summary>The organization being edited; null to create one.</summary>
    [Parameter]
    public Guid? Id { get; set; }

    /// <summary>The version the person opened (edits only).</summary>
    [Parameter]
    public Guid Version { get; set; }

    private string? FormError => _errors.GetValueOrDefault("");

    protected override void OnInitialized()
    {
        _domains = string.Join(", ", Input.EmailDomains);
        _ownerId = Input.OwnerId ?? "";
        _coOwnerIds = [.. Input.CoOwnerIds];
        _tagIds = [.. Input.TagIds];
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private string StaffName(string? id) => Choices.Staff.FirstOrDefault(s => s.Id == id)?.DisplayName ?? "";

    private string TagName(Guid id) => Choices.Tags.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private void Cancel() => MudDialog.Cancel();

    private async Task SaveAsync()
    {
        _errors = new(StringComparer.Ordinal);
        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        Input.EmailDomains = [.. (_domains ?? "").Split(DomainSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        Input.OwnerId = _ownerId.Length == 0 ? null : _ownerId;
        Input.CoOwnerIds = [.. _coOwnerIds ?? []];
        Input.TagIds = [.. _tagIds ?? []];
        _saving = true;
        try
        {
            if (Id is { } id)
            {
                await Organizations.UpdateAsync(id, Input, Version);
                MudDialog.Close(DialogResult.Ok(id));
            }
            else
            {
                MudDialog.Close(DialogResult.Ok(await Organizations.CreateAsync(Input)));
            }
        }
        catch (RecordValidationException ex)
        {
            _errors = new Dictionary<string, string>(ex.Errors, StringComparer.Ordinal);
        }
        catch (ConcurrencyConflictException ex)
        {
            await ResolveConflictAsync(ex);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ResolveConflictAsync(ConcurrencyConflictException conflict)
    {
        var reload = await ConflictDialog.ShowAsync(
            Dialogs,
            conflict,
            "Someone else changed this organization",
            note: "Reload to see their version (your changes are discarded), or keep editing: your next save replaces their changes with yours.");
        if (reload)
        {
            MudDialog.Close(DialogResult.Ok(ReloadRequested));
            return;
        }

        // Keep editing: the person has now seen the other changes, so a new save is based on the current version.
        try
        {
            Version = (await Organizations.GetAsync(Id!.Value)).Version;
        }
        catch (RecordNotFoundException ex)
        {
            _errors = new(StringComparer.Ordinal) { [""] = ex.Message };
        }
    }
}
