using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Timeline;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Timeline;

/// <summary>TimelineService on real SQLite and PostgreSQL: keyset order and paging, an organization's people, filters, audit and import entries.</summary>
public class TimelineServiceTests
{
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly Guid Meeting = EventTypeConfiguration.Defaults[0].Id;

    private static Interaction Touch(Guid? contactId, Guid? organizationId, DateTimeOffset at, string staffId, string summary, InitiatedBy by = InitiatedBy.Library) =>
        new() { ContactId = contactId, OrganizationId = organizationId, OccurredAt = at, Channel = ContactChannel.Phone, InitiatedBy = by, StaffUserId = staffId, Summary = summary };

    private static OutreachEvent Event(string title, DateTimeOffset startsAt) =>
        new() { Title = title, TypeId = Meeting, StartDate = DateOnly.FromDateTime(startsAt.UtcDateTime), EndDate = DateOnly.FromDateTime(startsAt.UtcDateTime), StartsAt = startsAt };

    private static async Task<List<TimelineEntry>> AllPagesAsync(OutreachAppFactory app, StaffUser user, TimelineSubject subject, TimelineFilter filter, int pageSize)
    {
        var all = new List<TimelineEntry>();
        TimelineCursor? cursor = null;
        for (var guard = 0; guard < 500; guard++)
        {
            var page = await app.AsAsync<ITimelineService, TimelinePage>(user, Roles.Staff, s => s.PageAsync(subject, filter, cursor, pageSize));
            Assert.True(page.Entries.Count <= pageSize);
            all.AddRange(page.Entries);
            if (page.Next is null)
            {
                return all;
            }

            Assert.Equal(pageSize, page.Entries.Count);
            cursor = page.Next;
        }

        throw new InvalidOperationException("The timeline never ended.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PageAsync_EqualTimestampsAcrossKindsAndPages_NoEntryLostOrRepeated_OrderStable(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var ann = await app.CreateUserAsync("ann@library.test", Roles.Supervisor, "Ann Supervisor");
        var edna = new Contact { FirstName = "Edna", DisplayName = "Edna Krabappel" };
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(edna);
            await db.SaveChangesAsync();
        });

        // Follow-ups saved together share their CreatedAt: every other entry is put at that same instant.
        var followUps = Enumerable.Range(0, 7).Select(i => new FollowUp { Title = $"Follow-up {i}", DueDate = new DateOnly(2026, 1, 10), AssigneeId = sam.Id, ContactId = edna.Id }).ToList();
        var at = await app.WithDbAsync(async db =>
        {
            db.FollowUps.AddRange(followUps);
            await db.SaveChangesAsync();
            return followUps[0].CreatedAt;
        });
        Assert.All(followUps, f => Assert.Equal(at, f.CreatedAt));
        await app.WithDbAsync(async db =>
        {
            foreach (var f in await db.FollowUps.Take(3).ToListAsync())
            {
                f.DoneAt = at;
                f.DoneById = ann.Id;
            }

            for (var i = 0; i < 8; i++)
            {
                db.Interactions.Add(Touch(edna.Id, null, at, sam.Id, $"Call {i}"));
            }

            for (var i = 0; i < 6; i++)
            {
                var e = Event($"Meeting {i}", at);
                e.Contacts = [new() { ContactId = edna.Id }];
                e.Staff = [new() { UserId = sam.Id }, new() { UserId = ann.Id }];
                db.OutreachEvents.Add(e);
            }

            // And a few at other moments, before and after.
            db.Interactions.Add(Touch(edna.Id, null, at.AddDays(1), sam.Id, "Later call"));
            db.Interactions.Add(Touch(edna.Id, null, at.AddDays(-1), sam.Id, "Earlier call"));
            await db.SaveChangesAsync();
        });

        var whole = (await app.AsAsync<ITimelineService, TimelinePage>(sam, Roles.Staff, s => s.PageAsync(TimelineSubject.Contact(edna.Id), new TimelineFilter(), null, 200))).Entries;
        Assert.Equal(7 + 3 + 8 + 6 + 2, whole.Count);
        Assert.Equal("Later call", whole[0].Title);
        Assert.Equal("Earlier call", whole[^1].Title);
        Assert.Equal(whole.Count, whole.Select(e => (e.Kind, e.Key)).Distinct().Count());
        for (var i = 1; i < whole.Count; i++)
        {
            Assert.True(whole[i - 1].At >= whole[i].At, $"Entry {i} is newer than the one before it.");
        }

        // Entries at the same instant keep one order: by kind (descending), then key.
        var sameInstant = whole.Skip(1).Take(whole.Count - 2).Select(e => e.Kind).ToList();
        Assert.Equal(sameInstant.OrderByDescending(k => k), sameInstant);

        foreach (var size in new[] { 1, 4, 5, 13 })
        {
            var paged = await AllPagesAsync(app, sam, TimelineSubject.Contact(edna.Id), new TimelineFilter(), size);
            Assert.Equal(whole.Select(e => (e.Kind, e.Key)), paged.Select(e => (e.Kind, e.Key)));
        }

        var meeting = whole.First(e => e.Kind == TimelineEntryKind.Event);
        Assert.Equal(["Ann Supervisor", "Sam Staff"], meeting.Staff);
        Assert.Equal(["Ann Supervisor"], whole.First(e => e.Kind == TimelineEntryKind.FollowUpDone).Staff);
        Assert.Equal(["Sam Staff"], whole.First(e => e.Kind == TimelineEntryKind.FollowUpCreated).Staff);
        Assert.Equal(["Sam Staff"], whole.First(e => e.Kind == TimelineEntryKind.Interaction).Staff);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PageAsync_Organization_IncludesAPersonsEntriesOnlyWhileAffiliated(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var school = new Organization { Name = "Springfield Elementary", TypeId = School };
        var other = new Organization { Name = "Shelbyville Elementary", TypeId = School };
        var jane = new Contact { FirstName = "Jane", DisplayName = "Jane Doe" };
        var john = new Contact { FirstName = "John", DisplayName = "John Roe" };
        static DateTimeOffset Noon(int y, int m, int d) => new(y, m, d, 12, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            db.AddRange(school, other, jane, john);
            db.Affiliations.Add(new Affiliation { ContactId = jane.Id, OrganizationId = school.Id, Role = "Principal", StartDate = new DateOnly(2025, 1, 1), EndDate = new DateOnly(2025, 6, 30) });
            db.Affiliations.Add(new Affiliation { ContactId = john.Id, OrganizationId = school.Id, Role = "Teacher", StartDate = new DateOnly(2025, 5, 1) });
            db.Interactions.Add(Touch(jane.Id, null, Noon(2024, 12, 15), sam.Id, "Jane before"));
            db.Interactions.Add(Touch(jane.Id, null, Noon(2025, 1, 1), sam.Id, "Jane first day"));
            db.Interactions.Add(Touch(jane.Id, null, Noon(2025, 3, 1), sam.Id, "Jane during"));
            db.Interactions.Add(Touch(jane.Id, null, Noon(2025, 6, 30), sam.Id, "Jane last day"));
            db.Interactions.Add(Touch(jane.Id, other.Id, Noon(2025, 8, 1), sam.Id, "Jane after, elsewhere"));
            db.Interactions.Add(Touch(john.Id, null, Noon(2026, 2, 1), sam.Id, "John still there"));
            db.Interactions.Add(Touch(john.Id, null, Noon(2025, 4, 30), sam.Id, "John before"));
            db.Interactions.Add(Touch(jane.Id, school.Id, Noon(2025, 2, 1), sam.Id, "Jane at the school itself"));
            db.Interactions.Add(Touch(null, school.Id, Noon(2025, 2, 2), sam.Id, "The school's own call"));
            var during = Event("Book fair", Noon(2025, 4, 10));
            during.Contacts = [new() { ContactId = jane.Id }];
            var after = Event("Science fair", Noon(2025, 9, 1));
            after.Contacts = [new() { ContactId = jane.Id }];
            var direct = Event("PTA meeting", Noon(2025, 3, 10));
            direct.Contacts = [new() { ContactId = jane.Id }];
            direct.Organizations = [new() { OrganizationId = school.Id }];
            db.OutreachEvents.AddRange(during, after, direct);
            await db.SaveChangesAsync();
        });

        var entries = await AllPagesAsync(app, sam, TimelineSubject.Organization(school.Id), new TimelineFilter { Types = new HashSet<TimelineEntryType> { TimelineEntryType.Interactions, TimelineEntryType.Events } }, 3);
        Assert.Equal(
            ["John still there", "Jane last day", "Book fair", "PTA meeting", "Jane during", "The school's own call", "Jane at the school itself", "Jane first day"],
            entries.Select(e => e.Title));
        Assert.Equal(("Jane Doe", "Principal"), (entries.Single(e => e.Title == "Jane during").Via!.Name, entries.Single(e => e.Title == "Jane during").Via!.Role));
        Assert.Equal(("John Roe", "Teacher"), (entries[0].Via!.Name, entries[0].Via!.Role));
        Assert.Equal("Jane Doe", entries.Single(e => e.Title == "Book fair").Via!.Name);
        // The organization's own entries are not "via" anyone, even when the person was there too.
        Assert.Null(entries.Single(e => e.Title == "PTA meeting").Via);
        Assert.Null(entries.Single(e => e.Title == "Jane at the school itself").Via);

        // The whole timeline also lists the affiliations themselves.
        var all = await AllPagesAsync(app, sam, TimelineSubject.Organization(school.Id), new TimelineFilter(), 50);
        Assert.Equal(["Jane Doe left", "John Roe joined", "Jane Doe joined"], all.Where(e => e.Type == TimelineEntryType.Affiliations).Select(e => e.Title));
        Assert.Equal(new DateOnly(2025, 6, 30), all.Single(e => e.Kind == TimelineEntryKind.AffiliationEnded).Date);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PageAsync_Filters_TypeStaffDateRangeAndInitiator(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var ann = await app.CreateUserAsync("ann@library.test", Roles.Staff, "Ann Other");
        var moe = new Contact { FirstName = "Moe", DisplayName = "Moe Szyslak" };
        static DateTimeOffset Noon(int m, int d) => new(2025, m, d, 12, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(moe);
            db.Interactions.Add(Touch(moe.Id, null, Noon(1, 5), sam.Id, "Sam called", InitiatedBy.Library));
            db.Interactions.Add(Touch(moe.Id, null, Noon(2, 5), ann.Id, "Moe called Ann", InitiatedBy.Partner));
            db.Interactions.Add(Touch(moe.Id, null, Noon(3, 5), sam.Id, "Moe called Sam", InitiatedBy.Partner));
            var fair = Event("Fair", Noon(2, 20));
            fair.Contacts = [new() { ContactId = moe.Id }];
            fair.Staff = [new() { UserId = ann.Id }];
            db.OutreachEvents.Add(fair);
            db.FollowUps.Add(new FollowUp { Title = "Send flyer", DueDate = new DateOnly(2025, 3, 1), AssigneeId = sam.Id, ContactId = moe.Id });
            await db.SaveChangesAsync();
        });

        async Task<IEnumerable<string>> TitlesAsync(TimelineFilter filter) =>
            (await app.AsAsync<ITimelineService, TimelinePage>(sam, Roles.Staff, s => s.PageAsync(TimelineSubject.Contact(moe.Id), filter))).Entries.Select(e => e.Title);

        Assert.Equal(["Fair"], await TitlesAsync(new TimelineFilter { Types = new HashSet<TimelineEntryType> { TimelineEntryType.Events } }));
        Assert.Equal(["Moe called Sam", "Sam called"], await TitlesAsync(new TimelineFilter { StaffUserId = sam.Id, Types = new HashSet<TimelineEntryType> { TimelineEntryType.Interactions } }));
        Assert.Equal(["Fair", "Moe called Ann"], await TitlesAsync(new TimelineFilter { StaffUserId = ann.Id }));
        Assert.Equal(["Fair", "Moe called Ann"], await TitlesAsync(new TimelineFilter { From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 2, 28) }));
        // Who initiated applies to touches, so it leaves out the other entry types.
        Assert.Equal(["Moe called Sam", "Moe called Ann"], await TitlesAsync(new TimelineFilter { InitiatedBy = InitiatedBy.Partner }));
        Assert.Empty(await TitlesAsync(new TimelineFilter { Types = new HashSet<TimelineEntryType> { TimelineEntryType.CommitteeSeats } }));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PageAsync_NotesMergesAndImports_ComeFromTheAuditLogAndTheImportBatches(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var ned = new Contact { FirstName = "Ned", DisplayName = "Ned Flanders" };
        var batch = new ImportBatch { Kind = "contacts", FileName = "google.csv", Format = "google" };
        await app.WithDbAsync(async db =>
        {
            db.Contacts.Add(ned);
            db.ImportBatches.Add(batch);
            db.ImportBatchItems.Add(new ImportBatchItem { BatchId = batch.Id, EntityType = nameof(Contact), EntityId = ned.Id, Action = "Added" });
            await db.SaveChangesAsync();
            // Saved here by the system; an import is made by a staff member.
            await db.ImportBatches.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.CreatedById, sam.Id));
        });
        await app.WithDbAsync(async db =>
        {
            (await db.Contacts.SingleAsync(c => c.Id == ned.Id)).Notes = "Prefers mornings.";
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow.AddMinutes(1), UserId = sam.Id, UserName = "Sam Staff", Action = AuditActions.Merged, EntityType = nameof(Contact), EntityId = ned.Id.ToString(),
                Changes = """[{"field":"MergedFrom","old":null,"new":"N. Flanders (x)"}]""",
            });
            await db.SaveChangesAsync();
        });

        var entries = (await app.AsAsync<ITimelineService, TimelinePage>(sam, Roles.Staff, s => s.PageAsync(TimelineSubject.Contact(ned.Id), new TimelineFilter()))).Entries;

        Assert.Equal([TimelineEntryKind.Merge, TimelineEntryKind.Note, TimelineEntryKind.Import], entries.Select(e => e.Kind));
        Assert.Equal("Merged with N. Flanders (x)", entries[0].Title);
        Assert.Equal(["Sam Staff"], entries[0].Staff);
        Assert.Equal("Prefers mornings.", entries[1].Title);
        Assert.Equal(("From google.csv", "added"), (entries[2].Title, entries[2].Detail));
        Assert.Equal(["Sam Staff"], entries[2].Staff);
    }
}
