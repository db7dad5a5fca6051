using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LibraryOutreach.UnitTests.Infrastructure.Auth;

public class CommonPasswordValidatorTests
{
    private static readonly StaffUser Ada = new() { Email = "ada@library.test", UserName = "ada@library.test", DisplayName = "Ada Lovelace" };

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("  password1234  ")]
    [InlineData("123456789012")]
    public async Task Validate_CommonPassword_IsRefused(string password)
    {
        var result = await Validate(password);

        Assert.False(result.Succeeded);
        Assert.Equal("CommonPassword", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("ada@library.test")]
    [InlineData("ADA@LIBRARY.TEST")]
    [InlineData("adalovelace")]
    [InlineData("Ada Lovelace")]
    public async Task Validate_EmailOrName_IsRefused(string password)
    {
        var result = await Validate(password);

        Assert.Equal("PasswordIsName", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("correct-library-card-staple")]
    [InlineData("a quiet reading room at dawn")]
    public async Task Validate_UncommonPhrase_IsAccepted(string password)
    {
        Assert.True((await Validate(password)).Succeeded);
    }

    [Fact]
    public void IsCommon_ListIsEmbedded_AndMatchesIgnoringCase()
    {
        Assert.True(CommonPasswordValidator.IsCommon("Password1234"));
        Assert.False(CommonPasswordValidator.IsCommon("staple battery horse library"));
    }

    private static Task<IdentityResult> Validate(string password) =>
        new CommonPasswordValidator().ValidateAsync(null!, Ada, password);
}
