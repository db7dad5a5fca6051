using LibraryOutreach.Web.Features.Staff;

namespace LibraryOutreach.UnitTests.Features.Staff;

public class StaffValidationTests
{
    [Theory]
    [InlineData("sam@library.org")]
    [InlineData("  sam.smith+outreach@branch.library.org  ")]
    [InlineData("O'Brien@library.co.uk")]
    public void IsValidEmail_PlainAddress_IsValid(string value) => Assert.True(StaffValidation.IsValidEmail(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sam")]
    [InlineData("sam@library")]
    [InlineData("sam@@library.org")]
    [InlineData("Sam <sam@library.org>")]
    [InlineData("sam@library.org, kim@library.org")]
    [InlineData("sam@.library.org")]
    [InlineData("sam@library.org.")]
    public void IsValidEmail_NotASingleDottedAddress_IsInvalid(string? value) => Assert.False(StaffValidation.IsValidEmail(value));

    [Fact]
    public void IsValidEmail_LongerThanTheColumn_IsInvalid() =>
        Assert.False(StaffValidation.IsValidEmail(new string('a', 250) + "@library.org"));

    [Fact]
    public void EmailError_GivesRequiredThenFormatMessages()
    {
        Assert.Equal(StaffValidation.EmailRequired, StaffValidation.EmailError(" "));
        Assert.Equal(StaffValidation.EmailInvalid, StaffValidation.EmailError("sam"));
        Assert.Null(StaffValidation.EmailError("sam@library.org"));
    }

    [Fact]
    public void NameError_RequiresANameOfAtMost200Characters()
    {
        Assert.Equal(StaffValidation.NameRequired, StaffValidation.NameError(null));
        Assert.Equal(StaffValidation.NameRequired, StaffValidation.NameError("  "));
        Assert.Equal("Use at most 200 characters.", StaffValidation.NameError(new string('n', 201)));
        Assert.Null(StaffValidation.NameError(" Sam Smith "));
    }
}
