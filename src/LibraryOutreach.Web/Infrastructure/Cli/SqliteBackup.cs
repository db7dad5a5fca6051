using Microsoft.Data.Sqlite;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>A finished, verified backup.</summary>
internal sealed record SqliteBackupResult(string Path, long SizeBytes, string IntegrityCheck);

/// <summary>
/// Copies a live SQLite database with SQLite's online backup API. The copy is a consistent snapshot (one read
/// transaction; in WAL mode the app keeps writing meanwhile), is written next to the destination first, checked
/// with <c>PRAGMA integrity_check</c> from a fresh connection, and only then moved into place.
/// </summary>
internal static class SqliteBackup
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int Attempts = 5;

    /// <exception cref="IOException">The source is missing, or the destination exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="InvalidDataException">The copy failed its integrity check (nothing is replaced).</exception>
    public static async Task<SqliteBackupResult> CreateAsync(string sourcePath, string destinationPath, bool overwrite, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(sourcePath);
        var destination = Path.GetFullPath(destinationPath);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"There is no database at {source}. Start the app or run the migrate verb first.", source);
        }

        if (string.Equals(source, destination, StringComparison.Ordinal))
        {
            throw new IOException("The backup file cannot be the database itself.");
        }

        if (File.Exists(destination) && !overwrite)
        {
            throw new IOException($"{destination} already exists. Choose another file or add --force to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        DeleteDatabaseFiles(partial);
        try
        {
            await CopyAsync(source, partial, cancellationToken);
            var integrity = await CheckIntegrityAsync(partial, cancellationToken);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The backup failed its integrity check: {integrity}");
            }

            File.Move(partial, destination, overwrite);
            return new SqliteBackupResult(destination, new FileInfo(destination).Length, integrity);
        }
        finally
        {
            DeleteDatabaseFiles(partial);
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> on a database file and returns its answer ("ok" when sound).</summary>
    public static async Task<string> CheckIntegrityAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    private static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var from = new SqliteConnection(ConnectionString(source, SqliteOpenMode.ReadWrite));
                await using var to = new SqliteConnection(ConnectionString(destination, SqliteOpenMode.ReadWriteCreate));
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);

                // The copy inherits WAL mode from the source; a backup is one self-contained file.
                await using var command = to.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                await command.ExecuteScalarAsync(cancellationToken);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < Attempts)
            {
                // Another process holds a lock SQLite would not wait for (e.g. a checkpoint): try again shortly.
                DeleteDatabaseFiles(destination);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
