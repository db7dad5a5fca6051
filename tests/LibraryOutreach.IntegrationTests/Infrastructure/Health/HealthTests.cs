using System.Net;
using System.Text.Json;
using LibraryOutreach.Web.Infrastructure.Data;

namespace LibraryOutreach.IntegrationTests.Infrastructure.Health;

public class HealthTests
{
    [Fact]
    public async Task Healthz_DatabaseUnreachable_Returns503Unhealthy()
    {
        // Nothing listens on port 1: the connection is refused at once.
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=outreach;Username=outreach;Password=unused;Timeout=5",
            ["Database:MigrateOnStartup"] = "false",
        });

        using var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("The database is not reachable.", database.GetProperty("description").GetString());
        Assert.DoesNotContain("unused", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
