using System.Text.RegularExpressions;
using LibraryOutreach.Web.Features.Staff;

namespace LibraryOutreach.UnitTests.Features.Staff;

public partial class InvitationTokensTests
{
    [Fact]
    public void NewToken_Is32RandomBytesInBase64Url()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => InvitationTokens.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Matches(Base64Url43(), t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void Hash_IsLowercaseHexSha256()
    {
        // SHA-256("abc"), a standard test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InvitationTokens.Hash("abc"));
        Assert.NotEqual(InvitationTokens.Hash("abc"), InvitationTokens.Hash("abd"));
    }

    [Theory]
    [InlineData("https://outreach.example.org")]
    [InlineData("https://outreach.example.org/")]
    public void Link_PointsAtTheAcceptPageWhateverTheTrailingSlash(string baseUri) =>
        Assert.Equal("https://outreach.example.org/account/accept-invitation?token=abc-_123", InvitationTokens.Link(baseUri, "abc-_123"));

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url43();
}
