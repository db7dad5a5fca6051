using LibraryOutreach.Web.Components.Account;

namespace LibraryOutreach.UnitTests.Components.Account;

public class AccountRedirectsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/staff")]
    [InlineData("/account/change-password?x=1")]
    [InlineData("~/audit")]
    public void IsLocalUrl_PathOnThisSite_IsTrue(string url) => Assert.True(AccountRedirects.IsLocalUrl(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("~//evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("staff")]
    [InlineData("/staff\r\nLocation: https://evil.example")]
    public void IsLocalUrl_AnythingElse_IsFalse(string? url) => Assert.False(AccountRedirects.IsLocalUrl(url));
}
