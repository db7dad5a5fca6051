using System.Text;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Staff;

public class StaffServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ListAsync_ReturnsAccountsWithRoleStatusAndOpenInvitations()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var supervisor = await app.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var gone = await app.CreateUserAsync("gone@library.test", Roles.Staff, "Gone Staff");
        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(gone.Id, None));
        await app.InviteAsync(admin, "new@library.test", Roles.Staff, "New Person");
        var revoked = await app.InviteAsync(admin, "revoked@library.test");
        await app.AsAsync<InvitationService>(admin, Roles.Admin, s => s.RevokeAsync(revoked.InvitationId, None));

        var overview = await app.AsAsync<StaffService, StaffOverview>(admin, Roles.Admin, s => s.ListAsync(None));

        Assert.Equal(["Ada Admin", "Sue Supervisor", "Gone Staff"], overview.Members.Select(m => m.DisplayName));
        var sue = overview.Members.Single(m => m.Id == supervisor.Id);
        Assert.Equal(("sue@library.test", Roles.Supervisor, true, (DateTimeOffset?)null), (sue.Email, sue.Role, sue.IsActive, sue.LastSignInAt));
        Assert.False(overview.Members.Single(m => m.Id == gone.Id).IsActive);
        var invitation = Assert.Single(overview.Invitations);
        Assert.Equal(("new@library.test", "New Person", Roles.Staff, false), (invitation.Email, invitation.DisplayName, invitation.Role, invitation.IsExpired));
        Assert.Equal(3, overview.Used); // two active accounts + one pending invitation
        Assert.Equal(12, overview.MaxAccounts);
        Assert.False(overview.EmailConfigured);
        Assert.Equal(admin.Id, overview.CurrentUserId);
    }

    [Fact]
    public async Task ChangeRoleAsync_ReplacesTheRoleAndRenewsTheSecurityStamp()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var stampBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.SecurityStamp).SingleAsync());

        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.ChangeRoleAsync(staff.Id, Roles.Supervisor, None));

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(staff.Id))!;
        Assert.Equal([Roles.Supervisor], await users.GetRolesAsync(user));
        Assert.NotEqual(stampBefore, user.SecurityStamp);

        // The change is in the audit log, attributed to the admin, with no secrets.
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == admin.Id).ToListAsync());
        Assert.Contains(audit, a => a.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal) && a.Action == AuditActions.Created && a.Changes.Contains("role-supervisor", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal) && a.Action == AuditActions.Deleted && a.Changes.Contains("role-staff", StringComparison.Ordinal));
        var allChanges = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Changes).ToListAsync());
        Assert.All(allChanges, c => Assert.DoesNotContain(user.PasswordHash!, c, StringComparison.Ordinal));
        Assert.All(allChanges, c => Assert.DoesNotContain(user.SecurityStamp!, c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Supervisor)]
    public async Task StaffChanges_ByNonAdmin_AreDenied(string role)
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        _ = await app.CreateAdminAsync();
        var caller = await app.CreateUserAsync("caller@library.test", role);
        var target = await app.CreateUserAsync("target@library.test", Roles.Staff);

        await using var scope = app.ScopeAs(caller, role);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ListAsync(None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ChangeRoleAsync(caller.Id, Roles.Admin, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.DeactivateAsync(target.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ReactivateAsync(target.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.CreatePasswordResetLinkAsync(target.Id, StaffTestExtensions.BaseUri, None));

        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([role], await users.GetRolesAsync((await users.FindByIdAsync(caller.Id))!));
        Assert.True((await users.FindByIdAsync(target.Id))!.IsActive);
    }

    [Fact]
    public async Task ChangeRoleAsync_LastActiveAdmin_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var inactiveAdmin = await app.CreateUserAsync("old-admin@library.test", Roles.Admin, "Old Admin");
        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(inactiveAdmin.Id, None));

        var ex = await Assert.ThrowsAsync<StaffValidationException>(() =>
            app.AsAsync<StaffService>(admin, Roles.Admin, s => s.ChangeRoleAsync(admin.Id, Roles.Staff, None)));

        Assert.Equal(StaffService.LastAdminMessage("Ada Admin"), ex.Message);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([Roles.Admin], await users.GetRolesAsync((await users.FindByIdAsync(admin.Id))!));
    }

    [Fact]
    public async Task ChangeRoleAsync_AdminWhenAnotherAdminIsActive_IsAllowed()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var second = await app.CreateUserAsync("second@library.test", Roles.Admin, "Second Admin");

        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.ChangeRoleAsync(second.Id, Roles.Staff, None));

        var overview = await app.AsAsync<StaffService, StaffOverview>(admin, Roles.Admin, s => s.ListAsync(None));
        Assert.Equal(Roles.Staff, overview.Members.Single(m => m.Id == second.Id).Role);
    }

    [Fact]
    public async Task DeactivateAsync_SetsInactiveRenewsStampAndBlocksSignIn()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var staff = await app.CreateUserAsync("sam@library.test", Roles.Staff, "Sam Staff");
        var stampBefore = staff.SecurityStamp;

        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(staff.Id, None));

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id));
        Assert.False(user.IsActive);
        Assert.NotNull(user.DeactivatedAt);
        Assert.NotEqual(stampBefore, user.SecurityStamp);

        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var result = await signIn.CheckPasswordSignInAsync((await signIn.UserManager.FindByIdAsync(staff.Id))!, OutreachAppFactory.DefaultPassword, lockoutOnFailure: false);
        Assert.False(result.Succeeded);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(StaffUser) && a.EntityId == staff.Id && a.Action == AuditActions.Updated).ToListAsync());
        Assert.Contains(audit, a => a.UserId == admin.Id && a.Changes.Contains("\"field\":\"IsActive\",\"old\":\"True\",\"new\":\"False\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeactivateAsync_OwnAccount_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        await app.CreateUserAsync("second@library.test", Roles.Admin, "Second Admin");

        var ex = await Assert.ThrowsAsync<StaffValidationException>(() =>
            app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(admin.Id, None)));

        Assert.Equal(StaffService.SelfDeactivationMessage, ex.Message);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task DeactivateAsync_LastActiveAdmin_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var supervisor = await app.CreateUserAsync("sue@library.test", Roles.Supervisor);

        // Only reachable by an admin principal whose account is not an active Admin any more (e.g. a stale page).
        var ex = await Assert.ThrowsAsync<StaffValidationException>(() =>
            app.AsAsync<StaffService>(supervisor, Roles.Admin, s => s.DeactivateAsync(admin.Id, None)));

        Assert.Equal(StaffService.LastAdminMessage("Ada Admin"), ex.Message);
    }

    [Fact]
    public async Task ReactivateAsync_WithinTheLimit_ActivatesAgain()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var staff = await app.CreateUserAsync("sam@library.test");
        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(staff.Id, None));

        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.ReactivateAsync(staff.Id, None));

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id));
        Assert.True(user.IsActive);
        Assert.Null(user.DeactivatedAt);
    }

    [Fact]
    public async Task ReactivateAsync_AtTheLimit_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Staff:MaxAccounts"] = "2" });
        var admin = await app.CreateAdminAsync();
        var staff = await app.CreateUserAsync("sam@library.test");
        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(staff.Id, None));
        await app.InviteAsync(admin, "new@library.test");

        var ex = await Assert.ThrowsAsync<StaffLimitReachedException>(() =>
            app.AsAsync<StaffService>(admin, Roles.Admin, s => s.ReactivateAsync(staff.Id, None)));

        Assert.Equal(StaffLimitReachedException.For(2).Message, ex.Message);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task CreatePasswordResetLinkAsync_LinkCodeResetsThePassword()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var staff = await app.CreateUserAsync("sam@library.test");

        var link = await app.AsAsync<StaffService, string>(admin, Roles.Admin, s => s.CreatePasswordResetLinkAsync(staff.Id, StaffTestExtensions.BaseUri, None));

        var uri = new Uri(link);
        Assert.Equal("http://outreach.test/account/reset-password", uri.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal(staff.Id, query["userId"].ToString());
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(query["code"].ToString()));

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(staff.Id))!;
        var reset = await users.ResetPasswordAsync(user, token, "a brand new passphrase");
        Assert.True(reset.Succeeded, string.Join("; ", reset.Errors.Select(e => e.Description)));
        Assert.True(await users.CheckPasswordAsync(user, "a brand new passphrase"));
    }

    [Fact]
    public async Task CreatePasswordResetLinkAsync_DeactivatedAccount_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var staff = await app.CreateUserAsync("sam@library.test");
        await app.AsAsync<StaffService>(admin, Roles.Admin, s => s.DeactivateAsync(staff.Id, None));

        await Assert.ThrowsAsync<StaffValidationException>(() =>
            app.AsAsync<StaffService, string>(admin, Roles.Admin, s => s.CreatePasswordResetLinkAsync(staff.Id, StaffTestExtensions.BaseUri, None)));
    }
}
