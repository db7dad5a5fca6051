using System.Net;
using System.Net.Sockets;
using System.Text;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace LibraryOutreach.IntegrationTests.Features.Staff;

public class InvitationEmailTests
{
    [Fact]
    public async Task InviteAsync_SmtpConfigured_EmailsTheLinkThroughTheServer()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = await OutreachAppFactory.CreateAsync(settings: smtp.Settings());
        var admin = await app.CreateAdminAsync();

        var created = await app.InviteAsync(admin, "sam@library.test", Roles.Supervisor, "Sam Supervisor");

        Assert.True(created.Emailed);
        Assert.Null(created.EmailError);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("<outreach@library.test>", mail.From);
        Assert.Equal(["<sam@library.test>"], mail.To);
        using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Equal("You're invited to Our Public Library Outreach", message.Subject);
        Assert.Equal("Sam Supervisor", message.To.Mailboxes.Single().Name);
        Assert.Contains(created.Link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("as Supervisor", message.TextBody, StringComparison.Ordinal);

        var overview = await app.AsAsync<StaffService, StaffOverview>(admin, Roles.Admin, s => s.ListAsync(CancellationToken.None));
        Assert.True(overview.EmailConfigured);
    }

    [Fact]
    public async Task InviteAsync_SmtpUnreachable_StillCreatesTheInvitationAndReturnsTheLinkWithTheProblem()
    {
        var closedPort = UnusedPort();
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:UseStartTls"] = "false",
            ["Smtp:From"] = "outreach@library.test",
        });
        var admin = await app.CreateAdminAsync();

        var created = await app.InviteAsync(admin, "sam@library.test");

        Assert.False(created.Emailed);
        Assert.NotNull(created.EmailError);
        Assert.Contains("could not be sent", created.EmailError, StringComparison.Ordinal);
        Assert.NotNull(await app.FindPendingAsync(StaffTestExtensions.TokenOf(created.Link)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
