using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Contacts;

public class ContactServiceTests
{
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
    public async Task CreateAsync_ThenGet_RoundTripsWithNormalisedEmailsAndPhones(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var input = new ContactInput
        {
            FirstName = "  Marge ",
            LastName = "Simpson",
            Title = "PTA chair",
            Emails = [new() { Address = "Marge@Example.ORG ", Label = "Home" }, new() { Address = "pta@springfield.k12.us", IsPrimary = true }],
            Phones = [new() { Number = "(555) 010-0199 ext 4", Label = "Mobile" }],
            PreferredChannel = ContactChannel.Email,
            OwnerId = staff.Id,
            Notes = "<script>alert(1)</script>\nLikes mornings",
        };

        var id = await app.AsAsync<ContactService, Guid>(staff, Roles.Staff, s => s.CreateAsync(input));
        var detail = await app.AsAsync<ContactService, ContactDetail>(staff, Roles.Staff, s => s.GetAsync(id));

        Assert.Equal(("Marge", "Simpson", "Marge Simpson", "PTA chair"), (detail.FirstName, detail.LastName, detail.DisplayName, detail.Title));
        Assert.Equal([new ContactEmailView("pta@springfield.k12.us", null, true), new ContactEmailView("Marge@Example.ORG", "Home", false)], detail.Emails);
        Assert.Equal([new ContactPhoneView("(555) 010-0199 ext 4", "Mobile", true)], detail.Phones);
        Assert.Equal((ContactChannel.Email, staff.Id, "Sam Staff"), (detail.PreferredChannel, detail.OwnerId, detail.OwnerName));
        Assert.Equal("<script>alert(1)</script>\nLikes mornings", detail.Notes);
        Assert.True(detail.CanEdit);
        Assert.False(detail.CanDelete);
        var stored = await app.WithDbAsync(db => db.ContactEmails.Where(e => e.ContactId == id).OrderBy(e => e.NormalizedAddress).Select(e => e.NormalizedAddress).ToListAsync());
        Assert.Equal(["marge@example.org", "pta@springfield.k12.us"], stored);
        Assert.Equal("5550100199", await app.WithDbAsync(db => db.ContactPhones.Where(p => p.ContactId == id).Select(p => p.Normalized).SingleAsync()));
    }

    [Fact]
    public async Task CreateAsync_InvalidFields_ReportsAMessagePerField()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var input = new ContactInput
        {
            Title = new string('t', FieldLimits.Name + 1),
            Emails = [new() { Address = "not-an-email" }, new() { Address = "a@b.org" }, new() { Address = "A@B.org" }],
            Phones = [new() { Number = "call me" }],
        };

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => app.AsAsync<ContactService, Guid>(staff, Roles.Staff, s => s.CreateAsync(input)));

        Assert.Equal(ContactValidation.NameRequired, error.Errors["FirstName"]);
        Assert.Equal("Title can be at most 200 characters.", error.Errors["Title"]);
        Assert.Equal(ContactValidation.EmailInvalid, error.Errors["Emails[0]"]);
        Assert.False(error.Errors.ContainsKey("Emails[1]"));
        Assert.Equal(ContactValidation.EmailDuplicate, error.Errors["Emails[2]"]);
        Assert.Equal(ContactValidation.PhoneNoDigits, error.Errors["Phones[0]"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task CreateAsync_FirstNameTooLong_SaysTheLimit()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");

        var error = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<ContactService, Guid>(staff, Roles.Staff, s => s.CreateAsync(Person(new string('x', FieldLimits.PersonName + 1), "Simpson"))));

        Assert.Equal("First name can be at most 100 characters.", Assert.Single(error.Errors).Value);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListAsync_FiltersByTagOrganizationAndEmailPrefix(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tag = new Tag { Name = "Parents", Color = "#aa0000" };
        var school = new Organization { Name = "Springfield Elementary", TypeId = OrganizationTypeConfiguration.Defaults[0].Id };
        await app.WithDbAsync(async db =>
        {
            db.Tags.Add(tag);
            db.Organizations.Add(school);
            await db.SaveChangesAsync();
        });
        var marge = Person("Marge", "Simpson", "marge@example.org", "555 0100");
        marge.TagIds = [tag.Id];
        var margeId = await app.AsAsync<ContactService, Guid>(staff, Roles.Staff, s => s.CreateAsync(marge));
        var ned = await app.AsAsync<ContactService, Guid>(staff, Roles.Staff, s => s.CreateAsync(Person("Ned", "Flanders", "ned@leftorium.com")));
        var edna = await app.AsAsync<ContactService, Guid>(staff, Roles.Staff, s => s.CreateAsync(Person("Edna", "Krabappel", "edna@springfield.k12.us")));
        await app.WithDbAsync(async db =>
        {
            db.Affiliations.Add(new Affiliation { ContactId = edna, OrganizationId = school.Id, Role = "Teacher" });
            db.Affiliations.Add(new Affiliation { ContactId = ned, OrganizationId = school.Id, EndDate = new DateOnly(2020, 1, 1) });
            db.Contacts.Add(new Contact { FirstName = "Merged", LastName = "Away", DisplayName = "Merged Away", MergedIntoId = margeId });
            await db.SaveChangesAsync();
        });

        Task<ContactResults> List(ContactQuery q) => app.AsAsync<ContactService, ContactResults>(staff, Roles.Staff, s => s.ListAsync(q));

        var all = await List(new ContactQuery());
        Assert.Equal(["Ned Flanders", "Edna Krabappel", "Marge Simpson"], all.Rows.Select(r => r.DisplayName));
        Assert.Equal(3, all.Total);
        var byTag = await List(new ContactQuery { TagId = tag.Id });
        var row = Assert.Single(byTag.Rows);
        Assert.Equal(("marge@example.org", "555 0100", "Parents", "#aa0000"), (row.PrimaryEmail, row.PrimaryPhone, row.Tags.Single().Name, row.Tags.Single().Color));
        var byOrganization = await List(new ContactQuery { OrganizationId = school.Id });
        Assert.Equal(["Edna Krabappel"], byOrganization.Rows.Select(r => r.DisplayName));
        Assert.Equal(["Springfield Elementary"], byOrganization.Rows.Single().Organizations);
        Assert.Equal(["Ned Flanders"], (await List(new ContactQuery { Text = "NED@LEFT" })).Rows.Select(r => r.DisplayName));
        Assert.Equal(["Marge Simpson"], (await List(new ContactQuery { Text = "5550" })).Rows.Select(r => r.DisplayName));
        Assert.Equal(["Edna Krabappel"], (await List(new ContactQuery { Text = "kra" })).Rows.Select(r => r.DisplayName));
        Assert.Empty((await List(new ContactQuery { Text = "%" })).Rows);
        var page = await List(new ContactQuery { Sort = ContactSort.Name, Descending = true, PageSize = 2, Page = 1 });
        Assert.Equal((3, "Ned Flanders"), (page.Total, page.Rows.Single().DisplayName));
        Assert.Equal("Edna Krabappel", (await List(new ContactQuery { Sort = ContactSort.Organization, Descending = true })).Rows[0].DisplayName);

        // The export takes every match, on every page, with the same filters.
        Task<IReadOnlyList<Guid>> Ids(ContactQuery q) => app.AsAsync<ContactService, IReadOnlyList<Guid>>(staff, Roles.Staff, s => s.ListIdsAsync(q));
        Assert.Equal([ned, edna, margeId], await Ids(new ContactQuery { PageSize = 1 }));
        Assert.Equal([edna], await Ids(new ContactQuery { OrganizationId = school.Id }));
        Assert.Equal([margeId], await Ids(new ContactQuery { TagId = tag.Id }));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task UpdateAsync_StaleVersion_IsRefusedWithTheirChangesAndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Supervisor, "Sam Supervisor");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var id = await app.AsAsync<ContactService, Guid>(sam, Roles.Supervisor, s => s.CreateAsync(Person("Marge", "Simpson", "marge@example.org")));
        var opened = await app.AsAsync<ContactService, ContactDetail>(sam, Roles.Supervisor, s => s.GetAsync(id));

        var first = opened.ToInput();
        first.Title = "PTA chair";
        first.Emails.Add(new ContactEmailInput { Address = "pta@example.org" });
        await app.AsAsync<ContactService>(sue, Roles.Supervisor, s => s.UpdateAsync(id, first, opened.Version));
        var second = opened.ToInput();
        second.Title = "Treasurer";

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<ContactService>(sam, Roles.Supervisor, s => s.UpdateAsync(id, second, opened.Version)));

        Assert.Equal("Sue Supervisor", conflict.ChangedBy);
        Assert.Equal(
            [new FieldDifference("Title", "PTA chair", "Treasurer"), new FieldDifference("Emails", "marge@example.org, pta@example.org", "marge@example.org")],
            conflict.Differences);
        var saved = await app.AsAsync<ContactService, ContactDetail>(sam, Roles.Supervisor, s => s.GetAsync(id));
        Assert.Equal("PTA chair", saved.Title);
        Assert.Equal(2, saved.Emails.Count);
        Assert.NotEqual(opened.Version, saved.Version);

        // An edit of emails only still moves the version on, so the stale copy can't overwrite it either.
        var emailsOnly = saved.ToInput();
        emailsOnly.Emails.RemoveAt(1);
        await app.AsAsync<ContactService>(sue, Roles.Supervisor, s => s.UpdateAsync(id, emailsOnly, saved.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<ContactService>(sam, Roles.Supervisor, s => s.ArchiveAsync(id, saved.Version)));
    }

    [Fact]
    public async Task UpdateAsync_StaffEditOwnButNotOthers_SupervisorEditsAny()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var kim = await app.CreateUserAsync("kim@library.test", Roles.Staff, "Kim Staff");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var id = await app.AsAsync<ContactService, Guid>(sam, Roles.Staff, s => s.CreateAsync(Person("Marge", "Simpson")));
        var detail = await app.AsAsync<ContactService, ContactDetail>(kim, Roles.Staff, s => s.GetAsync(id));
        Assert.False(detail.CanEdit);

        var edit = detail.ToInput();
        edit.Title = "Kim's edit";
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<ContactService>(kim, Roles.Staff, s => s.UpdateAsync(id, edit, detail.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<ContactService>(kim, Roles.Staff, s => s.ArchiveAsync(id, detail.Version)));

        edit.Title = "Sam's edit";
        await app.AsAsync<ContactService>(sam, Roles.Staff, s => s.UpdateAsync(id, edit, detail.Version));
        var afterSam = await app.AsAsync<ContactService, ContactDetail>(sue, Roles.Supervisor, s => s.GetAsync(id));
        await app.AsAsync<ContactService>(sue, Roles.Supervisor, s => s.ArchiveAsync(id, afterSam.Version));

        var archived = await app.AsAsync<ContactService, ContactDetail>(sam, Roles.Staff, s => s.GetAsync(id));
        Assert.Equal(("Sam's edit", true), (archived.Title, archived.IsArchived));
        Assert.Empty((await app.AsAsync<ContactService, ContactResults>(sam, Roles.Staff, s => s.ListAsync(new ContactQuery()))).Rows);
        Assert.Single((await app.AsAsync<ContactService, ContactResults>(sam, Roles.Staff, s => s.ListAsync(new ContactQuery { IncludeArchived = true }))).Rows);
        await app.AsAsync<ContactService>(sam, Roles.Staff, s => s.RestoreAsync(id, archived.Version));
        Assert.False((await app.AsAsync<ContactService, ContactDetail>(sam, Roles.Staff, s => s.GetAsync(id))).IsArchived);
    }

    [Fact]
    public async Task DeleteAsync_OnlyAdmins_AndEveryChangeIsAudited()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var ada = await app.CreateUserAsync("ada@library.test", Roles.Admin, "Ada Admin");
        var id = await app.AsAsync<ContactService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Person("Marge", "Simpson", "marge@example.org")));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<ContactService>(sue, Roles.Supervisor, s => s.DeleteAsync(id)));
        await app.AsAsync<ContactService>(ada, Roles.Admin, s => s.DeleteAsync(id));

        Assert.False(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == id)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => app.AsAsync<ContactService, ContactDetail>(ada, Roles.Admin, s => s.GetAsync(id)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Contact) && a.EntityId == id.ToString()).Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.Created && a.UserName == "Sue Supervisor");
        Assert.Contains(audit, a => a.Action == AuditActions.Deleted && a.UserName == "Ada Admin");
    }

    [Fact]
    public async Task Reads_RequireASignedInStaffMember()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ContactService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new ContactQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(Person("A", "B")));
    }
}
