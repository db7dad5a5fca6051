using LibraryOutreach.Web.Features.Cadence;

namespace LibraryOutreach.UnitTests.Features.Cadence;

public class CadenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly CadenceDays Thirty = new(30, 60, CadenceSource.PartnershipLevel);

    [Theory]
    [InlineData(0, CadenceStatus.OnTrack)]
    [InlineData(29, CadenceStatus.OnTrack)]
    [InlineData(30, CadenceStatus.Due)]
    [InlineData(60, CadenceStatus.Due)]
    [InlineData(61, CadenceStatus.Overdue)]
    public void Status_ByDaysSinceTheLastTouch_OnTrackBelowIdealDueUpToMaxOverduePast(int daysAgo, CadenceStatus expected)
    {
        Assert.Equal(expected, CadenceRules.Status(Today.AddDays(-daysAgo), Today, Thirty));
    }

    [Fact]
    public void Status_NoTouch_IsNeverTouched_AndATouchInTheFutureCountsAsToday()
    {
        Assert.Equal(CadenceStatus.NeverTouched, CadenceRules.Status(null, Today, Thirty));
        Assert.Null(CadenceRules.DaysSince(null, Today));
        Assert.Equal(0, CadenceRules.DaysSince(Today.AddDays(3), Today));
    }

    [Fact]
    public void ForOrganization_OwnBeatsTypeBeatsPartnershipLevel()
    {
        Assert.Equal(new CadenceDays(7, 14, CadenceSource.Organization), CadenceRules.ForOrganization((7, 14), (20, 40), (30, 60)));
        Assert.Equal(new CadenceDays(20, 40, CadenceSource.OrganizationType), CadenceRules.ForOrganization(null, (20, 40), (30, 60)));
        Assert.Equal(new CadenceDays(30, 60, CadenceSource.PartnershipLevel), CadenceRules.ForOrganization(null, null, (30, 60)));
    }

    [Fact]
    public void ForContact_OwnBeatsOrganizations_TheStrictestOrganizationWins_NoneFallsBackToTheContactLevel()
    {
        var school = new CadenceDays(20, 40, CadenceSource.OrganizationType);
        var partner = new CadenceDays(30, 60, CadenceSource.PartnershipLevel);

        Assert.Equal(new CadenceDays(5, 10, CadenceSource.Contact), CadenceRules.ForContact((5, 10), [school], (90, 180)));
        Assert.Equal(school, CadenceRules.ForContact(null, [partner, school], (90, 180)));
        Assert.Equal(new CadenceDays(90, 180, CadenceSource.PartnershipLevel), CadenceRules.ForContact(null, [], (90, 180)));
    }

    [Fact]
    public void UrgencyKey_OrdersOverdueByDaysPastMaxThenDueByDaysLeftThenNeverTouchedThenOnTrack()
    {
        var items = new (string Name, CadenceStatus Status, int? Days, CadenceDays Cadence)[]
        {
            ("on track", CadenceStatus.OnTrack, 10, Thirty),
            ("never", CadenceStatus.NeverTouched, null, Thirty),
            ("due, 5 days left", CadenceStatus.Due, 55, Thirty),
            ("due, 25 days left", CadenceStatus.Due, 35, Thirty),
            ("overdue by 1", CadenceStatus.Overdue, 61, Thirty),
            ("overdue by 40", CadenceStatus.Overdue, 60, new CadenceDays(10, 20, CadenceSource.Contact)),
        };

        var ordered = items.OrderBy(i => CadenceRules.UrgencyKey(i.Status, i.Days, i.Cadence)).Select(i => i.Name);

        Assert.Equal(["overdue by 40", "overdue by 1", "due, 5 days left", "due, 25 days left", "never", "on track"], ordered);
    }

    [Fact]
    public void Validate_MissingValuesAndAMaximumBelowTheIdeal_ReportAMessagePerField()
    {
        Assert.Empty(CadenceRules.Validate(30, 60));
        Assert.Equal(CadenceRules.IdealRequired, CadenceRules.Validate(0, 60)["IdealDays"]);
        Assert.Equal(CadenceRules.MaxRequired, CadenceRules.Validate(30, null)["MaxDays"]);
        Assert.Equal(CadenceRules.MaxBelowIdeal, CadenceRules.Validate(30, 29)["MaxDays"]);
    }
}
