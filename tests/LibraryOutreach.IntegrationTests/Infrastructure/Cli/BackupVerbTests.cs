using Microsoft.Data.Sqlite;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Cli;

/// <summary>The backup verb against a live database: consistent copies while others write.</summary>
public sealed class BackupVerbTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    [Fact]
    public async Task Backup_WhileAnotherConnectionHoldsAnOpenWriteTransaction_CopiesCommittedRowsOnly()
    {
        await MigrateAsync();
        using var writer = _cli.Open();
        for (var i = 0; i < 3; i++)
        {
            InsertProbe(writer, $"committed-{i}");
        }

        using var transaction = writer.BeginTransaction();
        InsertProbe(writer, "uncommitted", transaction);
        var target = Path.Combine(_cli.DataDirectory, "copies", "during-write.db");

        var result = await _cli.RunAsync("backup", "--out", target);

        transaction.Rollback();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(target, result.Output, StringComparison.Ordinal);
        Assert.Contains("Integrity check of the copy: ok", result.Output, StringComparison.Ordinal);
        using var copy = _cli.Open(target, SqliteOpenMode.ReadOnly);
        Assert.Equal("ok", CliSandbox.Scalar(copy, "PRAGMA integrity_check;"));
        Assert.Equal(3L, CliSandbox.Scalar(copy, "SELECT COUNT(*) FROM AuditEntries WHERE EntityId LIKE 'committed-%';"));
        Assert.Equal(0L, CliSandbox.Scalar(copy, "SELECT COUNT(*) FROM AuditEntries WHERE EntityId = 'uncommitted';"));
        Assert.Equal("delete", CliSandbox.Scalar(copy, "PRAGMA journal_mode;"));
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task Backup_WhileWritesContinue_HasEveryRowCommittedBeforeItStarted()
    {
        await MigrateAsync();
        using var stop = new CancellationTokenSource();
        var written = 0;
        using var started = new SemaphoreSlim(0);
        var writes = Task.Run(() =>
        {
            using var writer = _cli.Open();
            while (!stop.IsCancellationRequested)
            {
                InsertProbe(writer, $"loop-{written}");
                Interlocked.Increment(ref written);
                if (written == 50)
                {
                    started.Release();
                }
            }
        });
        await started.WaitAsync(TimeSpan.FromSeconds(30));
        var committedBefore = Volatile.Read(ref written);
        var target = Path.Combine(_cli.DataDirectory, "busy.db");

        var result = await _cli.RunAsync("backup", "--out", target);
        var writtenDuringBackup = Volatile.Read(ref written) - committedBefore;
        await stop.CancelAsync();
        await writes; // the writer never failed while the backup ran

        Assert.Equal(0, result.ExitCode);
        using var copy = _cli.Open(target, SqliteOpenMode.ReadOnly);
        Assert.Equal("ok", CliSandbox.Scalar(copy, "PRAGMA integrity_check;"));
        var copied = (long)CliSandbox.Scalar(copy, "SELECT COUNT(*) FROM AuditEntries WHERE EntityId LIKE 'loop-%';")!;
        Assert.InRange(copied, committedBefore, committedBefore + writtenDuringBackup + 1);
        for (var i = 0; i < committedBefore; i++)
        {
            Assert.Equal(1L, CliSandbox.Scalar(copy, "SELECT COUNT(*) FROM AuditEntries WHERE EntityId = @id;", ("@id", $"loop-{i}")));
        }
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefusedUnlessForced()
    {
        await MigrateAsync();
        var target = Path.Combine(_cli.DataDirectory, "existing.db");
        await File.WriteAllTextAsync(target, "keep me");

        var refused = await _cli.RunAsync("backup", "--out", target);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));

        var forced = await _cli.RunAsync("backup", "--out", target, "--force");

        Assert.Equal(0, forced.ExitCode);
        using var copy = _cli.Open(target, SqliteOpenMode.ReadOnly);
        Assert.Equal("ok", CliSandbox.Scalar(copy, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task Backup_NoOut_WritesTimestampedFileInBackupsFolder()
    {
        await MigrateAsync();

        var result = await _cli.RunAsync("backup");

        Assert.Equal(0, result.ExitCode);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDirectory, "backups")));
        Assert.Matches(@"outreach-\d{8}-\d{6}\.db$", file);
        Assert.Contains(file, result.Output, StringComparison.Ordinal);
        Assert.Contains(new FileInfo(file).Length > 1024 ? "KB" : "bytes", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_NoDatabaseYet_ExitsOne()
    {
        var result = await _cli.RunAsync("backup");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no database", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DatabasePath), "backup never creates the database");
    }

    [Fact]
    public async Task Backup_OnPostgres_ExplainsPgDumpWithoutThePassword_ExitsTwo()
    {
        var result = await _cli.RunAsync(
            "backup",
            "--Database:Provider=Postgres",
            "--ConnectionStrings:Postgres=Host=db.library.example;Port=5433;Database=outreach;Username=outreach_app;Password=s3cret-pw");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pg_dump --format=custom", result.Output, StringComparison.Ordinal);
        Assert.Contains("--host=db.library.example --port=5433 --username=outreach_app --dbname=outreach", result.Output, StringComparison.Ordinal);
        Assert.Contains("pg_restore", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", result.Output + result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private async Task MigrateAsync() => Assert.Equal(0, (await _cli.RunAsync("migrate")).ExitCode);

    private static void InsertProbe(SqliteConnection connection, string id, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO AuditEntries (At, UserId, UserName, Action, EntityType, EntityId, Changes)
            VALUES (@at, NULL, 'probe', 'Created', 'Probe', @id, '[]');
            """;
        command.Parameters.AddWithValue("@at", DateTime.UtcNow.Ticks);
        command.Parameters.AddWithValue("@id", id);
        command.ExecuteNonQuery();
    }
}
