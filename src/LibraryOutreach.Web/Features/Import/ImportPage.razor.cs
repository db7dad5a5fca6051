using System.Globalization;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>Upload a file, check the preview (errors, duplicates with a choice per row), import; list recent imports with Undo.</summary>
public sealed partial class ImportPage
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly ImportField[] ContactFields =
    [
        ImportField.Ignore, ImportField.FirstName, ImportField.MiddleName, ImportField.LastName, ImportField.FullName, ImportField.Title,
        ImportField.Organization, ImportField.Email, ImportField.Phone, ImportField.Tags, ImportField.Notes,
    ];

    private static readonly ImportField[] OrganizationFields =
    [
        ImportField.Ignore, ImportField.Name, ImportField.OrganizationType, ImportField.Website, ImportField.Email, ImportField.Phone,
        ImportField.Address, ImportField.EmailDomains, ImportField.Notes,
    ];

    private readonly Dictionary<string, ImportField> _mapping = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, ImportAction> _choices = [];
    private ImportKind _kind = ImportKind.Contacts;
    private byte[]? _file;
    private string? _fileName;
    private ImportPreview? _preview;
    private ImportResult? _result;
    private IReadOnlyList<ImportBatchRow>? _batches;
    private bool _busy;
    private string _busyText = "";
    private string? _error;

    [Inject]
    private IImportService Imports { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<LibraryOptions> Library { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadBatchesAsync();

    private async Task LoadBatchesAsync() => _batches = await Imports.ListBatchesAsync(20, CancellationToken.None);

    private void OnKindChanged(ImportKind kind)
    {
        _kind = kind;
        Reset();
    }

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        Reset();
        if (file is null)
        {
            return;
        }

        if (file.Size > MaxFileBytes)
        {
            _error = $"{file.Name} is larger than 20 MB. Split it into smaller files.";
            return;
        }

        await RunAsync("Reading the file…", async () =>
        {
            await using var stream = file.OpenReadStream(MaxFileBytes);
            _file = await ImportFileReader.ReadAllBytesAsync(stream, CancellationToken.None);
            _fileName = file.Name;
            await PreviewAsync(mapping: null);
        });
    }

    private Task PreviewWithMappingAsync() =>
        RunAsync("Checking the rows…", () => PreviewAsync(new ColumnMapping(new Dictionary<string, ImportField>(_mapping, StringComparer.OrdinalIgnoreCase))));

    private async Task PreviewAsync(ColumnMapping? mapping)
    {
        using var stream = new MemoryStream(_file!);
        var preview = await Imports.PreviewAsync(stream, _fileName!, _kind, mapping, CancellationToken.None);
        if (mapping is not null && preview.NeedsMapping)
        {
            _error = "Choose at least a name column.";
        }

        _preview = preview;
    }

    private ImportAction ChoiceFor(ImportPreviewRow row) => _choices.TryGetValue(row.RowNumber, out var choice) ? choice : row.SuggestedAction;

    private Task ImportAsync() => RunAsync("Importing… this can take a little while for large files.", async () =>
    {
        using var stream = new MemoryStream(_file!);
        var mapping = _mapping.Count > 0 ? new ColumnMapping(new Dictionary<string, ImportField>(_mapping, StringComparer.OrdinalIgnoreCase)) : null;
        var choices = _preview!.DuplicateRows.ToDictionary(r => r.RowNumber, ChoiceFor);
        var result = await Imports.ImportAsync(stream, _fileName!, _kind, mapping, choices, CancellationToken.None);
        Reset();
        _result = result;
        await LoadBatchesAsync();
    });

    private async Task UndoAsync(ImportBatchRow batch)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Undo this import?",
            $"This removes the {batch.Added} records added from {batch.FileName} and puts back the {batch.Merged} records it merged into as they were before. Changes made to those records since the import are lost.",
            yesText: "Undo import",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync("Undoing the import…", async () =>
        {
            await Imports.UndoAsync(batch.Id, CancellationToken.None);
            Snackbar.Add($"The import of {batch.FileName} was undone.", Severity.Success);
            await LoadBatchesAsync();
        });
    }

    private async Task RunAsync(string busyText, Func<Task> action)
    {
        _busy = true;
        _busyText = busyText;
        _error = null;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is ImportRefusedException or AccessDeniedException or RecordNotFoundException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Reset()
    {
        _file = null;
        _fileName = null;
        _preview = null;
        _result = null;
        _error = null;
        _mapping.Clear();
        _choices.Clear();
    }

    private static ImportField[] FieldsFor(ImportKind kind) => kind == ImportKind.Contacts ? ContactFields : OrganizationFields;

    private static string FieldLabel(ImportField field) => field switch
    {
        ImportField.Ignore => "(don't import)",
        ImportField.FirstName => "First name",
        ImportField.MiddleName => "Middle name",
        ImportField.LastName => "Last name",
        ImportField.FullName => "Full name",
        ImportField.Title => "Title / role",
        ImportField.Organization => "Organization",
        ImportField.Email => "Email",
        ImportField.Phone => "Phone",
        ImportField.Tags => "Tags (separated by ;)",
        ImportField.Notes => "Notes",
        ImportField.Name => "Name",
        ImportField.OrganizationType => "Type",
        ImportField.Website => "Website",
        ImportField.Address => "Address",
        ImportField.EmailDomains => "Email domains (separated by ;)",
        _ => field.ToString(),
    };

    private static string FormatLabel(string format) => format switch
    {
        ContactLayouts.Google => "Google Contacts",
        ContactLayouts.Outlook => "Outlook",
        ContactLayouts.Bitrix24 => "Bitrix24",
        ContactLayouts.VCard => "vCard",
        ContactLayouts.Simple => "organizations CSV",
        _ => "your column choices",
    };

    private static string RowStatus(ImportPreviewRow row) =>
        row.Errors.Count > 0 ? "Error: " + string.Join(" ", row.Errors)
        : row.Duplicate is { } duplicate ? $"Possible duplicate of {duplicate.ExistingName}"
        : "New";

    private string FormatTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
