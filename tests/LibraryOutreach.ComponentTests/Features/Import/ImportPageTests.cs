using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.ComponentTests.Features.Import;

public class ImportPageTests : MudBunitTestBase
{
    private readonly FakeImportService _imports = new();

    public ImportPageTests()
    {
        Services.AddSingleton<IImportService>(_imports);
        Services.AddSingleton(Options.Create(new LibraryOptions()));
        AuthorizeAsAdmin();
    }

    [Fact]
    public void ImportPage_NoImportsYet_ShowsTheEmptyState()
    {
        var cut = RenderWithProviders<ImportPage>();

        cut.WaitForAssertion(() => Assert.Equal("No imports yet.", cut.Find("[data-testid=import-batches-empty]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=import-preview]"));
    }

    [Fact]
    public void ImportPage_UndoConfirmed_UndoesTheBatchAndRefreshesTheList()
    {
        var batch = new ImportBatchRow(Guid.NewGuid(), "contacts", "google.csv", "google", Clock.Now.AddDays(-1), "Sam Staff", 5, 2, 1, 2, null, CanUndo: true);
        _imports.Batches.Add(batch);
        var cut = RenderWithProviders<ImportPage>();

        cut.WaitForElement("[data-testid=import-undo]").Click();
        cut.WaitForAssertion(() => Assert.Contains("removes the 2 records added from google.csv", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Undo import", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal([batch.Id], _imports.Undone));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-undo]")));
        Assert.Contains("Undone", cut.Find("[data-testid=import-batches]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPage_UndoRefused_ShowsTheReason()
    {
        _imports.Batches.Add(new ImportBatchRow(Guid.NewGuid(), "contacts", "old.csv", "google", Clock.Now.AddDays(-1), null, 1, 1, 0, 0, null, CanUndo: true));
        _imports.RefuseUndo = "Imports can be undone for 30 days.";
        var cut = RenderWithProviders<ImportPage>();

        cut.WaitForElement("[data-testid=import-undo]").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Undo import", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Equal("Imports can be undone for 30 days.", cut.Find("[data-testid=import-error]").TextContent.Trim()));
    }

    private sealed class FakeImportService : IImportService
    {
        public List<ImportBatchRow> Batches { get; } = [];

        public List<Guid> Undone { get; } = [];

        public string? RefuseUndo { get; set; }

        public Task<ImportPreview> PreviewAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<ImportResult> ImportAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, IReadOnlyDictionary<int, ImportAction> choices, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task UndoAsync(Guid batchId, CancellationToken ct)
        {
            if (RefuseUndo is { } reason)
            {
                throw new ImportRefusedException(reason);
            }

            Undone.Add(batchId);
            var index = Batches.FindIndex(b => b.Id == batchId);
            Batches[index] = Batches[index] with { UndoneAt = DateTimeOffset.UnixEpoch, CanUndo = false };
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ImportBatchRow>> ListBatchesAsync(int take, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ImportBatchRow>>([.. Batches]);
    }
}
