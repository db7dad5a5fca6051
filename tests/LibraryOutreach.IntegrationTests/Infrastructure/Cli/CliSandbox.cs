using LibraryOutreach.Web.Infrastructure.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Cli;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs verbs in-process against a fresh temporary data directory, passed as a <c>--Data:Directory=</c> setting
/// so that parallel tests never share configuration.
/// </summary>
public sealed class CliSandbox : IDisposable
{
    public CliSandbox()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "lo-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _ownsDirectory = true;
    }

    /// <summary>Verbs on the data directory of a test host (which deletes it when disposed).</summary>
    public CliSandbox(string dataDirectory) => DataDirectory = dataDirectory;

    private readonly bool _ownsDirectory;

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "outreach.db");

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = await CliApp.RunAsync([.. args, $"--Data:Directory={DataDirectory}"], reader, output, error, ConfigureServices, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>A connection to the sandbox's database (or another file), not pooled so no handle outlives the test.</summary>
    public SqliteConnection Open(string? path = null, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path ?? DatabasePath,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean the temp folder.
        }
    }
}
