using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Interactions;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Infrastructure.Data;

namespace LibraryOutreach.IntegrationTests.Features.Events;

public class EventListServiceTests
{
    private static readonly Guid Fair = EventTypeConfiguration.Defaults[2].Id;
    private static readonly Guid Market = EventTypeConfiguration.Defaults[3].Id;
    private static readonly Guid Council = EventTypeConfiguration.Defaults[0].Id;

    private sealed record Seeded(StaffUser Sam, StaffUser Kim, Branch Main, Organization School, Tag Summer);

    private static async Task<Seeded> SeedAsync(OutreachLogAppFactory app)
    {
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var main = new Branch { Name = "Main library" };
        var summer = new Tag { Name = "Summer reading", Color = "#aa6600" };
        var edt = TimeSpan.FromHours(-4);
        await app.WithDbAsync(async db =>
        {
            db.Branches.Add(main);
            db.Tags.Add(summer);
            var fair = new OutreachEvent { Title = "County fair", TypeId = Fair, StartDate = new(2026, 6, 30), EndDate = new(2026, 7, 2), BranchId = main.Id };
            fair.Staff.Add(new OutreachEventStaff { UserId = sam.Id });
            fair.Tags.Add(new OutreachEventTag { TagId = summer.Id });
            var market = new OutreachEvent { Title = "Farmers market", TypeId = Market, StartDate = new(2026, 7, 18), EndDate = new(2026, 7, 18) };
            market.Staff.Add(new OutreachEventStaff { UserId = kim.Id });
            market.Organizations.Add(new OutreachEventOrganization { OrganizationId = school.Id });
            // 31 July, 21:00 in New York is 1 August 01:00 UTC: still a July event for the library.
            var meeting = new OutreachEvent
            {
                Title = "Council meeting",
                TypeId = Council,
                StartDate = new(2026, 7, 31),
                EndDate = new(2026, 7, 31),
                StartsAt = new DateTimeOffset(2026, 7, 31, 21, 0, 0, edt),
                EndsAt = new DateTimeOffset(2026, 7, 31, 22, 30, 0, edt),
                BranchId = main.Id,
            };
            meeting.Staff.Add(new OutreachEventStaff { UserId = sam.Id });
            meeting.Staff.Add(new OutreachEventStaff { UserId = kim.Id });
            var september = new OutreachEvent { Title = "Back to school night", TypeId = Council, StartDate = new(2026, 9, 3), EndDate = new(2026, 9, 3) };
            db.OutreachEvents.AddRange(fair, market, meeting, september);
            await db.SaveChangesAsync();
        });
        return new Seeded(sam, kim, main, school, summer);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListAsync_FiltersByDatesTypeBranchStaffOrganizationAndTag_PagesAndSorts(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var s = await SeedAsync(app);
        Task<EventListResults> List(EventListQuery q) => app.AsAsync<EventListService, EventListResults>(s.Sam, Roles.Staff, x => x.ListAsync(q));

        var all = await List(new EventListQuery());
        Assert.Equal(["Back to school night", "Council meeting", "Farmers market", "County fair"], all.Rows.Select(r => r.Title));
        var meeting = all.Rows[1];
        Assert.Equal((new DateTimeOffset(2026, 7, 31, 21, 0, 0, TimeSpan.FromHours(-4)), "Main library", "Town or council meeting"), (meeting.StartsAt!.Value, meeting.BranchName, meeting.TypeName));
        Assert.Equal(TimeSpan.FromHours(-4), meeting.StartsAt.Value.Offset);

        // A date range finds events overlapping it: the fair (30 June – 2 July) is on 1 July.
        Assert.Equal(["County fair"], (await List(new EventListQuery { From = new(2026, 7, 1), To = new(2026, 7, 17) })).Rows.Select(r => r.Title));
        Assert.Equal(["Council meeting", "Farmers market"], (await List(new EventListQuery { From = new(2026, 7, 3), To = new(2026, 7, 31) })).Rows.Select(r => r.Title));
        Assert.Equal(["Back to school night", "Council meeting"], (await List(new EventListQuery { TypeId = Council })).Rows.Select(r => r.Title));
        Assert.Equal(["Council meeting", "County fair"], (await List(new EventListQuery { BranchId = s.Main.Id })).Rows.Select(r => r.Title));
        Assert.Equal(["Council meeting", "Farmers market"], (await List(new EventListQuery { StaffUserId = s.Kim.Id })).Rows.Select(r => r.Title));
        Assert.Equal(["Farmers market"], (await List(new EventListQuery { OrganizationId = s.School.Id })).Rows.Select(r => r.Title));
        Assert.Equal(["County fair"], (await List(new EventListQuery { TagId = s.Summer.Id, StaffUserId = s.Sam.Id })).Rows.Select(r => r.Title));

        var page = await List(new EventListQuery { PageSize = 3, Page = 1 });
        Assert.Equal((4, "County fair"), (page.Total, page.Rows.Single().Title));
        Assert.Equal(["Back to school night", "Council meeting"], (await List(new EventListQuery { Sort = EventListSort.Title, Descending = false, PageSize = 2 })).Rows.Select(r => r.Title));
        Assert.Equal("County fair", (await List(new EventListQuery { Descending = false })).Rows[0].Title);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListRangeAsync_JulyGrid_HasEventsOverlappingItsDays_WithFilters(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var s = await SeedAsync(app);
        var month = new DateOnly(2026, 7, 1);
        var first = EventMonth.GridStart(2026, 7, DayOfWeek.Sunday);
        var last = EventMonth.GridEnd(2026, 7, DayOfWeek.Sunday);

        var july = await app.AsAsync<EventListService, IReadOnlyList<EventListRow>>(s.Sam, Roles.Staff, x => x.ListRangeAsync(new EventListQuery(), first, last));
        var julyOfKim = await app.AsAsync<EventListService, IReadOnlyList<EventListRow>>(s.Sam, Roles.Staff, x => x.ListRangeAsync(new EventListQuery { StaffUserId = s.Kim.Id }, first, last));
        var august = await app.AsAsync<EventListService, IReadOnlyList<EventListRow>>(s.Sam, Roles.Staff, x =>
            x.ListRangeAsync(new EventListQuery(), EventMonth.GridStart(2026, 8, DayOfWeek.Sunday), EventMonth.GridEnd(2026, 8, DayOfWeek.Sunday)));

        // The fair began on 30 June (inside the grid, which starts on Sunday 28 June); the council meeting is on 31 July
        // in the library's zone although it is 1 August in UTC.
        Assert.Equal(["County fair", "Farmers market", "Council meeting"], july.Select(r => r.Title));
        Assert.Equal(["Farmers market", "Council meeting"], julyOfKim.Select(r => r.Title));
        // 31 July is in August's first grid week, 3 September in its last.
        Assert.Equal(["Council meeting", "Back to school night"], august.Select(r => r.Title));
        var weeks = EventMonth.Build(month.Year, month.Month, july, DayOfWeek.Sunday);
        Assert.Equal(["County fair"], weeks[0].Days.Single(d => d.Date == new DateOnly(2026, 7, 1)).Entries.Select(e => e.Event.Title));
        Assert.Equal(["Council meeting"], weeks.SelectMany(w => w.Days).Single(d => d.Date == new DateOnly(2026, 7, 31)).Entries.Select(e => e.Event.Title));
    }

    [Fact]
    public async Task GetChoicesAndFindOrganizations_OfferActiveEntries()
    {
        await using var app = await OutreachLogAppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await SeedAsync(app);

        var choices = await app.AsAsync<EventListService, EventListChoices>(s.Sam, Roles.Staff, x => x.GetChoicesAsync());
        var organizations = await app.AsAsync<EventListService, IReadOnlyList<EventFilterChoice>>(s.Sam, Roles.Staff, x => x.FindOrganizationsAsync("elem"));

        Assert.Equal(EventTypeConfiguration.Defaults.Length, choices.Types.Count);
        Assert.Equal(["Main library"], choices.Branches.Select(b => b.Name));
        Assert.Equal(["Summer reading"], choices.Tags.Select(t => t.Name));
        Assert.Equal(["Kim Staff", "Sam Staff"], choices.Staff.Select(p => p.Name));
        Assert.Equal([s.School.Id.ToString()], organizations.Select(o => o.Id));
    }
}
