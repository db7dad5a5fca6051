using System.Globalization;
using LibraryOutreach.Web.Features.Export;
using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure.Data;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>The import and export verbs.</summary>
internal static class CliImportVerbs
{
    public static async Task<int> ImportAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = context.Command.Required("file");
        var kind = context.Command.Required("kind") == "organizations" ? ImportKind.Organizations : ImportKind.Contacts;
        var dryRun = context.Command.HasFlag("dry-run");
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"No file at {path}.");
            return CliUsage.Failed;
        }

        await using var session = context.StartSession();
        await session.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var importer = session.Get<ImportService>();
        ImportPreview preview;
        await using (var file = File.OpenRead(path))
        {
            preview = await importer.PreviewAsync(file, Path.GetFileName(path), kind, mapping: null, cancellationToken);
        }

        if (preview.NeedsMapping)
        {
            context.Error.WriteLine($"The columns of {Path.GetFileName(path)} were not recognised: {string.Join(", ", preview.Headers)}.");
            context.Error.WriteLine("Use the import page to choose which field each column fills.");
            return CliUsage.Failed;
        }

        var output = context.Output;
        output.WriteLine($"File: {path} ({preview.Format}, {preview.EncodingName})");
        output.WriteLine($"Rows: {Count(preview.TotalRows)}");
        if (dryRun)
        {
            output.WriteLine($"To add: {Count(preview.NewCount)}");
            output.WriteLine($"Duplicates to skip: {Count(preview.DuplicateRows.Count)}");
        }
        else
        {
            // In the command line, duplicates are always skipped; merging is a choice made row by row on the import page.
            var choices = preview.DuplicateRows.ToDictionary(r => r.RowNumber, _ => ImportAction.Skip);
            await using var file = File.OpenRead(path);
            var result = await importer.ImportAsync(file, Path.GetFileName(path), kind, mapping: null, choices, cancellationToken);
            output.WriteLine($"Added: {Count(result.Added)}");
            output.WriteLine($"Duplicates skipped: {Count(preview.DuplicateRows.Count)}");
            if (result.BatchId is { } batchId)
            {
                output.WriteLine($"Batch: {batchId} (undo it on the import page within {ImportService.UndoDays} days)");
            }
        }

        foreach (var row in preview.DuplicateRows)
        {
            output.WriteLine($"  row {Count(row.RowNumber)}: {row.Name} matches {row.Duplicate!.ExistingName} ({row.Duplicate.Reason})");
        }

        var errors = preview.Errors.ToList();
        output.WriteLine($"Rows with errors (not imported): {Count(preview.ErrorRows.Count)}");
        foreach (var error in errors)
        {
            output.WriteLine($"  row {Count(error.RowNumber)}: {error.Message}");
        }

        if (dryRun)
        {
            output.WriteLine("Dry run: nothing was written.");
        }

        return errors.Count > 0 ? CliUsage.Failed : CliUsage.Success;
    }

    public static async Task<int> ExportAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(context.Command.Required("out"));
        if (File.Exists(path) && !context.Command.HasFlag("force"))
        {
            context.Error.WriteLine($"{path} already exists. Add --force to replace it.");
            return CliUsage.Failed;
        }

        await using var session = context.StartSession();
        await session.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var export = await session.Get<ExportService>().ExportAllAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(file, export, ExportService.JsonOptions, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
        context.Output.WriteLine($"Exported {Count(export.Organizations.Count)} organizations, {Count(export.Contacts.Count)} contacts, " +
            $"{Count(export.Affiliations.Count)} affiliations, {Count(export.Staff.Count)} staff and {Count(export.ImportBatches.Count)} import batches, " +
            $"{Count(export.Events.Count)} events, {Count(export.Interactions.Count)} interactions and {Count(export.FollowUps.Count)} follow-ups to {path}");
        return CliUsage.Success;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
