using LibraryOutreach.Web.Features.Staff;

namespace LibraryOutreach.UnitTests.Features.Staff;

public class StaffDatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LastSignIn_Null_IsNever() => Assert.Equal("Never", StaffDates.LastSignIn(null, Now));

    [Theory]
    [InlineData(0, "Just now")]
    [InlineData(59, "Just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(60 * 45, "45 minutes ago")]
    [InlineData(60 * 60, "1 hour ago")]
    [InlineData(60 * 60 * 23, "23 hours ago")]
    [InlineData(60 * 60 * 24, "Yesterday")]
    [InlineData(60 * 60 * 24 * 5, "5 days ago")]
    [InlineData(60 * 60 * 24 * 45, "On 29 Jan 2026")]
    public void Ago_UsesTheLargestFittingUnit(int secondsAgo, string expected) =>
        Assert.Equal(expected, StaffDates.Ago(Now.AddSeconds(-secondsAgo), Now));

    [Theory]
    [InlineData(60 * 60 * 24 * 7, "Expires in 7 days")]
    [InlineData(60 * 60 * 24 * 6 + 60 * 60 * 20, "Expires in 7 days")]
    [InlineData(60 * 60 * 5, "Expires in 5 hours")]
    [InlineData(60 * 10, "Expires in 10 minutes")]
    [InlineData(20, "Expires in 1 minute")]
    [InlineData(0, "Expired just now")]
    [InlineData(-60 * 60 * 24, "Expired yesterday")]
    [InlineData(-60 * 60 * 24 * 3, "Expired 3 days ago")]
    [InlineData(-60 * 60 * 24 * 40, "Expired on 3 Feb 2026")]
    public void Expiry_SaysHowLongIsLeftOrHowLongAgo(int secondsFromNow, string expected) =>
        Assert.Equal(expected, StaffDates.Expiry(Now.AddSeconds(secondsFromNow), Now));
}
