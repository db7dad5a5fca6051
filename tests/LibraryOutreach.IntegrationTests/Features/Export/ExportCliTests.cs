using System.Text.Json;
using LibraryOutreach.IntegrationTests.Infrastructure.Cli;

namespace LibraryOutreach.IntegrationTests.Features.Export;

/// <summary>The export verb: every record, documented shape, no secrets.</summary>
public sealed class ExportCliTests : IDisposable
{
    private const string Password = "a-long-enough-password";
    private readonly CliSandbox _cli = new();

    [Fact]
    public async Task Export_AfterAnImport_WritesAllRecordsAndNoSecrets()
    {
        var admin = await _cli.RunWithInputAsync(Password + "\n", "create-admin", "--email", "ana@library.test", "--name", "Ana Ruiz");
        Assert.Equal(0, admin.ExitCode);
        var csv = Path.Combine(_cli.DataDirectory, "contacts.csv");
        await File.WriteAllTextAsync(csv, "First Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Value,Phone 1 - Value\nTom,Nguyen,Chamber of Commerce,Director,Civic,tom@chamber.example,555-0200\n");
        Assert.Equal(0, (await _cli.RunAsync("import", "--file", csv, "--kind", "contacts")).ExitCode);
        var target = Path.Combine(_cli.DataDirectory, "out", "export.json");

        var result = await _cli.RunAsync("export", "--out", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exported 1 organizations, 1 contacts, 1 affiliations, 1 staff and 1 import batches", result.Output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(target);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.True(root.TryGetProperty("exportedAt", out _));
        Assert.Equal(8, root.GetProperty("organizationTypes").GetArrayLength());
        var contact = root.GetProperty("contacts").EnumerateArray().Single();
        Assert.Equal("Tom Nguyen", contact.GetProperty("displayName").GetString());
        Assert.Equal("tom@chamber.example", contact.GetProperty("emails")[0].GetProperty("address").GetString());
        Assert.Equal("555-0200", contact.GetProperty("phones")[0].GetProperty("number").GetString());
        var tag = root.GetProperty("tags").EnumerateArray().Single();
        Assert.Equal(tag.GetProperty("id").GetString(), contact.GetProperty("tagIds")[0].GetString());
        var organization = root.GetProperty("organizations").EnumerateArray().Single();
        Assert.Equal("Contact", organization.GetProperty("partnershipLevel").GetString());
        var affiliation = root.GetProperty("affiliations").EnumerateArray().Single();
        Assert.Equal((contact.GetProperty("id").GetString(), organization.GetProperty("id").GetString(), "Director"),
            (affiliation.GetProperty("contactId").GetString(), affiliation.GetProperty("organizationId").GetString(), affiliation.GetProperty("role").GetString()));
        var staff = root.GetProperty("staff").EnumerateArray().Single();
        Assert.Equal(("Ana Ruiz", "ana@library.test", "Admin"), (staff.GetProperty("displayName").GetString(), staff.GetProperty("email").GetString(), staff.GetProperty("roles")[0].GetString()));
        Assert.Equal(3, root.GetProperty("importBatches")[0].GetProperty("items").GetArrayLength()); // contact, organization, affiliation

        foreach (var secret in new[] { "passwordHash", "securityStamp", "concurrencyStamp", "tokenHash", "previousState", Password, "AQAAAA" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Export_ExistingFile_IsOnlyReplacedWithForce()
    {
        var target = Path.Combine(_cli.DataDirectory, "export.json");
        await File.WriteAllTextAsync(target, "keep");

        var refused = await _cli.RunAsync("export", "--out", target);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("keep", await File.ReadAllTextAsync(target));

        var forced = await _cli.RunAsync("export", "--out", target, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("{", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
