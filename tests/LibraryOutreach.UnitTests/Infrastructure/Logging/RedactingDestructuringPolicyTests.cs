using LibraryOutreach.Web.Infrastructure.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LibraryOutreach.UnitTests.Infrastructure.Logging;

public class RedactingDestructuringPolicyTests
{
    [Fact]
    public void Destructure_SecretLookingProperties_AreRedacted()
    {
        var (logger, events) = CreateLogger();

        logger.Information("Signing in {@Attempt}", new SignInAttempt("ann@library.example", "hunter2-hunter2", "reset-token-123", "stamp-abc", "hash-xyz"));

        var attempt = Assert.IsType<StructureValue>(Assert.Single(events).Properties["Attempt"]);
        var values = attempt.Properties.ToDictionary(p => p.Name, p => ((ScalarValue)p.Value).Value);
        Assert.Equal("ann@library.example", values["Email"]);
        Assert.Equal("(redacted)", values["Password"]);
        Assert.Equal("(redacted)", values["ResetToken"]);
        Assert.Equal("(redacted)", values["SecurityStamp"]);
        Assert.Equal("(redacted)", values["PasswordHash"]);
        var rendered = Assert.Single(events).RenderMessage();
        foreach (var secret in new[] { "hunter2-hunter2", "reset-token-123", "stamp-abc", "hash-xyz" })
        {
            Assert.DoesNotContain(secret, rendered, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Destructure_NestedSecrets_AreRedacted()
    {
        var (logger, events) = CreateLogger();

        logger.Information("Settings {@Settings}", new SmtpSettings("smtp.library.example", new Credentials("mailer", "mail-secret")));

        var settings = Assert.IsType<StructureValue>(Assert.Single(events).Properties["Settings"]);
        var credentials = Assert.IsType<StructureValue>(settings.Properties.Single(p => p.Name == "Login").Value);
        Assert.Equal("mailer", ((ScalarValue)credentials.Properties.Single(p => p.Name == "UserName").Value).Value);
        Assert.Equal("(redacted)", ((ScalarValue)credentials.Properties.Single(p => p.Name == "Password").Value).Value);
        Assert.DoesNotContain("mail-secret", Assert.Single(events).RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Destructure_NoSecretProperties_LeavesValuesAlone()
    {
        var (logger, events) = CreateLogger();

        logger.Information("Event {@Event}", new Outreach("Story time", 24));

        var structure = Assert.IsType<StructureValue>(Assert.Single(events).Properties["Event"]);
        Assert.Equal("Story time", ((ScalarValue)structure.Properties.Single(p => p.Name == "Title").Value).Value);
        Assert.Equal(24, ((ScalarValue)structure.Properties.Single(p => p.Name == "Attendees").Value).Value);
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("newPassword", true)]
    [InlineData("InvitationToken", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("TokenHash", true)]
    [InlineData("ApiKey", true)]
    [InlineData("SecurityStamp", true)]
    [InlineData("Email", false)]
    [InlineData("DisplayName", false)]
    public void IsSecret_MatchesSecretNames(string name, bool expected) =>
        Assert.Equal(expected, RedactingDestructuringPolicy.IsSecret(name));

    private static (Logger Logger, List<LogEvent> Events) CreateLogger()
    {
        var events = new List<LogEvent>();
        var logger = new LoggerConfiguration()
            .Destructure.With<RedactingDestructuringPolicy>()
            .WriteTo.Sink(new CollectingSink(events))
            .CreateLogger();
        return (logger, events);
    }

    private sealed record SignInAttempt(string Email, string Password, string ResetToken, string SecurityStamp, string PasswordHash);

    private sealed record Credentials(string UserName, string Password);

    private sealed record SmtpSettings(string Host, Credentials Login);

    private sealed record Outreach(string Title, int Attendees);

    private sealed class CollectingSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
