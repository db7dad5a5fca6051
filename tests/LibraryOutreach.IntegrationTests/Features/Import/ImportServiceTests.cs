using System.Text;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Import.Parsing;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Import;

public class ImportServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Dictionary<int, ImportAction> NoChoices = [];

    /// <summary>Google layout: row 1 new, row 2 duplicate of an existing contact by email, row 3 no name, row 4 bad email, row 5 new.</summary>
    private const string GoogleCsv =
        "First Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Notes\r\n" +
        "Tom,Nguyen,Chamber of Commerce,Director,* myContacts ::: Civic,Work,tom@chamber.example,Work,555-0200,\r\n" +
        "Maria,Lopez,Springfield Elementary,Principal,School partners,Work,MARIA.LOPEZ@springfield.k12.us,Mobile,555-0199,\"Met at the fair,\nsays hi\"\r\n" +
        ",,,,,Work,nobody@example.com,,,\r\n" +
        "Ana,Ruiz,,,,Work,ana(at)example.com,,,\r\n" +
        "Li,Wei,Chamber of Commerce,Treasurer,Civic,,li@example.org,,,\r\n";

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ImportAsync_GoogleContactsWithADuplicate_AddsMergesAndReportsErrors(DatabaseProvider provider)
    {
        await using var app = await ImportAppFactory.CreateAsync(provider);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var existing = await SeedMariaAsync(app);

        var result = await ImportAsync(app, staff, GoogleCsv, NoChoices);

        Assert.Equal(("google", 5, 2, 1, 2), (result.Format, result.RowCount, result.Added, result.Merged, result.Skipped));
        Assert.Equal([3, 4], result.Errors.Select(e => e.RowNumber));
        var contacts = await app.WithDbAsync(db => db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).ThenInclude(t => t.Tag)
            .Include(c => c.Affiliations).ThenInclude(a => a.Organization).AsSplitQuery().ToListAsync());
        Assert.Equal(["Li Wei", "Maria Lopez", "Tom Nguyen"], contacts.Select(c => c.DisplayName).Order(StringComparer.Ordinal));

        var tom = contacts.Single(c => c.DisplayName == "Tom Nguyen");
        Assert.Equal(("tom@chamber.example", "Work", true), (tom.Emails.Single().Address, tom.Emails.Single().Label, tom.Emails.Single().IsPrimary));
        Assert.Equal(("555-0200", "5550200"), (tom.Phones.Single().Number, tom.Phones.Single().Normalized));
        Assert.Equal(["Civic"], tom.Tags.Select(t => t.Tag!.Name));
        Assert.Equal(("Chamber of Commerce", "Director"), (tom.Affiliations.Single().Organization!.Name, tom.Affiliations.Single().Role));
        var li = contacts.Single(c => c.DisplayName == "Li Wei");
        Assert.Equal(tom.Affiliations.Single().OrganizationId, li.Affiliations.Single().OrganizationId); // one organization, found by name

        var maria = contacts.Single(c => c.Id == existing);
        Assert.Equal("Principal", maria.Title); // empty field filled
        Assert.Equal((staff.Id, app.Clock.Now), (maria.UpdatedById, maria.UpdatedAt)); // stamped as changed by the import
        Assert.Equal("Existing notes", maria.Notes); // filled field kept
        Assert.Single(maria.Emails); // same email, not added twice
        Assert.Equal(["555-0100", "555-0199"], maria.Phones.Select(p => p.Number).Order(StringComparer.Ordinal));
        Assert.Equal(["School partners"], maria.Tags.Select(t => t.Tag!.Name));
        Assert.Equal("Springfield Elementary", maria.Affiliations.Single().Organization!.Name); // the existing organization

        var batch = await app.WithDbAsync(db => db.ImportBatches.Include(b => b.Items).SingleAsync());
        Assert.Equal((result.BatchId, "contacts", "google.csv", 5, 2, 1, 2), (batch.Id, batch.Kind, batch.FileName, batch.RowCount, batch.AddedCount, batch.MergedCount, batch.SkippedCount));
        Assert.Equal(staff.Id, batch.CreatedById);
        var merged = Assert.Single(batch.Items, i => i.Action == ImportService.Merged);
        Assert.Equal((ImportService.ContactEntity, existing), (merged.EntityType, merged.EntityId));
        Assert.Contains("555-0100", merged.PreviousState, StringComparison.Ordinal);
        Assert.Equal(2, batch.Items.Count(i => i.EntityType == ImportService.ContactEntity && i.Action == ImportService.Added));
        Assert.Single(batch.Items, i => i.EntityType == ImportService.OrganizationEntity); // the chamber was created; the school existed
    }

    [Fact]
    public async Task ImportAsync_AuditsTheImportAndNewTags_NotEachRecordItWrote()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await SeedMariaAsync(app);
        var before = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Id).ToListAsync());

        var result = await ImportAsync(app, staff, GoogleCsv, NoChoices);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => !before.Contains(a.Id)).ToListAsync());
        var batch = Assert.Single(entries, e => e.EntityType == nameof(ImportBatch));
        Assert.Equal((AuditActions.Created, result.BatchId.ToString(), staff.Id), (batch.Action, batch.EntityId, batch.UserId));
        Assert.Contains("\"field\":\"AddedCount\",\"old\":null,\"new\":\"2\"", batch.Changes, StringComparison.Ordinal);
        var tagNames = await app.WithDbAsync(db => db.Tags.ToDictionaryAsync(t => t.Id.ToString(), t => t.Name));
        Assert.Equal(["Civic", "School partners"], entries.Where(e => e.EntityType == nameof(Tag)).Select(e => tagNames[e.EntityId]).Order(StringComparer.Ordinal));
        Assert.Equal(3, entries.Count); // no entry per contact, email, phone, tag link, affiliation or organization: the batch lists those
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UndoAsync_AfterImport_RemovesWhatWasAddedAndRestoresMergedRecordsOnly(DatabaseProvider provider)
    {
        await using var app = await ImportAppFactory.CreateAsync(provider);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var maria = await SeedMariaAsync(app);
        var bystander = await app.WithDbAsync(async db =>
        {
            var contact = new Contact { FirstName = "Bea", LastName = "Stander", DisplayName = "Bea Stander", Title = "Clerk" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
        var before = await SnapshotAsync(app);
        var result = await ImportAsync(app, staff, GoogleCsv, NoChoices);

        await using (var scope = app.ScopeAs(staff, Roles.Staff))
        {
            await scope.ServiceProvider.GetRequiredService<ImportService>().UndoAsync(result.BatchId!.Value, None);
        }

        Assert.Equal(before, await SnapshotAsync(app));
        var batch = await app.WithDbAsync(db => db.ImportBatches.SingleAsync());
        Assert.Equal((app.Clock.Now, staff.Id), (batch.UndoneAt, batch.UndoneById));
        Assert.True(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == bystander && c.Title == "Clerk")));
        Assert.True(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == maria && c.Title == null)));

        await using var again = app.ScopeAs(staff, Roles.Staff);
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => again.ServiceProvider.GetRequiredService<ImportService>().UndoAsync(batch.Id, None));
        Assert.Contains("already undone", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoAsync_AfterThirtyDays_IsRefusedWithAClearMessage()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var result = await ImportAsync(app, staff, GoogleCsv, NoChoices);
        app.Clock.Now = app.Clock.Now.AddDays(30).AddMinutes(1);

        await using var scope = app.ScopeAs(staff, Roles.Staff);
        var service = scope.ServiceProvider.GetRequiredService<ImportService>();
        Assert.False((await service.ListBatchesAsync(10, None)).Single().CanUndo);
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => service.UndoAsync(result.BatchId!.Value, None));

        Assert.Equal("Imports can be undone for 30 days. This one was made on 2 March 2026; change the records by hand instead.", refused.Message);
        Assert.Equal(3, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task UndoAsync_WhenAnAddedContactIsNowInTheOutreachLog_IsRefusedAndNothingIsRemoved()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var result = await ImportAsync(app, staff, GoogleCsv, NoChoices);
        await app.WithDbAsync(async db =>
        {
            var tom = await db.Contacts.SingleAsync(c => c.DisplayName == "Tom Nguyen");
            db.Interactions.Add(new Interaction { OccurredAt = app.Clock.Now, StaffUserId = staff.Id, ContactId = tom.Id, Summary = "Coffee with Tom" });
            await db.SaveChangesAsync();
        });

        await using var scope = app.ScopeAs(staff, Roles.Staff);
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => scope.ServiceProvider.GetRequiredService<ImportService>().UndoAsync(result.BatchId!.Value, None));

        Assert.Equal(
            "Records this import added now appear 1 time(s) in the outreach log, so undoing it would delete history. Archive those records instead.",
            refused.Message);
        Assert.Equal(3, await app.WithDbAsync(db => db.Contacts.CountAsync()));
        Assert.Null(await app.WithDbAsync(db => db.ImportBatches.Select(b => b.UndoneAt).SingleAsync()));
    }

    [Fact]
    public async Task UndoAsync_SomeoneElsesImportAsStaff_IsDenied()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var result = await ImportAsync(app, sam, GoogleCsv, NoChoices);

        await using var scope = app.ScopeAs(kim, Roles.Staff);
        await Assert.ThrowsAsync<LibraryOutreach.Web.Infrastructure.Auth.AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<ImportService>().UndoAsync(result.BatchId!.Value, None));
    }

    [Fact]
    public async Task PreviewAsync_ReportsRowsErrorsAndDuplicatesAndWritesNothing()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var maria = await SeedMariaAsync(app);
        var before = await SnapshotAsync(app);

        await using var scope = app.ScopeAs(staff, Roles.Staff);
        var preview = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .PreviewAsync(new MemoryStream(Encoding.UTF8.GetBytes(GoogleCsv)), "google.csv", ImportKind.Contacts, null, None);

        Assert.Equal(("google", "UTF-8", false, 5), (preview.Format, preview.EncodingName, preview.NeedsMapping, preview.TotalRows));
        Assert.Equal([1, 2, 3, 4, 5], preview.FirstRows.Select(r => r.RowNumber));
        Assert.Equal([3, 4], preview.ErrorRows.Select(r => r.RowNumber));
        var duplicate = Assert.Single(preview.DuplicateRows);
        Assert.Equal((2, maria, ImportAction.Merge), (duplicate.RowNumber, duplicate.Duplicate!.ExistingId, duplicate.SuggestedAction));
        Assert.Equal("Same email: maria.lopez@springfield.k12.us", duplicate.Duplicate.Reason);
        Assert.Equal(2, preview.NewCount);
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.False(await app.WithDbAsync(db => db.ImportBatches.AnyAsync()));
    }

    [Fact]
    public async Task ImportAsync_ChoicesSkipAndCreate_AreFollowed()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        await SeedMariaAsync(app);

        var result = await ImportAsync(app, staff, GoogleCsv, new Dictionary<int, ImportAction> { [1] = ImportAction.Skip, [2] = ImportAction.Create });

        Assert.Equal((2, 0, 3), (result.Added, result.Merged, result.Skipped));
        Assert.Equal(2, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.DisplayName == "Maria Lopez")));
        Assert.False(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.DisplayName == "Tom Nguyen")));
    }

    [Fact]
    public async Task ImportAsync_SamePersonTwiceInTheFile_MergesTheSecondRowIntoTheFirst()
    {
        await using var app = await ImportAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        const string csv = "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\nKim,Park,kim@example.org,\nKim,Park,KIM@example.org,555-0400\n";

        var result = await ImportAsync(app, staff, csv, NoChoices);

        Assert.Equal((1, 1), (result.Added, result.Merged));
        var kim = await app.WithDbAsync(db => db.Contacts.Include(c => c.Phones).SingleAsync());
        Assert.Equal("555-0400", kim.Phones.Single().Number);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ImportAsync_Organizations_MatchesByNameOrEmailDomainAndUndoRestores(DatabaseProvider provider)
    {
        await using var app = await ImportAppFactory.CreateAsync(provider);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var rotary = await app.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = "Springfield Rotary", TypeId = OtherTypeId, EmailDomains = ["rotary.example"] };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        const string csv = "Name,Type,Website,Email,Phone,Address,Notes,Email domains\n" +
            "Rotary Club of Springfield,Civic group,https://rotary.example,info@rotary.example,555-0500,,,rotary.example\n" +
            "Springfield Elementary,School,,,,1 School Rd,,springfield.k12.us\n" +
            "Mystery Org,Unknown type,,,,,,\n";
        var before = await SnapshotAsync(app);

        var result = await ImportAsync(app, staff, csv, NoChoices, ImportKind.Organizations, "orgs.csv");

        Assert.Equal(("simple", 2, 1, 0), (result.Format, result.Added, result.Merged, result.Skipped));
        var organizations = await app.WithDbAsync(db => db.Organizations.Include(o => o.Type).ToListAsync());
        var merged = organizations.Single(o => o.Id == rotary);
        Assert.Equal(("Springfield Rotary", "https://rotary.example", "5550500"), (merged.Name, merged.Website, merged.PhoneNormalized));
        var school = organizations.Single(o => o.Name == "Springfield Elementary");
        Assert.Equal("School", school.Type!.Name);
        Assert.Equal(["springfield.k12.us"], school.EmailDomains);
        Assert.Equal("Other", organizations.Single(o => o.Name == "Mystery Org").Type!.Name);

        await using var scope = app.ScopeAs(staff, Roles.Staff);
        await scope.ServiceProvider.GetRequiredService<ImportService>().UndoAsync(result.BatchId!.Value, None);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    private static readonly Guid OtherTypeId = LibraryOutreach.Data.Configurations.OrganizationTypeConfiguration.Defaults.Single(d => d.Name == "Other").Id;

    internal static async Task<ImportResult> ImportAsync(
        ImportAppFactory app,
        StaffUser user,
        string csv,
        IReadOnlyDictionary<int, ImportAction> choices,
        ImportKind kind = ImportKind.Contacts,
        string fileName = "google.csv")
    {
        await using var scope = app.ScopeAs(user, Roles.Staff);
        return await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), fileName, kind, null, choices, None);
    }

    /// <summary>An existing "Maria Lopez" with an email, a phone and notes, affiliated with nothing; and her school.</summary>
    private static Task<Guid> SeedMariaAsync(ImportAppFactory app) => app.WithDbAsync(async db =>
    {
        db.Organizations.Add(new Organization { Name = "Springfield Elementary", TypeId = OtherTypeId });
        var contact = new Contact
        {
            FirstName = "Maria",
            LastName = "Lopez",
            DisplayName = "Maria Lopez",
            Notes = "Existing notes",
            Emails = [new ContactEmail { Address = "maria.lopez@springfield.k12.us", NormalizedAddress = "maria.lopez@springfield.k12.us", IsPrimary = true }],
            Phones = [new ContactPhone { Number = "555-0100", Normalized = "5550100", IsPrimary = true }],
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    });

    /// <summary>Every contact and organization field, email, phone, tag link and affiliation, as text to compare.</summary>
    private static Task<string> SnapshotAsync(ImportAppFactory app) => app.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        foreach (var c in (await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).AsSplitQuery().ToListAsync()).OrderBy(c => c.Id))
        {
            text.AppendLine($"C {c.Id} {c.FirstName}|{c.LastName}|{c.DisplayName}|{c.Title}|{c.Notes}");
            text.AppendLine("  E " + string.Join(",", c.Emails.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Address}:{e.Label}:{e.IsPrimary}")));
            text.AppendLine("  P " + string.Join(",", c.Phones.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Number}:{p.Normalized}:{p.IsPrimary}")));
            text.AppendLine("  T " + string.Join(",", c.Tags.Select(t => t.TagId).Order()));
        }

        foreach (var o in (await db.Organizations.Include(o => o.Tags).ToListAsync()).OrderBy(o => o.Id))
        {
            text.AppendLine($"O {o.Id} {o.Name}|{o.TypeId}|{o.Website}|{o.Email}|{o.Phone}|{o.PhoneNormalized}|{o.Address}|{o.Notes}|{string.Join(";", o.EmailDomains)}");
        }

        foreach (var a in (await db.Affiliations.ToListAsync()).OrderBy(a => a.Id))
        {
            text.AppendLine($"A {a.Id} {a.ContactId} {a.OrganizationId} {a.Role}");
        }

        return text.ToString();
    });
}
