using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>What the import page uses (see <see cref="ImportService"/>); an interface so component tests can fake it.</summary>
public interface IImportService
{
    Task<ImportPreview> PreviewAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, CancellationToken ct);

    Task<ImportResult> ImportAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, IReadOnlyDictionary<int, ImportAction> choices, CancellationToken ct);

    Task UndoAsync(Guid batchId, CancellationToken ct);

    Task<IReadOnlyList<ImportBatchRow>> ListBatchesAsync(int take, CancellationToken ct);
}
