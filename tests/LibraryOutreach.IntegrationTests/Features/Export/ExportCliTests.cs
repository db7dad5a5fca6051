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
        Assert.Contains("Exported 1 organizations, 1 contacts, 1 affiliations, 1 staff and 1 import batches, 0 events, 0 interactions and 0 follow-ups", result.Output, StringComparison.Ordinal);
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
    public async Task Export_OfADemoTown_HasTheWholeOutreachLog_AndEveryReferenceResolves()
    {
        Assert.Equal(0, (await _cli.RunWithInputAsync(Password + "\n", "create-admin", "--email", "ana@library.test", "--name", "Ana Ruiz")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("seed-demo")).ExitCode);
        var target = Path.Combine(_cli.DataDirectory, "everything.json");

        var result = await _cli.RunAsync("export", "--out", target);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(target));
        var root = json.RootElement;
        using (var db = _cli.Open())
        {
            foreach (var (property, table) in new[]
            {
                ("events", "OutreachEvents"), ("interactions", "Interactions"), ("followUps", "FollowUps"), ("branches", "Branches"),
                ("eventTypes", "EventTypes"), ("cadenceRules", "CadenceRules"), ("committeeSeats", "CommitteeSeats"),
            })
            {
                Assert.Equal((long)CliSandbox.Scalar(db, $"SELECT COUNT(*) FROM \"{table}\";")!, root.GetProperty(property).GetArrayLength());
            }

            Assert.Equal((long)CliSandbox.Scalar(db, "SELECT COUNT(*) FROM OutreachEventContacts;")!,
                root.GetProperty("events").EnumerateArray().Sum(e => e.GetProperty("contactIds").GetArrayLength()));
        }

        HashSet<string?> Ids(string property, string id = "id") => [.. root.GetProperty(property).EnumerateArray().Select(e => e.GetProperty(id).GetString())];
        var contacts = Ids("contacts");
        var organizations = Ids("organizations");
        var staff = Ids("staff");
        var events = Ids("events");
        foreach (var e in root.GetProperty("events").EnumerateArray())
        {
            Assert.Contains(e.GetProperty("typeId").GetString(), Ids("eventTypes"));
            Assert.All(e.GetProperty("staffIds").EnumerateArray(), s => Assert.Contains(s.GetString(), staff));
            Assert.All(e.GetProperty("contactIds").EnumerateArray(), c => Assert.Contains(c.GetString(), contacts));
            Assert.Contains(e.GetProperty("libraryRole").GetString(), new[] { "Sponsor", "CoSponsor", "ParticipantGuest" });
        }

        foreach (var i in root.GetProperty("interactions").EnumerateArray())
        {
            Assert.Contains(i.GetProperty("staffUserId").GetString(), staff);
            var contact = i.GetProperty("contactId").GetString();
            var organization = i.GetProperty("organizationId").GetString();
            Assert.True(contact is not null || organization is not null);
            Assert.True(contact is null || contacts.Contains(contact));
            Assert.True(organization is null || organizations.Contains(organization));
            Assert.Contains(i.GetProperty("initiatedBy").GetString(), new[] { "Library", "Partner", "Mutual" });
        }

        Assert.All(root.GetProperty("followUps").EnumerateArray(), f => Assert.Contains(f.GetProperty("assigneeId").GetString(), staff));
        Assert.Contains(root.GetProperty("events").EnumerateArray(), e => e.GetProperty("attendance").ValueKind == JsonValueKind.Null);
        Assert.True(events.Count > 0);
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
