using System.Text.Json;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Audit;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.Organizations;

public class OrganizationMergeServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 14, 30, 0, TimeSpan.Zero);
    private static readonly Guid School = OrganizationTypeConfiguration.Defaults[0].Id;
    private static readonly Guid Nonprofit = OrganizationTypeConfiguration.Defaults[2].Id;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MergeAsync_DuplicateWithOverlaps_MovesPeopleSeatsTagsOwnersAndDomainsOnce(DatabaseProvider provider)
    {
        await using var app = await AuditAppFactory.CreateAsync(provider, Now);
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var lee = await app.CreateUserAsync("lee@library.test", Roles.Staff, "Lee Staff");
        var youth = new Tag { Name = "Youth", Color = "#aa3300" };
        var literacy = new Tag { Name = "Literacy", Color = "#003366" };
        var edna = new Contact { FirstName = "Edna", LastName = "Krabappel", DisplayName = "Edna Krabappel" };
        var seymour = new Contact { FirstName = "Seymour", LastName = "Skinner", DisplayName = "Seymour Skinner" };
        await app.WithDbAsync(async db =>
        {
            db.Tags.AddRange(youth, literacy);
            db.Contacts.AddRange(edna, seymour);
            await db.SaveChangesAsync();
        });
        var survivorId = await app.AsAsync<OrganizationService, Guid>(ada, Roles.Admin, s => s.CreateAsync(new OrganizationInput
        {
            Name = "Springfield Elementary",
            TypeId = School,
            Level = PartnershipLevel.FormalPartner,
            EmailDomains = ["springfield.k12.us"],
            Notes = "Main office on Plympton St.",
            OwnerId = ada.Id,
            CoOwnerIds = [kim.Id],
            TagIds = [youth.Id],
        }));
        var duplicateId = await app.AsAsync<OrganizationService, Guid>(ada, Roles.Admin, s => s.CreateAsync(new OrganizationInput
        {
            Name = "Springfield Elem.",
            TypeId = Nonprofit,
            Level = PartnershipLevel.Contact,
            Website = "https://springfield.k12.us",
            EmailDomains = ["Springfield.k12.us", "elementary.springfield.org"],
            Phone = "(555) 010-0199",
            Address = "19 Plympton St",
            Notes = "Use the side door.",
            OwnerId = sam.Id,
            CoOwnerIds = [kim.Id, lee.Id],
            TagIds = [youth.Id, literacy.Id],
        }));
        await app.WithDbAsync(async db =>
        {
            db.Affiliations.Add(new Affiliation { ContactId = edna.Id, OrganizationId = survivorId, Role = "Teacher" });
            db.Affiliations.Add(new Affiliation { ContactId = edna.Id, OrganizationId = duplicateId, Role = "teacher", StartDate = new DateOnly(2015, 9, 1) });
            db.Affiliations.Add(new Affiliation { ContactId = seymour.Id, OrganizationId = duplicateId, Role = "Principal" });
            db.CommitteeSeats.Add(new CommitteeSeat { StaffUserId = kim.Id, OrganizationId = survivorId, Role = "PTA liaison", TermStart = new DateOnly(2025, 1, 1) });
            db.CommitteeSeats.Add(new CommitteeSeat { StaffUserId = kim.Id, OrganizationId = duplicateId, Role = "PTA liaison", TermStart = new DateOnly(2025, 1, 1) });
            db.CommitteeSeats.Add(new CommitteeSeat { StaffUserId = sam.Id, OrganizationId = duplicateId, Role = "Reading council", MeetingCadence = "monthly" });
            await db.SaveChangesAsync();
        });

        var opened = await app.AsAsync<OrganizationService, OrganizationDetail>(ada, Roles.Admin, s => s.GetAsync(survivorId));
        var preview = await app.AsAsync<OrganizationMergeService, MergeSummary>(ada, Roles.Admin, s => s.PreviewAsync(survivorId, duplicateId));
        var merged = await app.AsAsync<OrganizationMergeService, MergeSummary>(ada, Roles.Admin, s => s.MergeAsync(survivorId, opened.Version, duplicateId, preview.Duplicate.Version));

        Assert.True(opened.CanMerge);
        Assert.Equal(
            [
                new MergeCount("Affiliations", 1, 2, 1),
                new MergeCount("Committee seats", 1, 2, 1),
                new MergeCount("Tags", 1, 2, 1),
                new MergeCount("Owner and co-owners", 2, 3, 2),
                new MergeCount("Email domains", 1, 2, 1),
            ],
            preview.Counts);
        Assert.Equal(["Website", "Phone", "Address"], preview.FilledFields);
        Assert.Equal(preview.Counts, merged.Counts);

        var survivor = await app.AsAsync<OrganizationService, OrganizationDetail>(ada, Roles.Admin, s => s.GetAsync(survivorId));
        Assert.Equal(("Springfield Elementary", "School", PartnershipLevel.FormalPartner), (survivor.Name, survivor.TypeName, survivor.Level));
        Assert.Equal(["springfield.k12.us", "elementary.springfield.org"], survivor.EmailDomains);
        Assert.Equal(("https://springfield.k12.us", "(555) 010-0199", "19 Plympton St"), (survivor.Website, survivor.Phone, survivor.Address));
        Assert.Equal("5550100199", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == survivorId).Select(o => o.PhoneNormalized).SingleAsync()));
        Assert.Equal("Main office on Plympton St.\n\n--- Notes merged from Springfield Elem. on 2026-03-15 ---\nUse the side door.", survivor.Notes);
        Assert.Equal(new StaffRef(ada.Id, "Ada Admin"), survivor.Owner);
        Assert.Equal(["Kim Staff", "Lee Staff", "Sam Staff"], survivor.CoOwners.Select(c => c.DisplayName));
        Assert.Equal(["Literacy", "Youth"], survivor.Tags.Select(t => t.Name));
        Assert.Equal(
            [("Edna Krabappel", "Teacher", new DateOnly(2015, 9, 1)), ("Seymour Skinner", "Principal", (DateOnly?)null)],
            survivor.Affiliations.Select(a => (a.ContactName, a.Role, a.StartDate)));
        Assert.Equal(["Kim Staff: PTA liaison", "Sam Staff: Reading council"], survivor.CommitteeSeats.Select(s => $"{s.StaffName}: {s.Role}"));

        var duplicate = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == duplicateId));
        Assert.Equal((survivorId, true), (duplicate.MergedIntoId, duplicate.IsArchived));
        Assert.Empty(duplicate.EmailDomains);
        Assert.Equal(0, await app.WithDbAsync(db => db.Affiliations.CountAsync(a => a.OrganizationId == duplicateId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.CommitteeSeats.CountAsync(s => s.OrganizationId == duplicateId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganizationTags.CountAsync(t => t.OrganizationId == duplicateId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganizationCoOwners.CountAsync(c => c.OrganizationId == duplicateId)));
        Assert.Equal(2, await app.WithDbAsync(db => db.OrganizationTags.CountAsync(t => t.OrganizationId == survivorId)));
        Assert.Equal(
            ["Edna Krabappel"],
            (await app.AsAsync<AffiliationService, IReadOnlyList<AffiliationView>>(sam, Roles.Staff, s => s.ListForContactAsync(edna.Id))).Select(a => a.ContactName));

        var list = await app.AsAsync<OrganizationService, OrganizationListResult>(sam, Roles.Staff, s => s.ListAsync(new OrganizationQuery { IncludeArchived = true }));
        Assert.Equal([survivorId], list.Rows.Select(r => r.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => app.AsAsync<OrganizationService, OrganizationDetail>(sam, Roles.Staff, s => s.GetAsync(duplicateId)));
        Assert.Equal(new MergedInto(survivorId, "Springfield Elementary"), await app.AsAsync<OrganizationMergeService, MergedInto?>(sam, Roles.Staff, s => s.FindSurvivorAsync(duplicateId)));

        var audit = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Merged).ToListAsync()));
        Assert.Equal((nameof(Organization), survivorId.ToString(), "Ada Admin", Now), (audit.EntityType, audit.EntityId, audit.UserName, audit.At));
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(audit.Changes, JsonOptions)!;
        Assert.Equal(new AuditChange("MergedFrom", null, $"Springfield Elem. ({duplicateId})"), changes[0]);
        Assert.Contains(new AuditChange("Committee seats", null, "1 moved"), changes);
    }

    [Fact]
    public async Task MergeAsync_DuplicateOwnerWhenSurvivorHasNone_BecomesTheOwnerNotACoOwner()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var survivorId = await app.AsAsync<OrganizationService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(new OrganizationInput { Name = "Food Bank", TypeId = Nonprofit, CoOwnerIds = [kim.Id] }));
        var duplicateId = await app.AsAsync<OrganizationService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(new OrganizationInput { Name = "Springfield Food Bank", TypeId = Nonprofit, OwnerId = kim.Id }));
        var preview = await app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));

        await app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, preview.Survivor.Version, duplicateId, preview.Duplicate.Version));

        var survivor = await app.AsAsync<OrganizationService, OrganizationDetail>(sue, Roles.Supervisor, s => s.GetAsync(survivorId));
        Assert.Equal(new StaffRef(kim.Id, "Kim Staff"), survivor.Owner);
        Assert.Empty(survivor.CoOwners);
        Assert.Equal(["Owner"], preview.FilledFields);
        Assert.Equal(new MergeCount("Owner and co-owners", 1, 1, 0), preview.Counts.Single(c => c.Label == "Owner and co-owners"));
    }

    [Fact]
    public async Task MergeAsync_StaffSelfMergedOrStale_IsRefusedAndNothingMoves()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var survivorId = await app.AsAsync<OrganizationService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new OrganizationInput { Name = "Chamber of Commerce", TypeId = Nonprofit, TagIds = [] }));
        var duplicateId = await app.AsAsync<OrganizationService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new OrganizationInput { Name = "Springfield Chamber", TypeId = Nonprofit, EmailDomains = ["chamber.example"] }));
        var thirdId = await app.AsAsync<OrganizationService, Guid>(sam, Roles.Staff, s => s.CreateAsync(new OrganizationInput { Name = "Chamber (old)", TypeId = Nonprofit }));
        var staffView = await app.AsAsync<OrganizationService, OrganizationDetail>(sam, Roles.Staff, s => s.GetAsync(survivorId));
        var duplicateView = await app.AsAsync<OrganizationService, OrganizationDetail>(sam, Roles.Staff, s => s.GetAsync(duplicateId));

        var staff = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.AsAsync<OrganizationMergeService, MergeSummary>(sam, Roles.Staff, s => s.MergeAsync(survivorId, staffView.Version, duplicateId, duplicateView.Version)));
        Assert.Equal(OrganizationMergeService.NotAllowed, staff.Message);
        Assert.False(staffView.CanMerge);
        var self = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, survivorId)));
        Assert.Equal(RecordMerging.IntoItself, self.Errors[RecordMerging.DuplicateKey]);

        var edit = duplicateView.ToInput();
        edit.Phone = "555-0100";
        await app.AsAsync<OrganizationService>(sam, Roles.Staff, s => s.UpdateAsync(duplicateId, edit, duplicateView.Version));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, staffView.Version, duplicateId, duplicateView.Version)));
        Assert.Equal("Sam Staff changed Springfield Chamber after you opened the merge. Nothing was merged: check the summary and confirm again.", stale.Message);
        Assert.Null(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == duplicateId).Select(o => o.MergedIntoId).SingleAsync()));
        Assert.Equal(["chamber.example"], await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == duplicateId).Select(o => o.EmailDomains).SingleAsync()));

        var fresh = await app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(survivorId, duplicateId));
        await app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.MergeAsync(survivorId, fresh.Survivor.Version, duplicateId, fresh.Duplicate.Version));
        var already = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(thirdId, duplicateId)));
        Assert.Equal("Springfield Chamber was already merged into Chamber of Commerce. There is nothing left to merge.", already.Errors[RecordMerging.DuplicateKey]);
        var intoMerged = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<OrganizationMergeService, MergeSummary>(sue, Roles.Supervisor, s => s.PreviewAsync(duplicateId, thirdId)));
        Assert.StartsWith("Springfield Chamber was itself merged into Chamber of Commerce.", intoMerged.Errors[""], StringComparison.Ordinal);
    }
}
