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

    [Fact]
    public void ImportPage_FileChosen_ShowsThePreviewAndImportsWithTheChosenActions()
    {
        var cut = RenderWithProviders<ImportPage>();

        cut.WaitForElement("[data-testid=import-batches-empty]");
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("First Name,Last Name\nMaria,Lopez\n", "google.csv"));

        cut.WaitForAssertion(() => Assert.Contains("3 rows (Google Contacts, UTF-8): 1 new, 1 possible duplicates, 1 with errors", cut.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Row 3: No name", cut.Find("[data-testid=import-errors]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Maria Lopez (Same email: maria@example.com)", cut.Find("[data-testid=import-duplicates]").TextContent, StringComparison.Ordinal);
        Assert.Equal(("google.csv", "First Name,Last Name\nMaria,Lopez\n"), (_imports.PreviewedName, _imports.PreviewedText));

        cut.Find("[data-testid=import-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Imported 3 rows: 1 added, 1 merged, 1 skipped (1 with errors).", cut.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal(ImportAction.Merge, _imports.Choices![2]);
    }

    private sealed class FakeImportService : IImportService
    {
        public string? PreviewedName { get; private set; }

        public string? PreviewedText { get; private set; }

        public IReadOnlyDictionary<int, ImportAction>? Choices { get; private set; }

        public List<ImportBatchRow> Batches { get; } = [];

        public List<Guid> Undone { get; } = [];

        public string? RefuseUndo { get; set; }

        public async Task<ImportPreview> PreviewAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, CancellationToken ct)
        {
            PreviewedName = fileName;
            PreviewedText = await new StreamReader(file).ReadToEndAsync(ct);
            ImportPreviewRow[] rows =
            [
                new(1, "Tom Nguyen", "tom@example.com", null, null, [], null, ImportAction.Create),
                new(2, "Maria Lopez", "maria@example.com", null, null, [], new DuplicateMatch(Guid.NewGuid(), "Maria Lopez", "Same email: maria@example.com"), ImportAction.Merge),
                new(3, "", null, null, null, ["No name: a contact needs a first, last or full name."], null, ImportAction.Skip),
            ];
            return new ImportPreview(kind, ContactLayouts.Google, "UTF-8", false, ["First Name", "Last Name"], 3, rows, [rows[2]], [rows[1]]);
        }

        public Task<ImportResult> ImportAsync(Stream file, string fileName, ImportKind kind, ColumnMapping? mapping, IReadOnlyDictionary<int, ImportAction> choices, CancellationToken ct)
        {
            Choices = choices;
            var batch = new ImportBatchRow(Guid.NewGuid(), "contacts", fileName, "google", DateTimeOffset.UnixEpoch, "Ada Admin", 3, 1, 1, 1, null, CanUndo: true);
            Batches.Add(batch);
            return Task.FromResult(new ImportResult(batch.Id, "google", 3, 1, 1, 1, [new ImportRowError(3, "No name")]));
        }

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
