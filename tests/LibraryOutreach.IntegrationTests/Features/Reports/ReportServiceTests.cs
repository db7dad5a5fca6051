using System.Net;
using System.Text;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Reports;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.IntegrationTests.Features.Reports;

/// <summary>
/// ReportService and the CSV endpoint on both providers: the totals equal the sum of their parts (by category, branch and
/// staff), the range's first and last days count and the days around them don't, "not recorded" stays apart from 0, new
/// relationships are the ones never touched before, and the CSV says what the page says.
/// </summary>
public class ReportServiceTests
{
    private static readonly DateOnly First = new(2025, 7, 1);
    private static readonly DateOnly Last = new(2026, 6, 30);
    private static readonly TimeZoneInfo Zone = TimeProvider.System.LocalTimeZone;

    private sealed record World(StaffUser Sue, StaffUser Sam, StaffUser Tia, Guid MainBranch, Guid EastBranch);

    private static OutreachEvent Event(string title, DateOnly day, LibraryRole role, AudienceAgeGroup? age, EventSetting setting, Guid? branch, int? attendance, int? cards = null, int? items = null, int? materials = null) =>
        new()
        {
            Title = title, TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = day, EndDate = day, LibraryRole = role, AudienceAgeGroup = age,
            Setting = setting, BranchId = branch, Attendance = attendance, LibraryCardsIssued = cards, ItemsCheckedOut = items, MaterialsHandedOut = materials,
        };

    private static Interaction Touch(StaffUser staff, DateTimeOffset at, InitiatedBy by, Guid? contact = null, Guid? organization = null) =>
        new() { OccurredAt = at, Channel = ContactChannel.Phone, InitiatedBy = by, StaffUserId = staff.Id, ContactId = contact, OrganizationId = organization, Summary = "Call" };

    private static async Task<World> SeedAsync(OutreachAppFactory app)
    {
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        var main = new Branch { Name = "Main", SortOrder = 0 };
        var east = new Branch { Name = "East", SortOrder = 1 };
        var school = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        var council = new Organization { Name = "Town council", TypeId = OrganizationTypeConfiguration.Defaults[1].Id };
        var old = new Contact { FirstName = "Olga", DisplayName = "Olga Old" };
        var ann = new Contact { FirstName = "Ann", DisplayName = "Ann New" };
        var bob = new Contact { FirstName = "Bob", DisplayName = "Bob New" };
        var cy = new Contact { FirstName = "Cy", DisplayName = "Cy Caller" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(main, east, school, council, old, ann, bob, cy);

            // On the first day: a program for children at Main, with Sam; 20 came, 3 cards, items not recorded, 0 materials.
            var storytime = Event("Storytime in the park", First, LibraryRole.Sponsor, AudienceAgeGroup.Children, EventSetting.Onsite, main.Id, 20, cards: 3, items: null, materials: 0);
            storytime.Staff = [new() { UserId = sam.Id }];
            storytime.Contacts = [new() { ContactId = old.Id }, new() { ContactId = ann.Id }];
            storytime.Organizations = [new() { OrganizationId = school.Id }];
            // On the last day: outreach for adults at East with Sam and Tia; attendance not recorded, 0 cards, 5 items, 40 materials.
            var fair = Event("Farmers market table", Last, LibraryRole.ParticipantGuest, AudienceAgeGroup.Adults, EventSetting.Offsite, east.Id, null, cards: 0, items: 5, materials: 40);
            fair.Staff = [new() { UserId = sam.Id }, new() { UserId = tia.Id }];
            fair.Contacts = [new() { ContactId = bob.Id }];
            // A co-sponsored virtual program, no branch, no staff, age group not recorded: 0 attended (recorded as 0).
            var webinar = Event("Job search webinar", new DateOnly(2026, 1, 15), LibraryRole.CoSponsor, null, EventSetting.Virtual, null, 0);
            // The days around the range: never counted.
            var before = Event("Last year's fair", First.AddDays(-1), LibraryRole.Sponsor, AudienceAgeGroup.Adults, EventSetting.Offsite, main.Id, 1000);
            before.Contacts = [new() { ContactId = old.Id }];
            before.Staff = [new() { UserId = sam.Id }];
            var after = Event("Next year's fair", Last.AddDays(1), LibraryRole.Sponsor, AudienceAgeGroup.Adults, EventSetting.Offsite, main.Id, 2000);
            db.OutreachEvents.AddRange(storytime, fair, webinar, before, after);

            var start = LibraryTime.StartOfDay(First, Zone);
            var end = LibraryTime.StartOfDay(Last.AddDays(1), Zone);
            db.Interactions.AddRange(
                Touch(sam, start, InitiatedBy.Partner, contact: cy.Id),
                Touch(tia, end.AddMinutes(-1), InitiatedBy.Library, organization: council.Id),
                Touch(tia, end.AddMinutes(-2), InitiatedBy.Mutual, contact: ann.Id, organization: school.Id),
                // Outside: a minute before the first day, and the first minute after the last.
                Touch(sam, start.AddMinutes(-1), InitiatedBy.Library, contact: cy.Id),
                Touch(sam, end, InitiatedBy.Library, contact: bob.Id));
            await db.SaveChangesAsync();
        });
        return new World(sue, sam, tia, main.Id, east.Id);
    }

    private static Task<ReportResult> RunAsync(OutreachAppFactory app, StaffUser user, ReportQuery query) =>
        app.AsAsync<IReportService, ReportResult>(user, Roles.Supervisor, s => s.RunAsync(query));

    private static SurveyLine Line(ReportResult report, string section, string measure) =>
        report.Lines.Single(l => l.Section == section && l.Measure == measure);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Report_CountsTheRangesEdges_KeepsNotRecordedApartFromZero_AndItsPartsAddUp(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var world = await SeedAsync(app);

        var report = await RunAsync(app, world.Sue, new ReportQuery(First, Last, Breakdown: ReportBreakdown.Branch));

        Assert.Equal((3, 2, 1), (report.Totals.Events, report.Totals.Programs, report.Totals.Outreach));
        Assert.Equal("FY 2025–26 (1 Jul 2025 – 30 Jun 2026)", report.PeriodName);
        // Attendance: 20 + 0 over the two events that recorded it; the fair did not record it.
        var attendance = Line(report, SurveyTable.AttendanceSection, "Attendance");
        Assert.Equal(new ReportCount(20, 2, 1), attendance.Total);
        Assert.Equal(new ReportCount(20, 2, 0), attendance.Programs);
        Assert.True(attendance.Outreach!.Value.IsNotRecorded);
        // The webinar recorded 0: a 0, not "not recorded".
        var virtualAttendance = Line(report, SurveyTable.AttendanceSection, "Virtual");
        Assert.Equal(new ReportCount(0, 1, 0), virtualAttendance.Total);
        Assert.False(virtualAttendance.Total.IsNotRecorded);
        Assert.True(Line(report, SurveyTable.AttendanceSection, "Offsite").Total.IsNotRecorded);
        Assert.Equal(new ReportCount(3, 2, 1), Line(report, SurveyTable.ResultsSection, "Library cards issued").Total);
        Assert.Equal(new ReportCount(5, 1, 2), Line(report, SurveyTable.ResultsSection, "Items checked out").Total);
        Assert.Equal(new ReportCount(40, 2, 1), Line(report, SurveyTable.ResultsSection, "Materials handed out").Total);
        Assert.Equal(3, Line(report, SurveyTable.ResultsSection, "Contacts made (people met at the events)").Total.Sum);
        Assert.Equal(1, Line(report, SurveyTable.EventsSection, SurveyTable.AgeGroupName(null)).Total.Sum);
        Assert.Equal(1, Line(report, SurveyTable.EventsSection, SurveyTable.AgeGroupName(AudienceAgeGroup.Children)).Programs!.Value.Sum);

        // By category: programs + outreach = total on every split line.
        foreach (var line in report.Lines.Where(l => l.Programs is not null))
        {
            Assert.Equal(line.Total, line.Programs!.Value + line.Outreach!.Value);
        }

        // By age group and by setting: the parts add up to the whole.
        var ageGroups = new AudienceAgeGroup?[] { AudienceAgeGroup.Children, AudienceAgeGroup.YoungAdults, AudienceAgeGroup.Adults, AudienceAgeGroup.AllAges, null };
        Assert.Equal(attendance.Total, ageGroups.Select(a => Line(report, SurveyTable.AttendanceSection, SurveyTable.AgeGroupName(a)).Total).Aggregate(ReportCount.Add));
        Assert.Equal(attendance.Total, Enum.GetValues<EventSetting>().Select(s => Line(report, SurveyTable.AttendanceSection, SurveyTable.SettingName(s)).Total).Aggregate(ReportCount.Add));

        // By branch: the rows add up to the totals, and each row equals that branch's own report.
        Assert.Equal(["Main", "East", "No branch"], report.Breakdown.Select(r => r.Name));
        Assert.Equal(report.Totals.Events, report.Breakdown.Sum(r => r.Figures.Events));
        Assert.Equal(report.Totals.Attendance, report.Breakdown.Select(r => r.Figures.Attendance).Aggregate(ReportCount.Add));
        Assert.Equal(report.Totals.MaterialsHandedOut, report.Breakdown.Select(r => r.Figures.MaterialsHandedOut).Aggregate(ReportCount.Add));
        var east = await RunAsync(app, world.Sue, new ReportQuery(First, Last, BranchId: world.EastBranch));
        Assert.Equal(report.Breakdown.Single(r => r.Name == "East").Figures, east.Totals);
        Assert.Equal("East", east.BranchName);
        Assert.Equal(0, east.Reach.Touches);

        // Reach: the three touches inside the range (not the ones a minute outside), organizations and contacts from events and touches.
        // New: Olga and Cy were touched before the range (an event, a call a minute before it), Ann and Bob never.
        Assert.Equal(new ReachFigures(3, 1, 1, 1, 2, 4, 2, 2), report.Reach);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Report_ByStaff_EachRowIsThatPersonsReport_AndOnlySupervisorsRunIt(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var world = await SeedAsync(app);

        var report = await RunAsync(app, world.Sue, new ReportQuery(First, Last, Breakdown: ReportBreakdown.Staff));

        Assert.Equal(["Sam Staff", "Tia Staff", "No staff recorded"], report.Breakdown.Select(r => r.Name));
        Assert.Equal([2, 1, 1], report.Breakdown.Select(r => r.Figures.Events));
        // Rows count each event once per staff member present: the fair had two.
        Assert.Equal(report.Totals.Events + 1, report.Breakdown.Sum(r => r.Figures.Events));
        foreach (var (person, name) in new[] { (world.Sam, "Sam Staff"), (world.Tia, "Tia Staff") })
        {
            var own = await RunAsync(app, world.Sue, new ReportQuery(First, Last, StaffUserId: person.Id));
            Assert.Equal(report.Breakdown.Single(r => r.Name == name).Figures, own.Totals);
        }

        var sams = await RunAsync(app, world.Sue, new ReportQuery(First, Last, StaffUserId: world.Sam.Id));
        Assert.Equal((1, 0, 0, 1), (sams.Reach.Touches, sams.Reach.LibraryInitiated, sams.Reach.Mutual, sams.Reach.PartnerInitiated));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<IReportService, ReportResult>(world.Sam, Roles.Staff, s => s.RunAsync(new ReportQuery(First, Last))));
        await Assert.ThrowsAsync<RecordValidationException>(() => RunAsync(app, world.Sue, new ReportQuery(Last, First)));

        var empty = await RunAsync(app, world.Sue, new ReportQuery(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)));
        Assert.True(empty.IsEmpty);
        Assert.False(Line(empty, SurveyTable.AttendanceSection, "Attendance").Total.IsNotRecorded);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reach_EqualTimestampsAndTheRangesEdges_CountEachTouchOnce_AndNewMeansNoEarlierTouchByAnyone(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        var start = LibraryTime.StartOfDay(First, Zone);
        var end = LibraryTime.StartOfDay(Last.AddDays(1), Zone);
        var school = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        var council = new Organization { Name = "Town council", TypeId = OrganizationTypeConfiguration.Defaults[1].Id };
        var later = new Organization { Name = "Only after the range", TypeId = OrganizationTypeConfiguration.Defaults[1].Id };
        var ann = new Contact { FirstName = "Ann", DisplayName = "Ann First-Instant" };
        var bob = new Contact { FirstName = "Bob", DisplayName = "Bob Met-Before" };
        var cy = new Contact { FirstName = "Cy", DisplayName = "Cy Tia's-Before" };
        var dot = new Contact { FirstName = "Dot", DisplayName = "Dot Last-Instant" };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(school, council, later, ann, bob, cy, dot);
            db.Interactions.AddRange(
                // Three touches at the range's first instant, two with Ann and the school: three touches, one contact, one organization, both new.
                Touch(sam, start, InitiatedBy.Library, contact: ann.Id, organization: school.Id),
                Touch(sam, start, InitiatedBy.Partner, contact: ann.Id, organization: school.Id),
                Touch(tia, start, InitiatedBy.Mutual, organization: council.Id),
                // The council was also touched a minute before the range: reached, not new.
                Touch(tia, start.AddMinutes(-1), InitiatedBy.Library, organization: council.Id),
                // Bob: at an event the day before the range, then a call in it: not new.
                Touch(sam, start.AddDays(3), InitiatedBy.Library, contact: bob.Id),
                // Cy: Tia called before the range, Sam in it: in Sam's report Cy is reached but not new.
                Touch(tia, start.AddDays(-30), InitiatedBy.Library, contact: cy.Id),
                Touch(sam, start.AddDays(10), InitiatedBy.Partner, contact: cy.Id),
                // Dot at the range's last minute (new), and again at its end (outside, not counted).
                Touch(sam, end.AddMinutes(-1), InitiatedBy.Library, contact: dot.Id),
                Touch(sam, end, InitiatedBy.Library, contact: dot.Id),
                // Only after the range: not reached at all.
                Touch(sam, end, InitiatedBy.Library, organization: later.Id));
            var before = Event("Meet and greet", First.AddDays(-1), LibraryRole.Sponsor, AudienceAgeGroup.Adults, EventSetting.Onsite, null, 5);
            before.Contacts = [new() { ContactId = bob.Id }];
            db.OutreachEvents.Add(before);
            await db.SaveChangesAsync();
        });

        var all = await RunAsync(app, sue, new ReportQuery(First, Last));
        // 6 touches in the range: 3 library, 2 partner, 1 mutual; 2 organizations (the school new), 4 contacts (Ann and Dot new).
        Assert.Equal(new ReachFigures(6, 3, 2, 1, 2, 4, 1, 2), all.Reach);
        Assert.Equal(all.Reach.Touches, all.Reach.LibraryInitiated + all.Reach.PartnerInitiated + all.Reach.Mutual);

        // Sam's: his 5 touches in the range; the school, Ann, Bob, Cy and Dot reached; Cy is not new although Sam never touched him before.
        var sams = await RunAsync(app, sue, new ReportQuery(First, Last, StaffUserId: sam.Id));
        Assert.Equal(new ReachFigures(5, 3, 2, 0, 1, 4, 1, 2), sams.Reach);
        // Tia's: the council at the first instant (not new: she touched it a minute before).
        var tias = await RunAsync(app, sue, new ReportQuery(First, Last, StaffUserId: tia.Id));
        Assert.Equal(new ReachFigures(1, 0, 0, 1, 1, 0, 0, 0), tias.Reach);

        // A range that starts at the first instant's day after: Ann and the school were touched before it.
        var fromTheNextDay = await RunAsync(app, sue, new ReportQuery(First.AddDays(1), Last));
        Assert.Equal(new ReachFigures(3, 2, 1, 0, 0, 3, 0, 1), fromTheNextDay.Reach);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CsvEndpoint_SaysWhatThePageSays_ForSupervisorsOnly(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var world = await SeedAsync(app);
        var query = new ReportQuery(First, Last, Breakdown: ReportBreakdown.Branch);
        var report = await RunAsync(app, world.Sue, query);

        using var client = new AccountClient(app);
        await client.SignInAsync("sue@library.test");
        var response = await client.GetAsync(ReportQueryString.Build(ReportEndpoints.CsvPath.TrimStart('/'), query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        // Read back as the import reads CSV (quoted fields such as "General, all ages" stay one field).
        var table = LibraryOutreach.Web.Features.Import.Parsing.CsvTable.Parse(csv, ',');
        var rows = new[] { table.Headers.ToArray() }.Concat(table.Rows.Select(r => r.Fields.ToArray())).ToList();

        // Every line of the page is a row of the CSV with the same values, and the not-recorded counts beside them.
        foreach (var line in report.Lines)
        {
            var row = rows.Single(r => r.Length == 8 && r[0] == line.Section && r[1] == line.Measure);
            Assert.Equal(ReportCsv.Value(line.Total), row[4]);
            Assert.Equal(ReportCsv.Value(line.Programs), row[2]);
        }

        var attendance = rows.Single(r => r.Length == 8 && r[0] == "Attendance" && r[1] == "Attendance");
        Assert.Equal(["20", "", "20", "0", "1", "1"], attendance[2..]);
        var total = rows.Single(r => r[0] == "Total");
        Assert.Equal(["3", "2", "1", "20", "1"], total[1..6]);
        Assert.Contains(rows, r => r[0] == "From" && r[1] == "2025-07-01");

        using var staff = new AccountClient(app);
        await staff.SignInAsync("sam@library.test");
        var refused = await staff.GetAsync(ReportQueryString.Build(ReportEndpoints.CsvPath.TrimStart('/'), query));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("Attendance", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await client.GetAsync("reports/export.csv?from=2025-07-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
