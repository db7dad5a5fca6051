using LibraryOutreach.Web.Infrastructure.Email;
using MailKit.Security;

namespace LibraryOutreach.UnitTests.Features.Staff;

public class SmtpOptionsTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("smtp.library.org", null, false)]
    [InlineData(null, "outreach@library.org", false)]
    [InlineData(" ", "outreach@library.org", false)]
    [InlineData("smtp.library.org", "outreach@library.org", true)]
    public void IsConfigured_NeedsHostAndFrom(string? host, string? from, bool expected) =>
        Assert.Equal(expected, new SmtpOptions { Host = host, From = from }.IsConfigured);

    [Theory]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 25, SecureSocketOptions.StartTls)]
    [InlineData(false, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(false, 25, SecureSocketOptions.None)]
    public void SocketOptionsFor_FollowsUseStartTlsAndPort(bool useStartTls, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailSender.SocketOptionsFor(new SmtpOptions { UseStartTls = useStartTls, Port = port }));
}
