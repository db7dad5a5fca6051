using System.Security.Cryptography;
using System.Text;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Staff;

public class InvitationServiceTests
{
    [Fact]
    public async Task InviteAsync_ValidRequest_StoresPendingInvitationWithOnlyTheTokenHash()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var before = DateTimeOffset.UtcNow;

        var created = await app.InviteAsync(admin, " Sam@Library.test ", Roles.Supervisor, "Sam Supervisor");

        Assert.False(created.Emailed);
        Assert.Null(created.EmailError);
        Assert.StartsWith("http://outreach.test/account/accept-invitation?token=", created.Link, StringComparison.Ordinal);
        var token = StaffTestExtensions.TokenOf(created.Link);
        Assert.Equal(43, token.Length); // 32 random bytes, Base64Url without padding

        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal(created.InvitationId, invitation.Id);
        Assert.Equal("Sam@Library.test", invitation.Email);
        Assert.Equal("Sam Supervisor", invitation.DisplayName);
        Assert.Equal(Roles.Supervisor, invitation.Role);
        Assert.Equal(admin.Id, invitation.InvitedById);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), invitation.TokenHash);
        Assert.InRange(invitation.ExpiresAt, before.AddDays(7).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        Assert.Null(invitation.AcceptedAt);
        Assert.Null(invitation.RevokedAt);

        // No column of the stored row, and no audit entry, holds the token itself.
        var rowValues = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT * FROM \"Invitations\"";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }

            return values;
        });
        Assert.NotEmpty(rowValues);
        Assert.DoesNotContain(rowValues, v => v.Contains(token, StringComparison.Ordinal));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Invitation)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.Created, entry.Action);
        Assert.Equal(admin.Id, entry.UserId);
        Assert.DoesNotContain(token, entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(invitation.TokenHash, entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"TokenHash\",\"old\":null,\"new\":\"(hidden)\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptAsync_LinkToken_CreatesActiveAccountWithRoleAndMarksInvitationAccepted()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var created = await app.InviteAsync(admin, "sam@library.test", Roles.Supervisor, "Sam Supervisor");
        var token = StaffTestExtensions.TokenOf(created.Link);

        var preview = await app.FindPendingAsync(token);
        Assert.NotNull(preview);
        Assert.Equal("sam@library.test", preview.Email);
        Assert.Equal("Sam Supervisor", preview.DisplayName);
        Assert.Equal(Roles.Supervisor, preview.Role);

        var result = await app.AcceptAsync(token, "a long enough passphrase");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(result.UserId!);
        Assert.NotNull(user);
        Assert.Equal("sam@library.test", user.Email);
        Assert.Equal("Sam Supervisor", user.DisplayName);
        Assert.True(user.IsActive);
        Assert.Equal([Roles.Supervisor], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, "a long enough passphrase"));

        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.NotNull(invitation.AcceptedAt);
        Assert.Equal(user.Id, invitation.AcceptedUserId);
        Assert.Null(await app.FindPendingAsync(token));

        // The account's audit entry never shows the password hash.
        var userAudit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(StaffUser) && a.EntityId == user.Id).ToListAsync());
        Assert.NotEmpty(userAudit);
        Assert.All(userAudit, a => Assert.DoesNotContain(user.PasswordHash!, a.Changes, StringComparison.Ordinal));
        Assert.Contains(userAudit, a => a.Changes.Contains("\"field\":\"PasswordHash\",\"old\":null,\"new\":\"(hidden)\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptAsync_SecondTime_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var token = StaffTestExtensions.TokenOf((await app.InviteAsync(admin, "sam@library.test")).Link);
        Assert.True((await app.AcceptAsync(token)).Succeeded);

        var second = await app.AcceptAsync(token, "another long passphrase");

        Assert.False(second.Succeeded);
        Assert.Equal([InvitationService.InvalidLinkMessage], second.Errors);
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task AcceptAsync_Expired_IsRefused()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var token = StaffTestExtensions.TokenOf((await app.InviteAsync(admin, "sam@library.test")).Link);
        await app.WithDbAsync(async db =>
        {
            var invitation = await db.Invitations.SingleAsync();
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        Assert.Null(await app.FindPendingAsync(token));
        var result = await app.AcceptAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal([InvitationService.InvalidLinkMessage], result.Errors);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task AcceptAsync_Revoked_IsRefusedAndFreesItsPlace()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var created = await app.InviteAsync(admin, "sam@library.test");
        var token = StaffTestExtensions.TokenOf(created.Link);

        await app.AsAsync<InvitationService>(admin, Roles.Admin, s => s.RevokeAsync(created.InvitationId, CancellationToken.None));

        Assert.Null(await app.FindPendingAsync(token));
        var result = await app.AcceptAsync(token);
        Assert.False(result.Succeeded);
        Assert.Equal([InvitationService.InvalidLinkMessage], result.Errors);
        Assert.NotNull((await app.WithDbAsync(db => db.Invitations.SingleAsync())).RevokedAt);
        var overview = await app.AsAsync<StaffService, StaffOverview>(admin, Roles.Admin, s => s.ListAsync(CancellationToken.None));
        Assert.Empty(overview.Invitations);
        Assert.Equal(1, overview.Used);

        // Revoked invitations can't be resent; the person can be invited again.
        var resend = await Assert.ThrowsAsync<StaffValidationException>(() =>
            app.AsAsync<InvitationService, InvitationCreated>(admin, Roles.Admin, s => s.ResendAsync(created.InvitationId, StaffTestExtensions.BaseUri, CancellationToken.None)));
        Assert.Contains("revoked", resend.Message, StringComparison.Ordinal);
        await app.InviteAsync(admin, "sam@library.test");
    }

    [Fact]
    public async Task ResendAsync_IssuesNewToken_OldLinkStopsWorkingAndNewOneWorks()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var first = await app.InviteAsync(admin, "sam@library.test");
        var oldToken = StaffTestExtensions.TokenOf(first.Link);
        await app.WithDbAsync(async db =>
        {
            var invitation = await db.Invitations.SingleAsync();
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddDays(1);
            await db.SaveChangesAsync();
        });

        var second = await app.AsAsync<InvitationService, InvitationCreated>(admin, Roles.Admin,
            s => s.ResendAsync(first.InvitationId, StaffTestExtensions.BaseUri, CancellationToken.None));

        Assert.Equal(first.InvitationId, second.InvitationId);
        var newToken = StaffTestExtensions.TokenOf(second.Link);
        Assert.NotEqual(oldToken, newToken);
        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.True(invitation.ExpiresAt > DateTimeOffset.UtcNow.AddDays(6.9), "resending renews the expiry");

        Assert.Null(await app.FindPendingAsync(oldToken));
        Assert.False((await app.AcceptAsync(oldToken)).Succeeded);
        Assert.True((await app.AcceptAsync(newToken)).Succeeded);
    }

    [Fact]
    public async Task ResendAsync_ExpiredInvitation_RenewsIt()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var first = await app.InviteAsync(admin, "sam@library.test");
        await app.WithDbAsync(async db =>
        {
            (await db.Invitations.SingleAsync()).ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
        });

        var listed = await app.AsAsync<StaffService, StaffOverview>(admin, Roles.Admin, s => s.ListAsync(CancellationToken.None));
        Assert.True(Assert.Single(listed.Invitations).IsExpired);
        Assert.Equal(1, listed.Used);

        var renewed = await app.AsAsync<InvitationService, InvitationCreated>(admin, Roles.Admin,
            s => s.ResendAsync(first.InvitationId, StaffTestExtensions.BaseUri, CancellationToken.None));

        Assert.NotNull(await app.FindPendingAsync(StaffTestExtensions.TokenOf(renewed.Link)));
    }

    [Fact]
    public async Task InviteAsync_InvalidFields_ThrowsWithAMessagePerField()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<StaffValidationException>(() =>
            app.AsAsync<InvitationService, InvitationCreated>(admin, Roles.Admin,
                s => s.InviteAsync(new InviteStaffRequest("not-an-email", "  ", "Boss"), StaffTestExtensions.BaseUri, CancellationToken.None)));

        Assert.Equal(StaffValidation.EmailInvalid, ex.Errors[nameof(InviteStaffRequest.Email)]);
        Assert.Equal(StaffValidation.NameRequired, ex.Errors[nameof(InviteStaffRequest.DisplayName)]);
        Assert.Equal(StaffValidation.RoleInvalid, ex.Errors[nameof(InviteStaffRequest.Role)]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task InviteAsync_EmailOfAnAccountOrPendingInvitation_IsRefusedOnTheEmailField()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        await app.InviteAsync(admin, "sam@library.test");

        var account = await Assert.ThrowsAsync<StaffValidationException>(() => app.InviteAsync(admin, "ADMIN@library.test"));
        var pending = await Assert.ThrowsAsync<StaffValidationException>(() => app.InviteAsync(admin, "Sam@Library.Test"));

        Assert.Equal("There is already an account with this email address.", account.Errors[nameof(InviteStaffRequest.Email)]);
        Assert.Contains("already has a pending invitation", pending.Errors[nameof(InviteStaffRequest.Email)], StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Supervisor)]
    public async Task InvitationChanges_ByNonAdmin_AreDenied(string role)
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var created = await app.InviteAsync(admin, "sam@library.test");
        var other = await app.CreateUserAsync("other@library.test", role);

        await using var scope = app.ScopeAs(other, role);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            invitations.InviteAsync(new InviteStaffRequest("new@library.test", "New Person", Roles.Admin), StaffTestExtensions.BaseUri, CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => invitations.ResendAsync(created.InvitationId, StaffTestExtensions.BaseUri, CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => invitations.RevokeAsync(created.InvitationId, CancellationToken.None));

        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Null(invitation.RevokedAt);
    }

    [Fact]
    public async Task InviteAsync_Anonymous_IsDenied()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<InvitationService>()
            .InviteAsync(new InviteStaffRequest("new@library.test", "New Person", Roles.Admin), StaffTestExtensions.BaseUri, CancellationToken.None));
    }

    [Fact]
    public async Task InviteAsync_AtTheLimit_IsRefusedWithAClearMessage()
    {
        await using var app = await OutreachAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Staff:MaxAccounts"] = "3" });
        var admin = await app.CreateAdminAsync();
        await app.InviteAsync(admin, "one@library.test");
        await app.InviteAsync(admin, "two@library.test");

        var ex = await Assert.ThrowsAsync<StaffLimitReachedException>(() => app.InviteAsync(admin, "three@library.test"));

        Assert.Equal(StaffLimitReachedException.For(3).Message, ex.Message);
        Assert.Contains("3 active staff accounts and pending invitations", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task AcceptAsync_PasswordTooShortOrCommon_ReturnsErrorsAndInvitationStaysPending()
    {
        await using var app = await OutreachAppFactory.CreateAsync();
        var admin = await app.CreateAdminAsync();
        var token = StaffTestExtensions.TokenOf((await app.InviteAsync(admin, "sam@library.test")).Link);

        var tooShort = await app.AcceptAsync(token, "short");

        Assert.False(tooShort.Succeeded);
        Assert.NotEmpty(tooShort.Errors);
        Assert.DoesNotContain(InvitationService.InvalidLinkMessage, tooShort.Errors);
        Assert.NotNull(await app.FindPendingAsync(token));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.True((await app.AcceptAsync(token)).Succeeded);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AcceptAsync_SameTokenInParallel_CreatesExactlyOneAccount(DatabaseProvider provider)
    {
        await using var app = await OutreachAppFactory.CreateAsync(provider);
        var admin = await app.CreateAdminAsync();
        var token = StaffTestExtensions.TokenOf((await app.InviteAsync(admin, "sam@library.test")).Link);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => app.AcceptAsync(token))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([InvitationService.InvalidLinkMessage], r.Errors));
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.CountAsync()));
    }
}
