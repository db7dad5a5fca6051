using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Home;
using LibraryOutreach.Web.Features.Reports;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.IntegrationTests.Features.Home;

/// <summary>
/// DashboardService on both providers: "needs attention" read from the precomputed health rows counts what it lists, in
/// the urgency order of "Due to reach out" and with the same figures; the charts count each touch in its month at the
/// months' edges, the initiators add up to the months' touches, and each organization reached counts once in its type.
/// </summary>
public class DashboardServiceTests
{
    private static readonly TimeZoneInfo Zone = TimeProvider.System.LocalTimeZone;

    private static DateOnly Today => LibraryTime.Today(TimeProvider.System);

    private static Interaction Touch(StaffUser staff, DateTimeOffset at, InitiatedBy by, Guid? contact = null, Guid? organization = null) =>
        new() { OccurredAt = at, Channel = ContactChannel.Phone, InitiatedBy = by, StaffUserId = staff.Id, ContactId = contact, OrganizationId = organization, Summary = "Call" };

    private static Contact Person(string name, StaffUser owner, bool archived = false) =>
        new() { FirstName = name.Split(' ')[0], DisplayName = name, OwnerId = owner.Id, CadenceIdealDays = 30, CadenceMaxDays = 60, IsArchived = archived };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NeedsAttention_FromTheHealthRows_CountsWhatItLists_MostUrgentFirst_AsDueToReachOutDoes(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        // Every contact reaches out every 30 days, at most 60.
        var bea = Person("Bea Longest", tia);     // 200 days: overdue by 140
        var abe = Person("Abe Overdue", sam);     // 100 days: overdue by 40
        var dee = Person("Dee Due Soon", tia);    // 55 days: due, 5 days left
        var cal = Person("Cal Due", sam);         // 45 days: due, 15 days left
        var eve = Person("Eve Never", sam);       // never touched
        var fay = Person("Fay On Track", sam);    // 5 days: on track, not listed
        var gus = Person("Gus Archived", sam, archived: true); // overdue but archived, not listed
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async db =>
        {
            db.AddRange(bea, abe, dee, cal, eve, fay, gus);
            db.Interactions.AddRange(
                Touch(sam, now.AddDays(-200), InitiatedBy.Library, contact: bea.Id),
                Touch(sam, now.AddDays(-100), InitiatedBy.Partner, contact: abe.Id),
                Touch(sam, now.AddDays(-55), InitiatedBy.Library, contact: dee.Id),
                Touch(sam, now.AddDays(-45), InitiatedBy.Mutual, contact: cal.Id),
                Touch(sam, now.AddDays(-5), InitiatedBy.Library, contact: fay.Id),
                Touch(sam, now.AddDays(-100), InitiatedBy.Library, contact: gus.Id));
            await db.SaveChangesAsync();
        });

        var everyone = await app.AsAsync<IDashboardService, Dashboard>(ada, Roles.Admin, s => s.GetAsync());
        Assert.True(everyone.AttentionIsEveryones);
        Assert.Equal(5, everyone.Attention.Total);
        Assert.Equal(["Bea Longest", "Abe Overdue", "Dee Due Soon", "Cal Due", "Eve Never"], everyone.Attention.Rows.Select(r => r.Name));
        Assert.Equal(
            [CadenceStatus.Overdue, CadenceStatus.Overdue, CadenceStatus.Due, CadenceStatus.Due, CadenceStatus.NeverTouched],
            everyone.Attention.Rows.Select(r => r.Status));
        Assert.Equal(["Tia Staff", "Sam Staff", "Tia Staff", "Sam Staff", "Sam Staff"], everyone.Attention.Rows.Select(r => r.OwnerName));

        // The same relationships, figures and order as "Due to reach out" (computed from the cadence, not the health rows).
        var reachOut = await app.AsAsync<ICadenceService, ReachOutResults>(ada, Roles.Admin, s => s.ListReachOutAsync(new ReachOutQuery(null, ReachOutFilter.NeedsAttention, 0, 100)));
        Assert.Equal(reachOut.Total, everyone.Attention.Total);
        Assert.Equal(reachOut.Rows, everyone.Attention.Rows);

        // A Staff user sees their own; the count is of all of them, the list its first rows.
        var mine = await app.AsAsync<IDashboardService, Dashboard>(sam, Roles.Staff, s => s.GetAsync());
        Assert.False(mine.AttentionIsEveryones);
        Assert.Equal(3, mine.Attention.Total);
        Assert.Equal(["Abe Overdue", "Cal Due", "Eve Never"], mine.Attention.Rows.Select(r => r.Name));
        var samsReachOut = await app.AsAsync<ICadenceService, ReachOutResults>(sam, Roles.Staff, s => s.ListReachOutAsync(new ReachOutQuery(sam.Id, ReachOutFilter.NeedsAttention, 0, 100)));
        Assert.Equal(samsReachOut.Rows, mine.Attention.Rows);

        var top = await app.AsAsync<IRelationshipHealthService, ReachOutResults>(ada, Roles.Admin, s => s.ListNeedingAttentionAsync(null, 2));
        Assert.Equal(5, top.Total);
        Assert.Equal(["Bea Longest", "Abe Overdue"], top.Rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Charts_CountEachTouchInItsMonthAtTheEdges_InitiatorsAddUpToTheMonths_AndEachOrganizationCountsOnce(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var firstMonth = thisMonth.AddMonths(-11);
        var schools = OrganizationTypeConfiguration.Defaults[0];
        var other = OrganizationTypeConfiguration.Defaults[1];
        var school = new Organization { Name = "Springfield Elementary", TypeId = schools.Id };
        var academy = new Organization { Name = "Springfield Academy", TypeId = schools.Id };
        var council = new Organization { Name = "Town council", TypeId = other.Id };
        var old = new Organization { Name = "Touched long ago", TypeId = other.Id };
        var ann = new Contact { FirstName = "Ann", DisplayName = "Ann Caller" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(school, academy, council, old, ann);
            var monthStart = LibraryTime.StartOfDay(thisMonth, Zone);
            var windowStart = LibraryTime.StartOfDay(firstMonth, Zone);
            db.Interactions.AddRange(
                // Two touches at the same instant, the first of this month; one a minute before it, last month.
                Touch(ada, monthStart, InitiatedBy.Library, organization: school.Id),
                Touch(ada, monthStart, InitiatedBy.Partner, contact: ann.Id),
                Touch(ada, monthStart.AddMinutes(-1), InitiatedBy.Mutual, organization: school.Id),
                // The first instant of the 12 months counts; a minute before does not.
                Touch(ada, windowStart, InitiatedBy.Library, organization: council.Id),
                Touch(ada, windowStart.AddMinutes(-1), InitiatedBy.Library, organization: old.Id));
            var first = new OutreachEvent { Title = "Career day", TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = firstMonth, EndDate = firstMonth, Attendance = 10 };
            first.Organizations = [new() { OrganizationId = academy.Id }, new() { OrganizationId = school.Id }];
            var before = new OutreachEvent { Title = "Too early", TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = firstMonth.AddDays(-1), EndDate = firstMonth.AddDays(-1), Attendance = 99 };
            before.Organizations = [new() { OrganizationId = old.Id }];
            var now = new OutreachEvent { Title = "Book fair", TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = thisMonth, EndDate = thisMonth };
            db.OutreachEvents.AddRange(first, before, now);
            await db.SaveChangesAsync();
        });

        var d = await app.AsAsync<IDashboardService, Dashboard>(ada, Roles.Admin, s => s.GetAsync());

        Assert.Equal(12, d.Months.Count);
        Assert.Equal((2, 1, 1), (d.ThisMonth.Touches, d.LastMonth.Touches, d.Months[0].Touches));
        Assert.Equal(4, d.Months.Sum(m => m.Touches));
        Assert.Equal(new InitiatorFigures(2, 1, 1), d.Initiators);
        Assert.Equal(d.Months.Sum(m => m.Touches), d.Initiators.Total);
        Assert.Equal((1, new ReportCount(10, 1, 0)), (d.Months[0].Events, d.Months[0].Attendance));
        Assert.Equal(1, d.ThisMonth.Events);
        Assert.True(d.ThisMonth.Attendance.IsNotRecorded);
        Assert.Equal(2, d.Months.Sum(m => m.Events));
        // Schools: the school (an event and touches, once) and the academy (an event); the council by a touch; not the old one.
        Assert.Equal([new TypeReach(schools.Name, 2), new TypeReach(other.Name, 1)], d.ReachByType);
    }
}
