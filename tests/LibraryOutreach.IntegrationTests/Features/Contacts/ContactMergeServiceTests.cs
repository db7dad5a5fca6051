using System.Text.Json;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Audit;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Contacts;

public class ContactMergeServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 14, 30, 0, TimeSpan.Zero);
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static ContactInput Person(string first, string last, string? email = null, string? phone = null) => new()
    {
        FirstName = first,
        LastName = last,
        Emails = email is null ? [] : [new ContactEmailInput { Address = email }],
        Phones = phone is null ? [] : [new ContactPhoneInput { Number = phone }],
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MergeAsync_DuplicateInTheOutreachLog_MovesItsInteractionsFollowUpsAndEventsOncePerEvent(DatabaseProvider provider)
    {
        await using var app = await AuditAppFactory.CreateAsync(provider, Now);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var survivorId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Marge", "Simpson")));
        var duplicateId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Marjorie", "Simpson")));
        var townMeeting = new OutreachEvent { Title = "Town meeting", TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = new(2026, 3, 2), EndDate = new(2026, 3, 2) };
        var bookFair = new OutreachEvent { Title = "Book fair", TypeId = EventTypeConfiguration.Defaults[2].Id, StartDate = new(2026, 3, 9), EndDate = new(2026, 3, 9) };
        townMeeting.Contacts.AddRange([new() { ContactId = survivorId }, new() { ContactId = duplicateId }]);
        bookFair.Contacts.Add(new() { ContactId = duplicateId });
        var call = new Interaction { OccurredAt = Now, Channel = ContactChannel.Phone, InitiatedBy = InitiatedBy.Partner, StaffUserId = sue.Id, ContactId = duplicateId, Summary = "Asked about the fair" };
        var followUp = new FollowUp { Title = "Send the flyer", DueDate = new(2026, 3, 20), AssigneeId = sue.Id, ContactId = duplicateId };
        await app.WithDbAsync(async db =>
        {
            db.OutreachEvents.AddRange(townMeeting, bookFair);
            db.Interactions.Add(call);
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync();
        });

        var preview = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        Assert.Equal(0, await app.WithDbAsync(db => db.Interactions.CountAsync(i => i.ContactId == survivorId)));
        var merged = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, preview.Survivor.Version, duplicateId, preview.Duplicate.Version));

        // The survivor attended the town meeting already: one link stays; the book fair, the call and the follow-up move.
        Assert.Equal(new MergeCount("Outreach log entries", 1, 4, 3), merged.Counts.Single(c => c.Label == "Outreach log entries"));
        Assert.Equal(preview.Counts, merged.Counts);
        var attendance = await app.WithDbAsync(db => db.OutreachEventContacts.OrderBy(l => l.EventId).Select(l => new { l.EventId, l.ContactId }).ToListAsync());
        Assert.Equal([(townMeeting.Id, survivorId), (bookFair.Id, survivorId)], attendance.Select(a => (a.EventId, a.ContactId)).OrderBy(a => a.EventId == bookFair.Id));
        Assert.Equal(survivorId, await app.WithDbAsync(db => db.Interactions.Where(i => i.Id == call.Id).Select(i => i.ContactId).SingleAsync()));
        Assert.Equal(survivorId, await app.WithDbAsync(db => db.FollowUps.Where(f => f.Id == followUp.Id).Select(f => f.ContactId).SingleAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MergeAsync_DuplicateWithOverlaps_MovesEverythingOnceAndArchivesTheDuplicate(DatabaseProvider provider)
    {
        await using var app = await AuditAppFactory.CreateAsync(provider, Now);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var parents = new Tag { Name = "Parents", Color = "#aa0000" };
        var volunteers = new Tag { Name = "Volunteers", Color = "#00aa00" };
        var donors = new Tag { Name = "Donors", Color = "#0000aa" };
        var school = new Organization { Name = "Springfield Elementary", TypeId = School };
        var board = new Organization { Name = "Library Board", TypeId = School };
        var foodBank = new Organization { Name = "Food Bank", TypeId = School };
        await app.WithDbAsync(async db =>
        {
            db.Tags.AddRange(parents, volunteers, donors);
            db.Organizations.AddRange(school, board, foodBank);
            await db.SaveChangesAsync();
        });

        var survivorInput = Person("Marge", "Simpson", "marge@example.org", "555-0100");
        survivorInput.TagIds = [parents.Id, volunteers.Id];
        survivorInput.Notes = "Met at the PTA.";
        var survivorId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(survivorInput));
        var duplicateInput = new ContactInput
        {
            FirstName = "Marjorie",
            LastName = "Simpson",
            Title = "PTA treasurer",
            Emails = [new() { Address = "MARGE@Example.org", Label = "Home" }, new() { Address = "pta@springfield.k12.us", IsPrimary = true }],
            Phones = [new() { Number = "555 0100" }, new() { Number = "(555) 0199", Label = "Mobile" }],
            PreferredChannel = ContactChannel.Email,
            OwnerId = kim.Id,
            TagIds = [volunteers.Id, donors.Id],
            Notes = "Prefers email.",
        };
        var duplicateId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(duplicateInput));
        await app.WithDbAsync(async db =>
        {
            db.Affiliations.Add(new Affiliation { ContactId = survivorId, OrganizationId = school.Id, Role = "PTA chair" });
            db.Affiliations.Add(new Affiliation { ContactId = duplicateId, OrganizationId = school.Id, Role = "pta chair", StartDate = new DateOnly(2020, 9, 1) });
            db.Affiliations.Add(new Affiliation { ContactId = duplicateId, OrganizationId = board.Id, Role = "Member" });
            db.Affiliations.Add(new Affiliation { ContactId = duplicateId, OrganizationId = foodBank.Id, Role = "Volunteer", EndDate = new DateOnly(2019, 6, 30) });
            await db.SaveChangesAsync();
        });

        var opened = await app.AsAsync<ContactService, ContactDetail>(sue, Roles.Supervisor, s => s.GetAsync(survivorId));
        var preview = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        var merged = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, opened.Version, duplicateId, preview.Duplicate.Version));

        Assert.True(opened.CanMerge);
        Assert.Equal(("Marge Simpson", "Marjorie Simpson"), (preview.Survivor.Name, preview.Duplicate.Name));
        Assert.Equal(
            [new MergeCount("Affiliations", 1, 3, 2), new MergeCount("Tags", 2, 2, 1), new MergeCount("Emails", 1, 2, 1), new MergeCount("Phones", 1, 2, 1)],
            preview.Counts);
        Assert.Equal(["Title", "Preferred channel", "Owner"], preview.FilledFields);
        Assert.True(preview.NotesAppended);
        Assert.Equal(preview.Counts, merged.Counts);
        Assert.NotEqual(opened.Version, merged.Survivor.Version);

        var survivor = await app.AsAsync<ContactService, ContactDetail>(sue, Roles.Supervisor, s => s.GetAsync(survivorId));
        Assert.Equal(survivor.Version, merged.Survivor.Version);
        Assert.Equal([new ContactEmailView("marge@example.org", null, true), new ContactEmailView("pta@springfield.k12.us", null, false)], survivor.Emails);
        Assert.Equal([new ContactPhoneView("555-0100", null, true), new ContactPhoneView("(555) 0199", "Mobile", false)], survivor.Phones);
        Assert.Equal(["Donors", "Parents", "Volunteers"], survivor.Tags.Select(t => t.Name));
        Assert.Equal(("Marge Simpson", "PTA treasurer", ContactChannel.Email, kim.Id), (survivor.DisplayName, survivor.Title, survivor.PreferredChannel, survivor.OwnerId));
        Assert.Equal("Met at the PTA.\n\n--- Notes merged from Marjorie Simpson on 2026-03-15 ---\nPrefers email.", survivor.Notes);
        var current = survivor.Affiliations.Where(a => a.IsCurrent).OrderBy(a => a.OrganizationName).Select(a => (a.OrganizationName, a.Role, a.StartDate)).ToList();
        Assert.Equal([("Library Board", "Member", null), ("Springfield Elementary", "PTA chair", new DateOnly(2020, 9, 1))], current);
        Assert.Equal(("Food Bank", new DateOnly(2019, 6, 30)), survivor.Affiliations.Where(a => !a.IsCurrent).Select(a => (a.OrganizationName, a.EndDate)).Single());

        var duplicate = await app.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == duplicateId));
        Assert.Equal((survivorId, true, Now), (duplicate.MergedIntoId, duplicate.IsArchived, duplicate.ArchivedAt));
        Assert.Equal(0, await app.WithDbAsync(db => db.ContactEmails.CountAsync(e => e.ContactId == duplicateId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ContactPhones.CountAsync(p => p.ContactId == duplicateId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ContactTags.CountAsync(t => t.ContactId == duplicateId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Affiliations.CountAsync(a => a.ContactId == duplicateId)));
        Assert.Equal(3, await app.WithDbAsync(db => db.ContactTags.CountAsync(t => t.ContactId == survivorId)));
        Assert.Equal(3, await app.WithDbAsync(db => db.Affiliations.CountAsync(a => a.ContactId == survivorId)));

        var everyone = await app.AsAsync<ContactService, ContactResults>(kim, Roles.Staff, s => s.ListAsync(new ContactQuery { IncludeArchived = true }));
        Assert.Equal([survivorId], everyone.Rows.Select(r => r.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => app.AsAsync<ContactService, ContactDetail>(kim, Roles.Staff, s => s.GetAsync(duplicateId)));
        Assert.Equal(new MergedInto(survivorId, "Marge Simpson"), await app.AsAsync<ContactMergeService, MergedInto?>(kim, Roles.Staff, s => s.FindSurvivorAsync(duplicateId)));
        Assert.Null(await app.AsAsync<ContactMergeService, MergedInto?>(kim, Roles.Staff, s => s.FindSurvivorAsync(survivorId)));
    }

    [Fact]
    public async Task MergeAsync_WritesOneMergedAuditEntryOnTheSurvivorBesidesTheFieldChanges()
    {
        await using var app = await AuditAppFactory.CreateAsync(DatabaseProvider.Sqlite, Now);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var survivorId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Marge", "Simpson", "marge@example.org")));
        var duplicateInput = Person("Marjorie", "Simpson", "pta@springfield.k12.us");
        duplicateInput.Title = "PTA treasurer";
        var duplicateId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(duplicateInput));
        var preview = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Merged)));

        await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, preview.Survivor.Version, duplicateId, preview.Duplicate.Version));

        var merged = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Merged).ToListAsync()));
        Assert.Equal((nameof(Contact), survivorId.ToString(), sue.Id, "Sue Supervisor", Now), (merged.EntityType, merged.EntityId, merged.UserId, merged.UserName, merged.At));
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(merged.Changes, JsonOptions)!;
        Assert.Contains(new AuditChange("MergedFrom", null, $"Marjorie Simpson ({duplicateId})"), changes);
        Assert.Contains(new AuditChange("Emails", null, "1 moved"), changes);
        Assert.Contains(new AuditChange("FilledFromDuplicate", null, "Title"), changes);
        var survivorUpdate = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Contact) && a.EntityId == survivorId.ToString() && a.Action == AuditActions.Updated));
        Assert.Contains("PTA treasurer", survivorUpdate.Changes, StringComparison.Ordinal);
        var duplicateUpdate = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Contact) && a.EntityId == duplicateId.ToString() && a.Action == AuditActions.Updated));
        Assert.Contains("\"mergedIntoId\"", duplicateUpdate.Changes, StringComparison.OrdinalIgnoreCase);

        // The survivor's page history (readable by any staff member), newest first: the field changes and the merge of the same save, then the creation.
        var history = await app.AsAsync<AuditService, IReadOnlyList<AuditRow>>(kim, Roles.Staff, s => s.ListForRecordAsync(nameof(Contact), survivorId, CancellationToken.None));
        Assert.Equal([AuditActions.Updated, AuditActions.Merged, AuditActions.Created], history.Select(h => h.Action));
        Assert.Contains(history[1].Changes, c => c.Field == "MergedFrom" && c.New == $"Marjorie Simpson ({duplicateId})");
    }

    [Fact]
    public async Task MergeAsync_IntoItselfOrFromOrIntoAMergedContact_IsRefusedWithAClearMessage()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var a = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Apu", "Nahasapeemapetilon")));
        var b = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Apu", "N.")));
        var c = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("A.", "Nahasapeemapetilon")));
        var d = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Manjula", "Nahasapeemapetilon")));
        Task<MergeSummary> Preview(Guid survivor, Guid duplicate) => app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivor, duplicate));
        async Task<MergeSummary> Merge(Guid survivor, Guid duplicate)
        {
            var summary = await Preview(survivor, duplicate);
            return await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivor, summary.Survivor.Version, duplicate, summary.Duplicate.Version));
        }

        var self = await Assert.ThrowsAsync<RecordValidationException>(() => Preview(a, a));
        Assert.Equal(RecordMerging.IntoItself, self.Errors[RecordMerging.DuplicateKey]);
        var version = (await app.AsAsync<ContactService, ContactDetail>(sue, Roles.Supervisor, s => s.GetAsync(a))).Version;
        await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(a, version, a, version)));

        await Merge(a, b);
        var staleVersionOfB = await app.WithDbAsync(db => db.Contacts.Where(x => x.Id == b).Select(x => x.Version).SingleAsync());
        var duplicateMerged = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(c, Guid.Empty, b, staleVersionOfB)));
        Assert.Equal("Apu N. was already merged into Apu Nahasapeemapetilon. There is nothing left to merge.", duplicateMerged.Errors[RecordMerging.DuplicateKey]);
        var survivorMerged = await Assert.ThrowsAsync<RecordValidationException>(() => Preview(b, c));
        Assert.Equal(
            "Apu N. was itself merged into Apu Nahasapeemapetilon. Open Apu Nahasapeemapetilon and merge into it instead.",
            survivorMerged.Errors[""]);
        Assert.Null(await app.WithDbAsync(db => db.Contacts.Where(x => x.Id == c).Select(x => x.MergedIntoId).SingleAsync()));

        // A contact merged into the duplicate earlier follows it to the new survivor.
        await Merge(d, a);
        Assert.Equal(d, await app.WithDbAsync(db => db.Contacts.Where(x => x.Id == b).Select(x => x.MergedIntoId).SingleAsync()));
        Assert.Equal(new MergedInto(d, "Manjula Nahasapeemapetilon"), await app.AsAsync<ContactMergeService, MergedInto?>(sue, Roles.Supervisor, s => s.FindSurvivorAsync(b)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Preview(d, Guid.CreateVersion7()));
    }

    [Fact]
    public async Task MergeAsync_StaffMember_IsRefusedEvenForTheirOwnContacts()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var survivorId = await app.AsAsync<ContactService, Guid>(kim, Roles.Staff, s => s.CreateAsync(Person("Ned", "Flanders", "ned@leftorium.com")));
        var duplicateId = await app.AsAsync<ContactService, Guid>(kim, Roles.Staff, s => s.CreateAsync(Person("Nedward", "Flanders", "ned@church.org")));
        var survivor = await app.AsAsync<ContactService, ContactDetail>(kim, Roles.Staff, s => s.GetAsync(survivorId));
        var duplicate = await app.AsAsync<ContactService, ContactDetail>(kim, Roles.Staff, s => s.GetAsync(duplicateId));

        var preview = await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<ContactMergeService, MergeSummary>(kim, Roles.Staff, s => s.PreviewAsync(survivorId, duplicateId)));
        var merge = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync<ContactMergeService, MergeSummary>(kim, Roles.Staff, s => s.MergeAsync(survivorId, survivor.Version, duplicateId, duplicate.Version)));

        Assert.True(survivor.CanEdit);
        Assert.False(survivor.CanMerge);
        Assert.Equal(ContactMergeService.NotAllowed, preview.Message);
        Assert.Equal(ContactMergeService.NotAllowed, merge.Message);
        Assert.Null(await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == duplicateId).Select(c => c.MergedIntoId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.ContactEmails.CountAsync(e => e.ContactId == survivorId)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MergeAsync_EitherContactChangedSinceTheSummary_IsRefusedAndNothingMoves(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var survivorId = await app.AsAsync<ContactService, Guid>(kim, Roles.Staff, s => s.CreateAsync(Person("Edna", "Krabappel", "edna@springfield.k12.us")));
        var duplicateId = await app.AsAsync<ContactService, Guid>(kim, Roles.Staff, s => s.CreateAsync(Person("Edna", "K.", "edna@home.example")));
        var seen = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));

        var duplicateEdit = (await app.AsAsync<ContactService, ContactDetail>(kim, Roles.Staff, s => s.GetAsync(duplicateId))).ToInput();
        duplicateEdit.Title = "Teacher";
        await app.AsAsync<ContactService>(kim, Roles.Staff, s => s.UpdateAsync(duplicateId, duplicateEdit, seen.Duplicate.Version));
        var duplicateChanged = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, seen.Survivor.Version, duplicateId, seen.Duplicate.Version)));
        Assert.Equal("Kim Staff changed Edna K. after you opened the merge. Nothing was merged: check the summary and confirm again.", duplicateChanged.Message);

        var again = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        var survivorEdit = (await app.AsAsync<ContactService, ContactDetail>(kim, Roles.Staff, s => s.GetAsync(survivorId))).ToInput();
        survivorEdit.Emails.Add(new ContactEmailInput { Address = "ek@example.org" });
        await app.AsAsync<ContactService>(kim, Roles.Staff, s => s.UpdateAsync(survivorId, survivorEdit, again.Survivor.Version));
        var survivorChanged = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, again.Survivor.Version, duplicateId, again.Duplicate.Version)));
        Assert.Contains("Edna Krabappel", survivorChanged.Message, StringComparison.Ordinal);

        Assert.Null(await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == duplicateId).Select(c => c.MergedIntoId).SingleAsync()));
        Assert.Equal(["edna@home.example"], await app.WithDbAsync(db => db.ContactEmails.Where(e => e.ContactId == duplicateId).Select(e => e.Address).ToListAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Merged)));

        var fresh = await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        await app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, fresh.Survivor.Version, duplicateId, fresh.Duplicate.Version));
        Assert.Equal(3, await app.WithDbAsync(db => db.ContactEmails.CountAsync(e => e.ContactId == survivorId)));
    }

    [Fact]
    public async Task MergeAsync_CombinedNotesTooLong_IsRefusedBeforeAnythingMoves()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var survivorInput = Person("Moe", "Szyslak");
        survivorInput.Notes = new string('a', FieldLimits.Notes - 100);
        var duplicateInput = Person("Moe", "S.", "moe@tavern.example");
        duplicateInput.Notes = new string('b', 200);
        var survivorId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(survivorInput));
        var duplicateId = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(duplicateInput));

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<ContactMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId)));

        Assert.StartsWith("Together the notes would be", error.Errors[""], StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ContactEmails.CountAsync(e => e.ContactId == duplicateId)));
    }
}
