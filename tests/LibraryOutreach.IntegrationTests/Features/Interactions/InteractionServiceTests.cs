using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Features.Search;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Interactions;

public class InteractionServiceTests
{
    private static InteractionInput Touch(Guid? contactId = null, Guid? organizationId = null, string summary = "Talked about the summer reading table") => new()
    {
        ContactId = contactId,
        OrganizationId = organizationId,
        Channel = ContactChannel.Phone,
        InitiatedBy = InitiatedBy.Partner,
        Summary = summary,
    };

    private static Task<Guid> CreateAsync(OutreachLogAppFactory app, StaffUser user, string role, InteractionInput input) =>
        app.AsAsync<InteractionService, Guid>(user, role, s => s.CreateAsync(input));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateAsync_ThenGet_StoresUtcShowsLibraryTimeAndAudits(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var edna = await app.AddContactAsync("Edna", "Krabappel", school);
        var input = Touch(edna.Id, school.Id);
        input.Date = new DateTime(2026, 7, 10);
        input.Time = new TimeSpan(19, 30, 0);
        input.Notes = "  Wants a class visit in September  ";

        var id = await CreateAsync(app, sam, Roles.Staff, input);
        var detail = await app.AsAsync<InteractionService, InteractionDetail>(sam, Roles.Staff, s => s.GetAsync(id));

        Assert.Equal(new DateTimeOffset(2026, 7, 10, 19, 30, 0, TimeSpan.FromHours(-4)), detail.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-4), detail.OccurredAt.Offset);
        Assert.Equal(("Edna Krabappel", "Springfield Elementary", "Sam Staff"), (detail.ContactName, detail.OrganizationName, detail.StaffName));
        Assert.Equal((ContactChannel.Phone, InitiatedBy.Partner, "Wants a class visit in September"), (detail.Channel, detail.InitiatedBy, detail.Notes));
        Assert.True(detail.CanEdit);
        var stored = await app.WithDbAsync(db => db.Interactions.SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 23, 30, 0, TimeSpan.Zero), stored.OccurredAt);
        Assert.Equal(sam.Id, stored.StaffUserId);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Interaction)));
        Assert.Equal((AuditActions.Created, id.ToString(), sam.Id), (audit.Action, audit.EntityId, audit.UserId));
    }

    [Fact]
    public async Task CreateAsync_WithoutDate_IsNow()
    {
        await using var app = await OutreachLogAppFactory.StartAsync(DatabaseProvider.Sqlite);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");

        await CreateAsync(app, sam, Roles.Staff, Touch(organizationId: school.Id));

        Assert.Equal(app.Clock.Now, await app.WithDbAsync(db => db.Interactions.Select(i => i.OccurredAt).SingleAsync()));
    }

    [Fact]
    public async Task CreateAsync_InitiatedByMissingAndNoOneChosen_RefusedNothingSaved()
    {
        await using var app = await OutreachLogAppFactory.StartAsync(DatabaseProvider.Sqlite);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var input = Touch();
        input.InitiatedBy = null;

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => CreateAsync(app, sam, Roles.Staff, input));

        Assert.Equal(InteractionValidation.InitiatedByRequired, error.Errors[nameof(InteractionInput.InitiatedBy)]);
        Assert.Equal(InteractionValidation.PartyRequired, error.Errors[InteractionValidation.PartyKey]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Interactions.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateAsync_ContactDeletedOrMergedMeanwhile_ClearMessageNothingSaved(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var ned = await app.AddContactAsync("Ned", "Flanders");
        var merged = await app.AddContactAsync("Ned", "Flanders (copy)");
        await app.WithDbAsync(async db =>
        {
            await db.Contacts.Where(c => c.Id == ned.Id).ExecuteDeleteAsync();
            await db.Contacts.Where(c => c.Id == merged.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.MergedIntoId, Guid.NewGuid()));
        });

        var deleted = await Assert.ThrowsAsync<RecordValidationException>(() => CreateAsync(app, sam, Roles.Staff, Touch(ned.Id)));
        var mergedAway = await Assert.ThrowsAsync<RecordValidationException>(() => CreateAsync(app, sam, Roles.Staff, Touch(merged.Id)));
        var organization = await Assert.ThrowsAsync<RecordValidationException>(() => CreateAsync(app, sam, Roles.Staff, Touch(organizationId: Guid.NewGuid())));

        Assert.Equal(InteractionValidation.ContactGone, deleted.Errors[InteractionValidation.PartyKey]);
        Assert.Equal(InteractionValidation.ContactGone, mergedAway.Errors[InteractionValidation.PartyKey]);
        Assert.Equal(InteractionValidation.OrganizationGone, organization.Errors[InteractionValidation.PartyKey]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task UpdateAndDelete_StaffOnlyTheirOwn_SupervisorsAnyones()
    {
        await using var app = await OutreachLogAppFactory.StartAsync(DatabaseProvider.Sqlite);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var id = await CreateAsync(app, sam, Roles.Staff, Touch(organizationId: school.Id));
        Task<InteractionDetail> Get(StaffUser user, string role) => app.AsAsync<InteractionService, InteractionDetail>(user, role, s => s.GetAsync(id));

        var asKim = await Get(kim, Roles.Staff);
        Assert.False(asKim.CanEdit);
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync<InteractionService>(kim, Roles.Staff, s => s.UpdateAsync(id, Touch(organizationId: school.Id, summary: "Kim's edit"), asKim.Version)));
        Assert.Equal(InteractionService.NotYours, denied.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<InteractionService>(kim, Roles.Staff, s => s.DeleteAsync(id, asKim.Version)));

        await app.AsAsync<InteractionService>(sam, Roles.Staff, s => s.UpdateAsync(id, Touch(organizationId: school.Id, summary: "Sam's edit"), asKim.Version));
        var asLee = await Get(lee, Roles.Supervisor);
        Assert.True(asLee.CanEdit);
        await app.AsAsync<InteractionService>(lee, Roles.Supervisor, s => s.UpdateAsync(id, Touch(organizationId: school.Id, summary: "Lee's edit"), asLee.Version));
        Assert.Equal("Lee's edit", (await Get(sam, Roles.Staff)).Summary);

        var latest = await Get(lee, Roles.Supervisor);
        await app.AsAsync<InteractionService>(lee, Roles.Supervisor, s => s.DeleteAsync(id, latest.Version));
        Assert.Equal(0, await app.WithDbAsync(db => db.Interactions.CountAsync()));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Interaction)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Created, AuditActions.Updated, AuditActions.Updated, AuditActions.Deleted], actions);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task UpdateAsync_StaleVersion_RefusedWithTheirChanges(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Supervisor, "Lee Supervisor");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var id = await CreateAsync(app, sam, Roles.Staff, Touch(organizationId: school.Id, summary: "First"));
        var opened = await app.AsAsync<InteractionService, InteractionDetail>(sam, Roles.Staff, s => s.GetAsync(id));
        await app.AsAsync<InteractionService>(lee, Roles.Supervisor, s => s.UpdateAsync(id, Touch(organizationId: school.Id, summary: "Lee's summary"), opened.Version));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<InteractionService>(sam, Roles.Staff, s => s.UpdateAsync(id, Touch(organizationId: school.Id, summary: "Sam's summary"), opened.Version)));
        var deleteConflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<InteractionService>(sam, Roles.Staff, s => s.DeleteAsync(id, opened.Version)));

        Assert.Equal("Lee Supervisor", conflict.ChangedBy);
        Assert.Equal([new FieldDifference("Summary", "Lee's summary", "Sam's summary")], conflict.Differences);
        Assert.NotNull(deleteConflict);
        Assert.Equal("Lee's summary", await app.WithDbAsync(db => db.Interactions.Select(i => i.Summary).SingleAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListAsync_FiltersByLibraryDaysChannelInitiatedByStaffAndName_PagesAndSorts(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var council = await app.AddOrganizationAsync("Town Council");
        var edna = await app.AddContactAsync("Edna", "Krabappel", school);

        async Task Log(StaffUser who, Guid? contact, Guid? organization, ContactChannel channel, InitiatedBy by, int day, int hour, string summary)
        {
            var input = Touch(contact, organization, summary);
            input.Channel = channel;
            input.InitiatedBy = by;
            input.Date = new DateTime(2026, 7, day);
            input.Time = new TimeSpan(hour, 0, 0);
            await CreateAsync(app, who, Roles.Staff, input);
        }

        // 9 July 23:00 in New York is 10 July 03:00 UTC: it belongs to 9 July in the library.
        await Log(sam, edna.Id, school.Id, ContactChannel.Email, InitiatedBy.Library, 9, 23, "Late email to Edna");
        await Log(sam, null, council.Id, ContactChannel.InPerson, InitiatedBy.Mutual, 10, 9, "Council chat");
        await Log(kim, edna.Id, school.Id, ContactChannel.Phone, InitiatedBy.Partner, 11, 14, "Edna called");
        await Log(kim, null, school.Id, ContactChannel.Phone, InitiatedBy.Library, 12, 10, "Called the school office");

        Task<InteractionResults> List(InteractionQuery q) => app.AsAsync<InteractionService, InteractionResults>(sam, Roles.Staff, s => s.ListAsync(q));

        var all = await List(new InteractionQuery());
        Assert.Equal(["Called the school office", "Edna called", "Council chat", "Late email to Edna"], all.Rows.Select(r => r.Summary));
        Assert.Equal([false, false, true, true], all.Rows.Select(r => r.CanEdit));
        Assert.Equal(new DateTimeOffset(2026, 7, 9, 23, 0, 0, TimeSpan.FromHours(-4)), all.Rows[^1].OccurredAt);
        Assert.Equal(["Late email to Edna", "Council chat"], (await List(new InteractionQuery { From = new DateOnly(2026, 7, 9), To = new DateOnly(2026, 7, 10) })).Rows.Select(r => r.Summary).Reverse());
        Assert.Equal(["Council chat"], (await List(new InteractionQuery { From = new DateOnly(2026, 7, 10), To = new DateOnly(2026, 7, 10) })).Rows.Select(r => r.Summary));
        Assert.Equal(["Called the school office", "Edna called"], (await List(new InteractionQuery { Channel = ContactChannel.Phone })).Rows.Select(r => r.Summary));
        Assert.Equal(["Called the school office", "Late email to Edna"], (await List(new InteractionQuery { InitiatedBy = InitiatedBy.Library })).Rows.Select(r => r.Summary));
        Assert.Equal(["Called the school office", "Edna called"], (await List(new InteractionQuery { StaffUserId = kim.Id })).Rows.Select(r => r.Summary));
        Assert.Equal(["Called the school office", "Edna called", "Late email to Edna"], (await List(new InteractionQuery { Text = "ELEMENTARY" })).Rows.Select(r => r.Summary));
        Assert.Equal(["Edna called", "Late email to Edna"], (await List(new InteractionQuery { Text = "krab" })).Rows.Select(r => r.Summary));
        Assert.Empty((await List(new InteractionQuery { Text = "%" })).Rows);
        Assert.Equal(["Edna called"], (await List(new InteractionQuery { ContactId = edna.Id, Channel = ContactChannel.Phone })).Rows.Select(r => r.Summary));

        var page = await List(new InteractionQuery { PageSize = 3, Page = 1 });
        Assert.Equal((4, "Late email to Edna"), (page.Total, page.Rows.Single().Summary));
        var bySummary = await List(new InteractionQuery { Sort = InteractionSort.Summary, Descending = false, PageSize = 2 });
        Assert.Equal(4, bySummary.Total);
        Assert.Equal(["Called the school office", "Council chat"], bySummary.Rows.Select(r => r.Summary));
        Assert.Equal("Late email to Edna", (await List(new InteractionQuery { Descending = false })).Rows[0].Summary);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecentAsync_InteractionsAndEventsNewestFirst_AtMostFive(DatabaseProvider provider)
    {
        await using var app = await OutreachLogAppFactory.StartAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var edna = await app.AddContactAsync("Edna", "Krabappel", school);
        for (var day = 1; day <= 4; day++)
        {
            var input = Touch(edna.Id, school.Id, $"Touch {day}");
            input.Date = new DateTime(2026, 7, day * 2);
            input.Time = new TimeSpan(10, 0, 0);
            await CreateAsync(app, sam, Roles.Staff, input);
        }

        await app.WithDbAsync(async db =>
        {
            var fair = new OutreachEvent { Title = "County fair", TypeId = EventTypeConfiguration.Defaults[2].Id, StartDate = new DateOnly(2026, 7, 5), EndDate = new DateOnly(2026, 7, 7) };
            fair.Contacts.Add(new OutreachEventContact { ContactId = edna.Id });
            fair.Organizations.Add(new OutreachEventOrganization { OrganizationId = school.Id });
            var visit = new OutreachEvent { Title = "Class visit", TypeId = EventTypeConfiguration.Defaults[4].Id, StartDate = new DateOnly(2026, 7, 9), EndDate = new DateOnly(2026, 7, 9) };
            visit.Organizations.Add(new OutreachEventOrganization { OrganizationId = school.Id });
            db.OutreachEvents.AddRange(fair, visit);
            await db.SaveChangesAsync();
        });

        var forEdna = await app.AsAsync<InteractionService, IReadOnlyList<RecentOutreachItem>>(sam, Roles.Staff, s => s.RecentAsync(edna.Id, null));
        var forSchool = await app.AsAsync<InteractionService, IReadOnlyList<RecentOutreachItem>>(sam, Roles.Staff, s => s.RecentAsync(null, school.Id));

        Assert.Equal(["Touch 4", "Touch 3", "County fair", "Touch 2", "Touch 1"], forEdna.Select(i => i.Title));
        Assert.Equal(["Class visit", "Touch 4", "Touch 3", "County fair", "Touch 2"], forSchool.Select(i => i.Title));
        Assert.Equal((RecentOutreachKind.Event, true), (forSchool[0].Kind, forSchool[0].IsAllDay));
        Assert.StartsWith("interactions/", forSchool[1].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindPartiesAsync_ContactsShowTheirOrganization_ArchivedAndMergedLeftOut()
    {
        await using var app = await OutreachLogAppFactory.StartAsync(DatabaseProvider.Sqlite);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        await app.AddOrganizationAsync("Shelbyville Elementary");
        await app.AddContactAsync("Seymour", "Skinner", school);
        var archived = await app.AddContactAsync("Sherri", "Mackleberry");
        await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == archived.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsArchived, true)));

        var found = await app.AsAsync<InteractionService, IReadOnlyList<PartyOption>>(sam, Roles.Staff, s => s.FindPartiesAsync("s"));
        var byWord = await app.AsAsync<InteractionService, IReadOnlyList<PartyOption>>(sam, Roles.Staff, s => s.FindPartiesAsync("elem"));

        Assert.Equal(["Seymour Skinner (Springfield Elementary)", "Shelbyville Elementary", "Springfield Elementary"], found.Select(p => p.Label));
        Assert.Equal(school.Id, found[0].OrganizationId);
        Assert.Equal(["Shelbyville Elementary", "Springfield Elementary"], byWord.Select(p => p.Label));
    }

    [Fact]
    public async Task SearchService_FindsInteractionsBySummary_LinkingToTheInteraction()
    {
        await using var app = await OutreachLogAppFactory.StartAsync(DatabaseProvider.Sqlite);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = await app.AddOrganizationAsync("Springfield Elementary");
        var id = await CreateAsync(app, sam, Roles.Staff, Touch(organizationId: school.Id, summary: "Bookmobile schedule for the autumn"));

        var results = await app.AsAsync<SearchService, SearchResults>(sam, Roles.Staff, s => s.SearchAsync("bookmob"));

        var hit = Assert.Single(Assert.Single(results.Groups, g => g.Kind == SearchKinds.Interaction).Hits);
        Assert.Equal(($"/interactions/{id}", "Bookmobile schedule for the autumn"), (hit.Url, hit.Title));
    }
}
