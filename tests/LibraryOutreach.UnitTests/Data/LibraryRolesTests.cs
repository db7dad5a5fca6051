using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.UnitTests.Data;

/// <summary>The state survey's rule: sponsored or co-sponsored is a program; taking part in someone else's event is outreach.</summary>
public class LibraryRolesTests
{
    [Theory]
    [InlineData(LibraryRole.Sponsor, SurveyCategory.Program)]
    [InlineData(LibraryRole.CoSponsor, SurveyCategory.Program)]
    [InlineData(LibraryRole.ParticipantGuest, SurveyCategory.Outreach)]
    public void Category_EachRole_IsClassifiedAsTheSurveyCountsIt(LibraryRole role, SurveyCategory expected)
    {
        Assert.Equal(expected, LibraryRoles.Category(role));
        Assert.Equal(expected == SurveyCategory.Program, LibraryRoles.IsProgram(role));
        Assert.Equal(expected == SurveyCategory.Program, LibraryRoles.ProgramRoles.Contains(role));
    }

    [Fact]
    public void Category_EveryRoleIsClassified_AndAnUnknownValueIsRefused()
    {
        Assert.All(Enum.GetValues<LibraryRole>(), role => LibraryRoles.Category(role));
        Assert.Throws<ArgumentOutOfRangeException>(() => LibraryRoles.Category((LibraryRole)99));
    }
}
