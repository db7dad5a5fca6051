using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace LibraryOutreach.Web.Features.Staff;

/// <summary>Admins list staff, invite people, change roles, deactivate and reactivate accounts, and create reset links.</summary>
public partial class StaffPage
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<Guid, string> _links = [];
    private StaffOverview? _overview;
    private string? _loadError;
    private bool _busy;

    [Inject]
    private IStaffService Staff { get; set; } = default!;

    [Inject]
    private IInvitationService Invitations { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider TimeProvider { get; set; } = default!;

    [Inject]
    private IOptions<StaffOptions> StaffOptions { get; set; } = default!;

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>Cancels work still running for this page. The source is not disposed: late continuations still read its token.</summary>
    public void Dispose()
    {
        _cts.Cancel();
        GC.SuppressFinalize(this);
    }

    internal static Color RoleColor(string role) => role switch
    {
        Roles.Admin => Color.Primary,
        Roles.Supervisor => Color.Info,
        _ => Color.Default,
    };

    private async Task LoadAsync()
    {
        try
        {
            _overview = await Staff.ListAsync(_cts.Token);
            _loadError = null;
        }
        catch (AccessDeniedException ex)
        {
            _loadError = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page was closed while loading.
        }
    }

    private async Task InviteAsync()
    {
        if (_overview is null)
        {
            return;
        }

        var parameters = new DialogParameters<InviteStaffDialog>
        {
            { d => d.BaseUri, Navigation.BaseUri },
            { d => d.EmailConfigured, _overview.EmailConfigured },
        };
        var dialog = await Dialogs.ShowAsync<InviteStaffDialog>("Invite staff", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: InvitationSent sent })
        {
            await LoadAsync();
            await DeliverAsync(sent.Email, sent.DisplayName, sent.Created);
        }
    }

    private async Task ResendAsync(InvitationRow invitation)
    {
        InvitationCreated? created = null;
        await RunAsync(async ct => created = await Invitations.ResendAsync(invitation.Id, Navigation.BaseUri, ct));
        if (created is not null)
        {
            await DeliverAsync(invitation.Email, invitation.DisplayName, created);
        }
    }

    private async Task RevokeAsync(InvitationRow invitation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke invitation?",
            $"Revoke the invitation for {invitation.DisplayName} ({invitation.Email})? The link will stop working.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(ct => Invitations.RevokeAsync(invitation.Id, ct), $"Invitation for {invitation.Email} revoked.");
            _links.Remove(invitation.Id);
        }
    }

    private Task ChangeRoleAsync(StaffMemberRow member, string role) =>
        RunAsync(ct => Staff.ChangeRoleAsync(member.Id, role, ct), $"{member.DisplayName} is now {(role == Roles.Admin ? "an" : "a")} {role}.");

    private async Task DeactivateAsync(StaffMemberRow member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Deactivate account?",
            $"Deactivate {member.DisplayName}? They are signed out within a minute and can't sign in again until reactivated. Their records stay attributed to them.",
            yesText: "Deactivate",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(ct => Staff.DeactivateAsync(member.Id, ct), $"{member.DisplayName} is deactivated.");
        }
    }

    private async Task ReactivateAsync(StaffMemberRow member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Reactivate account?",
            $"Reactivate {member.DisplayName}? They can sign in again with their password.",
            yesText: "Reactivate",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(ct => Staff.ReactivateAsync(member.Id, ct), $"{member.DisplayName} is active again.");
        }
    }

    private async Task CreateResetLinkAsync(StaffMemberRow member)
    {
        string? link = null;
        await RunAsync(async ct => link = await Staff.CreatePasswordResetLinkAsync(member.Id, Navigation.BaseUri, ct));
        if (link is not null)
        {
            await ShowLinkAsync(
                $"Password reset link for {member.DisplayName}",
                link,
                $"Send this link to {member.DisplayName} ({member.Email}). It lets them choose a new password, works once, and expires after a day.",
                problem: null);
        }
    }

    /// <summary>Says the invitation was emailed, or shows the link to copy when it wasn't.</summary>
    private async Task DeliverAsync(string email, string name, InvitationCreated created)
    {
        if (created.Emailed)
        {
            Snackbar.Add($"Invitation emailed to {email}.", Severity.Success);
            return;
        }

        _links[created.InvitationId] = created.Link;
        var days = StaffOptions.Value.InvitationLifetimeDays;
        await ShowLinkAsync(
            $"Invitation link for {name}",
            created.Link,
            $"Send this link to {name} ({email}). It works once and expires in {days} {(days == 1 ? "day" : "days")}.",
            created.EmailError);
    }

    private async Task ShowLinkAsync(string title, string link, string note, string? problem)
    {
        var parameters = new DialogParameters<InvitationLinkDialog>
        {
            { d => d.Link, link },
            { d => d.Note, note },
            { d => d.Problem, problem },
        };
        var dialog = await Dialogs.ShowAsync<InvitationLinkDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await dialog.Result;
    }

    private async Task CopyAsync(string link)
    {
        try
        {
            await JS.InvokeVoidAsync("outreach.copyText", _cts.Token, link);
            Snackbar.Add("Link copied.", Severity.Info);
        }
        catch (JSException)
        {
            Snackbar.Add("Couldn't copy automatically. Resend the invitation to see the link again.", Severity.Warning);
        }
    }

    /// <summary>Runs a change, reports it (or why it was refused) and reloads the list.</summary>
    private async Task RunAsync(Func<CancellationToken, Task> action, string? success = null)
    {
        _busy = true;
        try
        {
            await action(_cts.Token);
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }
        }
        catch (Exception ex) when (ex is StaffValidationException or StaffLimitReachedException or AccessDeniedException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }
}
