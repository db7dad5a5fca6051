namespace LibraryOutreach.IntegrationTests.Infrastructure.Cli;

/// <summary>Help, wrong verbs and wrong arguments: usage text and exit codes, before any database is touched.</summary>
public sealed class CliUsageTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    [InlineData("backup", "--help")]
    public async Task Help_ListsEveryVerbAndExitCodes_ExitsZero(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        foreach (var verb in new[] { "migrate", "create-admin --email E --name N", "invite --email E --name N --role R", "backup [--out FILE] [--force]", "help" })
        {
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_PrintsUsageToStandardError_ExitsTwo()
    {
        var result = await _cli.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("Unknown verb 'frobnicate'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("needs --email", "create-admin", "--name", "Ann")]
    [InlineData("--email needs a value", "create-admin", "--name", "Ann", "--email")]
    [InlineData("needs --email and --name and --role", "invite")]
    [InlineData("--role must be one of: Admin, Supervisor, Staff", "invite", "--email", "a@library.example", "--name", "A", "--role", "Boss")]
    [InlineData("Unknown option --outt for 'backup'", "backup", "--outt", "x.db")]
    [InlineData("--force takes no value", "backup", "--force=yes")]
    [InlineData("Unexpected argument 'now'", "migrate", "now")]
    public async Task WrongArguments_PrintUsageToStandardError_ExitTwo(string message, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DatabasePath), "nothing runs after a usage error");
    }

    [Theory]
    [InlineData("--password", "correct-horse-battery-staple")]
    [InlineData("--password=correct-horse-battery-staple")]
    [InlineData("--Password", "correct-horse-battery-staple")]
    public async Task CreateAdmin_PasswordArgument_IsRefused(params string[] passwordArgs)
    {
        var result = await _cli.RunWithInputAsync("correct-horse-battery-staple\n", ["create-admin", "--email", "ann@library.example", "--name", "Ann", .. passwordArgs]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Passwords are never accepted as command-line arguments", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DatabasePath), "no account is created");
    }

    public void Dispose() => _cli.Dispose();
}
