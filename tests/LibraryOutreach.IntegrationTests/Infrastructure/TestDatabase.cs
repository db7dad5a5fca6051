using LibraryOutreach.Web.Infrastructure.Data;
using Npgsql;

namespace LibraryOutreach.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test host: a new SQLite file in a temporary data directory, or a new
/// database on the PostgreSQL server that the test command started (<c>OUTREACH_TEST_POSTGRES</c>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "OUTREACH_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string dataDirectory, string? postgresConnectionString, string? postgresDatabase)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        PostgresConnectionString = postgresConnectionString;
        _postgresDatabase = postgresDatabase;
    }

    private readonly string? _postgresDatabase;

    public DatabaseProvider Provider { get; }

    /// <summary>The app's data directory (keys, logs, backups; and the SQLite file when on SQLite).</summary>
    public string DataDirectory { get; }

    public string? PostgresConnectionString { get; }

    public static Task<TestDatabase> CreateSqliteAsync() =>
        Task.FromResult(new TestDatabase(DatabaseProvider.Sqlite, NewDataDirectory(), null, null));

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with the README's test command (tests/run-all.sh), which starts PostgreSQL and sets it.");
        }

        var name = "lo_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, NewDataDirectory(), builder.ToString(), name);
    }

    /// <summary>
    /// The same PostgreSQL database for a second app instance, with a data directory of its own (as on another
    /// machine). Disposing it leaves the database to this one.
    /// </summary>
    public TestDatabase SecondInstance() =>
        Provider == DatabaseProvider.Postgres
            ? new TestDatabase(Provider, NewDataDirectory(), PostgresConnectionString, null)
            : throw new InvalidOperationException("Several instances share a PostgreSQL database; a SQLite file belongs to one.");

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? CreatePostgresAsync() : CreateSqliteAsync();

    /// <summary>Configuration the app reads to use this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Data:Directory", DataDirectory);
        yield return new("Database:Provider", Provider.ToString());
        if (PostgresConnectionString is not null)
        {
            yield return new("ConnectionStrings:Postgres", PostgresConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    private static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "lo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
