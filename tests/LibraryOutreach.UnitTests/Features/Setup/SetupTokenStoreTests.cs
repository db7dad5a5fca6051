using LibraryOutreach.Web.Features.Setup;

namespace LibraryOutreach.UnitTests.Features.Setup;

public class SetupTokenStoreTests
{
    [Fact]
    public void Generate_MakesARandom32ByteBase64UrlToken()
    {
        var store = new SetupTokenStore();

        var first = store.Generate();
        var second = store.Generate();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
        Assert.NotEqual(first, second);
        Assert.False(store.IsValid(first), "a new token replaces the old one");
        Assert.True(store.IsValid(second));
    }

    [Fact]
    public void IsValid_WrongOrMissingToken_IsFalse()
    {
        var store = new SetupTokenStore();
        Assert.False(store.IsValid("anything"));

        var token = store.Generate();

        Assert.False(store.IsValid(token + "x"));
        Assert.False(store.IsValid(""));
        Assert.False(store.IsValid(null));
    }

    [Fact]
    public void TryConsume_RightToken_WorksOnce()
    {
        var store = new SetupTokenStore();
        var token = store.Generate();

        Assert.Null(store.TryConsume("wrong"));
        Assert.NotNull(store.TryConsume(token));
        Assert.Null(store.TryConsume(token));
        Assert.False(store.HasToken);
    }

    [Fact]
    public void Restore_AfterFailedSetup_MakesTheTokenValidAgain()
    {
        var store = new SetupTokenStore();
        var token = store.Generate();

        var receipt = store.TryConsume(token)!;
        store.Restore(receipt);

        Assert.True(store.IsValid(token));
    }

    [Fact]
    public void TryConsume_ManyThreadsAtOnce_OnlyOneWins()
    {
        var store = new SetupTokenStore();
        var token = store.Generate();

        var wins = 0;
        Parallel.For(0, 64, _ =>
        {
            if (store.TryConsume(token) is not null)
            {
                Interlocked.Increment(ref wins);
            }
        });

        Assert.Equal(1, wins);
    }

    [Theory]
    [InlineData("http://[::]:5080", "http://localhost:5080")]
    [InlineData("http://0.0.0.0:5080/", "http://localhost:5080")]
    [InlineData("http://+:80", "http://localhost:80")]
    [InlineData("https://*:5443", "https://localhost:5443")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("http://outreach.example.org", "http://outreach.example.org")]
    public void ForBrowser_WildcardHost_BecomesLocalhost(string address, string expected)
    {
        Assert.Equal(expected, SetupNotice.ForBrowser(address));
    }
}
