using LibraryOutreach.Web.Infrastructure.Cli;

namespace LibraryOutreach.UnitTests.Infrastructure.Cli;

public class CliParserTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://0.0.0.0:5080")]
    [InlineData(false, "--environment=Development")]
    [InlineData(false, "urls=http://0.0.0.0:5080")]
    [InlineData(true, "migrate")]
    [InlineData(true, "frobnicate")]
    [InlineData(true, "--help")]
    [InlineData(true, "-h")]
    [InlineData(true, "--urls", "http://localhost:1", "--help")]
    public void IsVerb_DecidesBetweenWebAppAndVerbs(bool expected, params string[] args) =>
        Assert.Equal(expected, CliApp.IsVerb(args));

    [Fact]
    public void Parse_OptionsFlagsAndSettingsInBothForms()
    {
        var result = CliParser.Parse(["backup", "--out", "/tmp/x.db", "--force", "--Data:Directory=/srv/outreach", "--Database__Provider", "Sqlite", "--environment", "Staging"]);

        var command = Assert.IsType<CliCommand>(result.Command);
        Assert.Equal(CliVerb.Backup, command.Verb.Name);
        Assert.Equal("/tmp/x.db", command.Optional("out"));
        Assert.True(command.HasFlag("force"));
        Assert.Equal("/srv/outreach", command.Settings["Data:Directory"]);
        Assert.Equal("Sqlite", command.Settings["Database:Provider"]);
        Assert.Equal("Staging", command.Environment);
    }

    [Fact]
    public void Parse_InlineValueMayContainEqualsAndSemicolons()
    {
        var result = CliParser.Parse(["migrate", "--ConnectionStrings:Postgres=Host=db;Password=a=b"]);

        Assert.Equal("Host=db;Password=a=b", result.Command!.Settings["ConnectionStrings:Postgres"]);
    }

    [Fact]
    public void Parse_RoleIsCaseInsensitiveAndNormalized()
    {
        var result = CliParser.Parse(["invite", "--email=li@library.example", "--name", "Li Wei", "--role", "SUPERVISOR"]);

        Assert.Equal("Supervisor", result.Command!.Required("role"));
        Assert.Equal("Li Wei", result.Command.Required("name"));
    }

    [Theory]
    [InlineData("No verb given.")]
    [InlineData("Unknown verb 'serve'.", "serve")]
    [InlineData("'create-admin' needs --email.", "create-admin", "--name", "Ann")]
    [InlineData("--name needs a value.", "create-admin", "--email", "a@library.example", "--name", "--Data:Directory=x")]
    [InlineData("Unknown option --mail for 'create-admin'.", "create-admin", "--mail", "a@library.example")]
    [InlineData("The setting --Data:Directory needs a value (--Data:Directory=VALUE).", "migrate", "--Data:Directory")]
    [InlineData(CliParser.PasswordRefusal, "create-admin", "--email", "a@library.example", "--name", "Ann", "--password", "x")]
    [InlineData(CliParser.PasswordRefusal, "invite", "--pwd=x")]
    public void Parse_Errors(string expected, params string[] args)
    {
        var result = CliParser.Parse(args);

        Assert.Null(result.Command);
        Assert.False(result.IsHelp);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Usage_DocumentsEveryVerbAndExitCode()
    {
        foreach (var verb in CliVerb.All)
        {
            Assert.Contains(verb.Synopsis, CliUsage.Text, StringComparison.Ordinal);
        }

        Assert.Contains("0  success", CliUsage.Text, StringComparison.Ordinal);
        Assert.Contains("1  the verb ran and failed", CliUsage.Text, StringComparison.Ordinal);
        Assert.Contains("2  usage error", CliUsage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(512, "512 bytes")]
    [InlineData(147456, "144 KB")]
    [InlineData(5 * 1024 * 1024 + 300000, "5.3 MB")]
    public void FormatSize_IsHumanReadable(long bytes, string expected) =>
        Assert.Equal(expected, CliVerbs.FormatSize(bytes));
}
