using LibraryOutreach.IntegrationTests.Infrastructure.Cli;

namespace LibraryOutreach.IntegrationTests.Features.Import;

/// <summary>The import verb on a fresh SQLite data directory.</summary>
public sealed class ImportCliTests : IDisposable
{
    internal const string CleanCsv =
        "First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value,Phone 1 - Value\n" +
        "Tom,Nguyen,Chamber of Commerce,Director,tom@chamber.example,555-0200\n" +
        "Li,Wei,,,li@example.org,\n";

    private const string CsvWithErrors =
        "First Name,Last Name,E-mail 1 - Value\n" +
        "Tom,Nguyen,tom@chamber.example\n" +
        "Kim,Park,kim@example.org\n" +
        ",,nobody@example.com\n" +
        "Ana,Ruiz,ana(at)example.com\n";

    private readonly CliSandbox _cli = new();

    [Fact]
    public async Task Import_DryRun_PrintsTheSummaryAndWritesNothing()
    {
        var file = Write("contacts.csv", CsvWithErrors);

        var result = await _cli.RunAsync("import", "--file", file, "--kind", "contacts", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(google, UTF-8)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Rows: 4", result.Output, StringComparison.Ordinal);
        Assert.Contains("To add: 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("Rows with errors (not imported): 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("  row 3: No name", result.Output, StringComparison.Ordinal);
        Assert.Contains("  row 4: Bad email: \"ana(at)example.com\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was written.", result.Output, StringComparison.Ordinal);
        using var db = _cli.Open();
        Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Contacts;"));
        Assert.Equal(0L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM ImportBatches;"));
    }

    [Fact]
    public async Task Import_RowsWithErrors_ImportsTheGoodRowsAndExitsOne()
    {
        var result = await _cli.RunAsync("import", "--file", Write("contacts.csv", CsvWithErrors), "--kind", "contacts");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Added: 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("  row 3: No name", result.Output, StringComparison.Ordinal);
        using var db = _cli.Open();
        Assert.Equal(2L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Contacts;"));
        Assert.Equal(1L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM ImportBatches WHERE AddedCount = 2 AND SkippedCount = 2;"));
    }

    [Fact]
    public async Task Import_CleanFileTwice_AddsThenSkipsDuplicatesAndExitsZero()
    {
        var file = Write("contacts.csv", CleanCsv);

        var first = await _cli.RunAsync("import", "--file", file, "--kind", "contacts");
        var second = await _cli.RunAsync("import", "--file", file, "--kind", "contacts");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("Added: 2", first.Output, StringComparison.Ordinal);
        Assert.Contains("Batch: ", first.Output, StringComparison.Ordinal);
        Assert.Contains("Added: 0", second.Output, StringComparison.Ordinal);
        Assert.Contains("Duplicates skipped: 2", second.Output, StringComparison.Ordinal);
        Assert.Contains("  row 1: Tom Nguyen matches Tom Nguyen (Same email: tom@chamber.example)", second.Output, StringComparison.Ordinal);
        using var db = _cli.Open();
        Assert.Equal(2L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Contacts;"));
        Assert.Equal(1L, CliSandbox.Scalar(db, "SELECT COUNT(*) FROM Affiliations WHERE Role = 'Director';"));
    }

    [Fact]
    public async Task Import_UnrecognisedColumnsOrMissingFile_FailsWithAMessage()
    {
        var unknown = await _cli.RunAsync("import", "--file", Write("odd.csv", "Who,Where\nPat,Town Hall\n"), "--kind", "organizations");
        var missing = await _cli.RunAsync("import", "--file", Path.Combine(_cli.DataDirectory, "nope.csv"), "--kind", "contacts");
        var badKind = await _cli.RunAsync("import", "--file", "x.csv", "--kind", "people");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("were not recognised: Who, Where", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No file at", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, badKind.ExitCode);
    }

    internal string Write(string name, string content)
    {
        var path = Path.Combine(_cli.DataDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _cli.Dispose();
}
