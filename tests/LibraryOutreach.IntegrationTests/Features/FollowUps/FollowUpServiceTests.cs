using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Features.Staff;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.IntegrationTests.Features.FollowUps;

/// <summary>FollowUpService on both providers: permissions, done/undone, concurrency, deleted links, audit.</summary>
public class FollowUpServiceTests
{
    private static DateOnly Today => LibraryTime.Today(TimeProvider.System);

    private static FollowUpInput Task(string title, DateOnly? due, string? assignee, Guid? contactId = null) =>
        new() { Title = title, DueDate = due, AssigneeId = assignee, ContactId = contactId };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Permissions_StaffChangeOnlyTheirOwnOrAssigned_SupervisorsChangeAnyone(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");

        // Sam creates one for Tia: both may change it; a third staff member may not.
        var forTia = await app.AsAsync<FollowUpService, Guid>(sam, Roles.Staff, s => s.CreateAsync(Task("Send the flyer", Today, tia.Id)));
        var bySue = await app.AsAsync<FollowUpService, Guid>(sue, Roles.Supervisor, s => s.CreateAsync(Task("Call the principal", Today.AddDays(3), sue.Id)));

        var tiaView = await app.AsAsync<FollowUpService, FollowUpView>(tia, Roles.Staff, s => s.GetAsync(forTia));
        Assert.True(tiaView.CanEdit);
        await app.AsAsync<FollowUpService>(tia, Roles.Staff, s => s.SetDoneAsync(forTia, true, tiaView.Version));

        var samView = await app.AsAsync<FollowUpService, FollowUpView>(sam, Roles.Staff, s => s.GetAsync(bySue));
        Assert.False(samView.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<FollowUpService>(sam, Roles.Staff, s => s.SetDoneAsync(bySue, true, samView.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<FollowUpService>(sam, Roles.Staff, s => s.DeleteAsync(bySue, samView.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync<FollowUpService, FollowUpResults>(sam, Roles.Staff, s => s.ListAllAsync(new FollowUpQuery())));

        // The supervisor changes Sam's and Tia's, and sees everyone's.
        var done = await app.AsAsync<FollowUpService, FollowUpView>(sue, Roles.Supervisor, s => s.GetAsync(forTia));
        Assert.Equal((FollowUpState.Done, "Tia Staff"), (done.State, done.DoneByName));
        await app.AsAsync<FollowUpService>(sue, Roles.Supervisor, s => s.SetDoneAsync(forTia, false, done.Version));
        var all = await app.AsAsync<FollowUpService, FollowUpResults>(sue, Roles.Supervisor, s => s.ListAllAsync(new FollowUpQuery()));
        Assert.Equal(2, all.Total);
        var tias = await app.AsAsync<FollowUpService, FollowUpResults>(sue, Roles.Supervisor, s => s.ListAllAsync(new FollowUpQuery(tia.Id, FollowUpStateFilter.DueToday)));
        Assert.Equal(["Send the flyer"], tias.Rows.Select(r => r.Title));

        var reopened = await app.WithDbAsync(db => db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == forTia));
        Assert.Equal((null, null), (reopened.DoneAt, reopened.DoneById));
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FollowUp) && a.EntityId == forTia.ToString()));
        Assert.True(audited >= 3, $"create, done and undone are audited (saw {audited})");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task UpdateAsync_StaleVersion_IsRefusedWithTheOtherChangeAndNothingSaved(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var sue = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var id = await app.AsAsync<FollowUpService, Guid>(sam, Roles.Staff, s => s.CreateAsync(Task("Send the flyer", Today, sam.Id)));
        var opened = await app.AsAsync<FollowUpService, FollowUpView>(sam, Roles.Staff, s => s.GetAsync(id));

        await app.AsAsync<FollowUpService>(sue, Roles.Supervisor, s => s.UpdateAsync(id, Task("Send the flyer and the poster", Today, sam.Id), opened.Version));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.AsAsync<FollowUpService>(sam, Roles.Staff, s => s.UpdateAsync(id, Task("Email the flyer", Today.AddDays(1), sam.Id), opened.Version)));
        Assert.Equal("Sue Supervisor", conflict.ChangedBy);
        Assert.Contains(conflict.Differences, d => d is { Field: "Title", TheirValue: "Send the flyer and the poster", YourValue: "Email the flyer" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsAsync<FollowUpService>(sam, Roles.Staff, s => s.SetDoneAsync(id, true, opened.Version)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsAsync<FollowUpService>(sam, Roles.Staff, s => s.DeleteAsync(id, opened.Version)));

        var stored = await app.WithDbAsync(db => db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal(("Send the flyer and the poster", Today, null), (stored.Title, stored.DueDate, stored.DoneAt));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateAsync_MissingFieldsOrADeletedContact_ReportsEachFieldAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");

        var missing = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<FollowUpService, Guid>(sam, Roles.Staff, s => s.CreateAsync(Task(" ", null, null))));
        Assert.Equal(
            new Dictionary<string, string> { ["Title"] = FollowUpRules.TitleRequired, ["DueDate"] = FollowUpRules.DueDateRequired, ["AssigneeId"] = FollowUpRules.AssigneeRequired },
            missing.Errors);
        var gone = await Assert.ThrowsAsync<RecordValidationException>(() =>
            app.AsAsync<FollowUpService, Guid>(sam, Roles.Staff, s => s.CreateAsync(Task("Call back", Today, sam.Id, Guid.CreateVersion7()))));
        Assert.Equal(FollowUpService.ContactGone, gone.Errors["ContactId"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.FollowUps.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListMineAndCountDue_OrderOverdueTodayUpcoming_HideDone_CountOnlyDueAndOverdue(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var sam = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var tia = await app.CreateUserAsync("tia@library.test", Roles.Staff, "Tia Staff");
        async Task<Guid> Add(string title, int days, StaffUser who) =>
            await app.AsAsync<FollowUpService, Guid>(sam, Roles.Staff, s => s.CreateAsync(Task(title, Today.AddDays(days), who.Id)));
        await Add("Next week", 7, sam);
        await Add("Today", 0, sam);
        await Add("Long overdue", -10, sam);
        await Add("Yesterday", -1, sam);
        await Add("Tia's", -1, tia);
        var finished = await Add("Finished", -2, sam);
        await app.AsAsync<FollowUpService>(sam, Roles.Staff, async s => await s.SetDoneAsync(finished, true, (await s.GetAsync(finished)).Version));

        var mine = await app.AsAsync<FollowUpService, IReadOnlyList<FollowUpView>>(sam, Roles.Staff, s => s.ListMineAsync());
        var count = await app.AsAsync<FollowUpService, int>(sam, Roles.Staff, s => s.CountDueAsync());
        var withDone = await app.AsAsync<FollowUpService, IReadOnlyList<FollowUpView>>(sam, Roles.Staff, s => s.ListMineAsync(includeDone: true));

        Assert.Equal(["Long overdue", "Yesterday", "Today", "Next week"], mine.Select(f => f.Title));
        Assert.Equal([FollowUpState.Overdue, FollowUpState.Overdue, FollowUpState.DueToday, FollowUpState.Upcoming], mine.Select(f => f.State));
        Assert.Equal(3, count);
        Assert.Equal("Finished", withDone[^1].Title);
    }
}
