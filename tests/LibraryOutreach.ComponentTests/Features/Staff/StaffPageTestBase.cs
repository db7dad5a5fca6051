using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.ComponentTests.Features.Staff;

/// <summary>The staff page's services as honest fakes, a signed-in Admin, and a few sample rows.</summary>
public abstract class StaffPageTestBase : MudBunitTestBase
{
    internal const string AdminId = "user-admin";
    internal const string SamId = "user-sam";

    internal StaffPageTestBase()
    {
        StaffService = new FakeStaffService { CurrentUserId = AdminId };
        InvitationService = new FakeInvitationService(StaffService);
        Services.AddSingleton<IStaffService>(StaffService);
        Services.AddSingleton<IInvitationService>(InvitationService);
        Services.AddSingleton(Options.Create(new StaffOptions()));
        AuthorizeAsAdmin();
    }

    internal FakeStaffService StaffService { get; }

    internal FakeInvitationService InvitationService { get; }

    internal DateTimeOffset Now => Clock.Now;

    internal void AddSampleStaff()
    {
        StaffService.Members.Add(new StaffMemberRow(AdminId, "Ada Admin", "ada@library.test", Roles.Admin, true, Now.AddHours(-2), Now.AddDays(-30)));
        StaffService.Members.Add(new StaffMemberRow(SamId, "Sam Staff", "sam@library.test", Roles.Staff, true, null, Now.AddDays(-3)));
        StaffService.Members.Add(new StaffMemberRow("user-gone", "Gus Gone", "gus@library.test", Roles.Supervisor, false, Now.AddDays(-10), Now.AddDays(-60)));
    }

    internal InvitationRow AddSampleInvitation(string email = "kim@library.test", string name = "Kim New", bool expired = false)
    {
        var row = new InvitationRow(Guid.NewGuid(), email, name, Roles.Supervisor, Now.AddDays(-1), expired ? Now.AddDays(-1) : Now.AddDays(6), expired);
        StaffService.Invitations.Add(row);
        return row;
    }
}
