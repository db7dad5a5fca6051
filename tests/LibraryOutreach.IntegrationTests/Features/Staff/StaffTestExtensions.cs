using LibraryOutreach.Data.Entities;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Staff;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Staff;

/// <summary>Short-hands for calling the staff services the way the pages do: as an admin, or anonymously.</summary>
internal static class StaffTestExtensions
{
    public const string BaseUri = "http://outreach.test/";

    public static Task<StaffUser> CreateAdminAsync(this OutreachAppFactory app, string email = "admin@library.test") =>
        app.CreateUserAsync(email, Roles.Admin, "Ada Admin");

    public static async Task<InvitationCreated> InviteAsync(this OutreachAppFactory app, StaffUser admin, string email, string role = Roles.Staff, string? name = null)
    {
        await using var scope = app.ScopeAs(admin, Roles.Admin);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        return await invitations.InviteAsync(new InviteStaffRequest(email, name ?? "Person " + email.Split('@')[0], role), BaseUri, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="action"/> with the service resolved in a scope acting as <paramref name="user"/>.</summary>
    public static async Task<T> AsAsync<TService, T>(this OutreachAppFactory app, StaffUser user, string role, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.ScopeAs(user, role);
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task AsAsync<TService>(this OutreachAppFactory app, StaffUser user, string role, Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = app.ScopeAs(user, role);
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Accepts as an anonymous visitor, like the accept-invitation page.</summary>
    public static async Task<AccountCreationResult> AcceptAsync(this OutreachAppFactory app, string token, string password = OutreachAppFactory.DefaultPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().AcceptAsync(token, password, CancellationToken.None);
    }

    public static async Task<InvitationPreview?> FindPendingAsync(this OutreachAppFactory app, string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().FindPendingAsync(token, CancellationToken.None);
    }

    public static string TokenOf(string link)
    {
        var uri = new Uri(link);
        Assert.Equal("/account/accept-invitation", uri.AbsolutePath);
        var token = QueryHelpers.ParseQuery(uri.Query)["token"].ToString();
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }
}
