using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>What to do with a row: add a new record, skip it, or merge it into the duplicate found.</summary>
public enum ImportAction
{
    Create,
    Skip,
    Merge,
}

/// <summary>One row of a preview. <see cref="Duplicate"/> is set when it matches an existing record (or an earlier row).</summary>
public sealed record ImportPreviewRow(
    int RowNumber,
    string Name,
    string? Email,
    string? Phone,
    string? Organization,
    IReadOnlyList<string> Errors,
    DuplicateMatch? Duplicate,
    ImportAction SuggestedAction);

/// <summary>
/// What an import would do, with nothing written: the detected format, the first rows, every row with an error or a
/// duplicate, and counts. <see cref="NeedsMapping"/>: the headers were not recognised; ask for a <see cref="ColumnMapping"/>.
/// </summary>
public sealed record ImportPreview(
    ImportKind Kind,
    string Format,
    string EncodingName,
    bool NeedsMapping,
    IReadOnlyList<string> Headers,
    int TotalRows,
    IReadOnlyList<ImportPreviewRow> FirstRows,
    IReadOnlyList<ImportPreviewRow> ErrorRows,
    IReadOnlyList<ImportPreviewRow> DuplicateRows)
{
    public const int FirstRowCount = 20;

    public IEnumerable<ImportRowError> Errors => ErrorRows.SelectMany(r => r.Errors.Select(e => new ImportRowError(r.RowNumber, e)));

    public int NewCount => TotalRows - ErrorRows.Count - DuplicateRows.Count;
}

/// <summary>The outcome of an import. <see cref="BatchId"/> is null when nothing was written (no rows added or merged).</summary>
public sealed record ImportResult(
    Guid? BatchId,
    string Format,
    int RowCount,
    int Added,
    int Merged,
    int Skipped,
    IReadOnlyList<ImportRowError> Errors);

/// <summary>A batch for the list on the import page.</summary>
public sealed record ImportBatchRow(
    Guid Id,
    string Kind,
    string FileName,
    string Format,
    DateTimeOffset CreatedAt,
    string? CreatedByName,
    int RowCount,
    int Added,
    int Merged,
    int Skipped,
    DateTimeOffset? UndoneAt,
    bool CanUndo);

/// <summary>An import could not be done or undone; the message says why, for the person.</summary>
public sealed class ImportRefusedException : Exception
{
    public ImportRefusedException()
    {
    }

    public ImportRefusedException(string message)
        : base(message)
    {
    }

    public ImportRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
