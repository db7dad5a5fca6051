using AngleSharp.Dom;
using LibraryOutreach.Web.Features.Staff;
using Microsoft.AspNetCore.Components;

namespace LibraryOutreach.ComponentTests.Features.Staff;

public class StaffPageTests : StaffPageTestBase
{
    [Fact]
    public void StaffPage_WhileLoading_ShowsProgressThenTheList()
    {
        AddSampleStaff();
        StaffService.ListGate = new TaskCompletionSource();

        var cut = RenderWithProviders<StaffPage>();

        Assert.NotNull(cut.Find("[data-testid=loading]"));
        Assert.NotNull(cut.Find(".mud-progress-linear"));
        Assert.Empty(cut.FindAll("[data-testid=staff-table]"));

        StaffService.ListGate.SetResult();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=staff-table]")));
        Assert.Empty(cut.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void StaffPage_WithStaffAndInvitations_ShowsRolesStatusSignInsInvitationsAndTheLimit()
    {
        AddSampleStaff();
        AddSampleInvitation();
        AddSampleInvitation("old@library.test", "Old Invite", expired: true);

        var cut = RenderWithProviders<StaffPage>();

        var rows = cut.FindAll("[data-testid=staff-table] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Ada Admin", "ada@library.test", "Admin", "Active", "2 hours ago"], Cells(rows[0]).Take(5));
        Assert.Equal(["Sam Staff", "sam@library.test", "Staff", "Active", "Never"], Cells(rows[1]).Take(5));
        Assert.Equal(["Gus Gone", "gus@library.test", "Supervisor", "Deactivated", "10 days ago"], Cells(rows[2]).Take(5));
        Assert.Equal("Actions for Sam Staff", rows[1].QuerySelector("button")!.GetAttribute("aria-label"));

        var invitations = cut.FindAll("[data-testid=invitations-table] tbody tr");
        Assert.Equal(2, invitations.Count);
        Assert.Equal(["Kim New", "kim@library.test", "Supervisor", "Expires in 6 days"], Cells(invitations[0]).Take(4));
        Assert.Equal("Expired yesterday", Cells(invitations[1])[3]);
        Assert.Contains("3 of 12 accounts used", cut.Find("[data-testid=capacity]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=no-invitations]"));
        Assert.False(cut.Find("[data-testid=invite-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void StaffPage_NothingYet_ShowsEmptyStates()
    {
        var cut = RenderWithProviders<StaffPage>();

        Assert.Contains("No staff accounts yet", cut.Find("[data-testid=no-staff]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No pending invitations", cut.Find("[data-testid=no-invitations]").TextContent, StringComparison.Ordinal);
        Assert.Contains("0 of 12 accounts used", cut.Find("[data-testid=capacity]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StaffPage_AtTheLimit_DisablesInviteAndExplainsWhy()
    {
        AddSampleStaff();
        AddSampleInvitation();
        StaffService.MaxAccounts = 3;

        var cut = RenderWithProviders<StaffPage>();

        Assert.Contains("3 of 3 accounts used", cut.Find("[data-testid=capacity]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=invite-button]").HasAttribute("disabled"));
        var message = cut.Find("[data-testid=limit-reached]").TextContent;
        Assert.Contains("All 3 places are in use", message, StringComparison.Ordinal);
        Assert.Contains("Deactivate an account or revoke a pending invitation", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deactivate_AsksForConfirmation_AndOnlyDeactivatesWhenConfirmed()
    {
        AddSampleStaff();
        var cut = RenderWithProviders<StaffPage>();

        OpenMenuItem(cut, "Sam Staff", "Deactivate");
        cut.WaitForAssertion(() => Assert.Contains("Deactivate Sam Staff?", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(StaffService.Calls, c => c.StartsWith("Deactivate", StringComparison.Ordinal));

        DialogButton(cut, "Cancel").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.DoesNotContain(StaffService.Calls, c => c.StartsWith("Deactivate", StringComparison.Ordinal));

        OpenMenuItem(cut, "Sam Staff", "Deactivate");
        cut.WaitForAssertion(() => DialogButton(cut, "Deactivate").Click());

        cut.WaitForAssertion(() => Assert.Contains($"Deactivate:{SamId}", StaffService.Calls));
        cut.WaitForAssertion(() => Assert.Equal("Deactivated", Cells(Row(cut, "Sam Staff"))[3]));
        Assert.Contains("Sam Staff is deactivated.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Deactivate_OwnAccount_IsNotOffered()
    {
        AddSampleStaff();
        var cut = RenderWithProviders<StaffPage>();

        cut.Find("button[aria-label='Actions for Ada Admin']").Click();

        var item = cut.WaitForElement(".mud-menu-item:contains('not your own account')");
        Assert.Equal("true", item.GetAttribute("aria-disabled"));
        Assert.DoesNotContain(cut.FindAll(".mud-menu-item"), i => i.TextContent.Trim() == "Deactivate");
    }

    [Fact]
    public void Deactivate_Refused_ShowsTheServiceMessage()
    {
        AddSampleStaff();
        StaffService.FailWith = new StaffValidationException("Sam Staff is the only active Admin.");
        var cut = RenderWithProviders<StaffPage>();

        OpenMenuItem(cut, "Sam Staff", "Deactivate");
        cut.WaitForAssertion(() => DialogButton(cut, "Deactivate").Click());

        cut.WaitForAssertion(() => Assert.Contains("Sam Staff is the only active Admin.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Active", Cells(Row(cut, "Sam Staff"))[3]);
    }

    [Fact]
    public void ChangeRole_FromTheMenu_CallsTheServiceAndShowsTheNewRole()
    {
        AddSampleStaff();
        var cut = RenderWithProviders<StaffPage>();

        OpenMenuItem(cut, "Sam Staff", "Make Supervisor");

        cut.WaitForAssertion(() => Assert.Contains($"ChangeRole:{SamId}:Supervisor", StaffService.Calls));
        cut.WaitForAssertion(() => Assert.Equal("Supervisor", Cells(Row(cut, "Sam Staff"))[2]));
        Assert.Contains("Sam Staff is now a Supervisor.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Reactivate_AtTheLimit_ShowsTheLimitMessage()
    {
        AddSampleStaff();
        StaffService.FailWith = StaffLimitReachedException.For(12);
        var cut = RenderWithProviders<StaffPage>();

        OpenMenuItem(cut, "Gus Gone", "Reactivate");
        cut.WaitForAssertion(() => DialogButton(cut, "Reactivate").Click());

        cut.WaitForAssertion(() => Assert.Contains("already has 12 active staff accounts", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Deactivated", Cells(Row(cut, "Gus Gone"))[3]);
    }

    [Fact]
    public void Revoke_AsksForConfirmationThenRemovesTheInvitation()
    {
        AddSampleStaff();
        var invitation = AddSampleInvitation();
        var cut = RenderWithProviders<StaffPage>();

        cut.Find("[data-testid='revoke-kim@library.test']").Click();
        cut.WaitForAssertion(() => Assert.Contains("Revoke the invitation for Kim New", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Empty(InvitationService.Calls);
        DialogButton(cut, "Revoke").Click();

        cut.WaitForAssertion(() => Assert.Equal([$"Revoke:{invitation.Id}"], InvitationService.Calls));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-invitations]")));
    }

    [Fact]
    public void ResetLink_ShowsTheLinkToCopy()
    {
        AddSampleStaff();
        var cut = RenderWithProviders<StaffPage>();

        OpenMenuItem(cut, "Sam Staff", "Create password reset link");

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/account/reset-password?userId=user-sam&code=abc", LinkField(cut)));
        Assert.Contains($"ResetLink:{SamId}", StaffService.Calls);
        Assert.Contains("Password reset link for Sam Staff", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
    }

    internal static string? LinkField(IRenderedComponent<IComponent> cut) =>
        cut.Find("textarea[data-testid=link-field]").GetAttribute("value");

    /// <summary>The message shown for an input: the element its aria-describedby points at (empty when none).</summary>
    internal static string FieldMessage(IRenderedComponent<IComponent> cut, string inputId)
    {
        var describedBy = cut.Find($"#{inputId}").GetAttribute("aria-describedby");
        return describedBy is null ? "" : string.Concat(cut.FindAll($"[id='{describedBy}']").Select(e => e.TextContent.Trim()));
    }

    internal static IElement Row(IRenderedComponent<IComponent> cut, string name) =>
        cut.FindAll("[data-testid=staff-table] tbody tr").Single(r => Cells(r)[0] == name);

    internal static List<string> Cells(IElement row) =>
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    internal static IElement DialogButton(IRenderedComponent<IComponent> cut, string text) =>
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    private static void OpenMenuItem(IRenderedComponent<IComponent> cut, string person, string item)
    {
        cut.Find($"button[aria-label='Actions for {person}']").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-menu-item").Single(i => i.TextContent.Trim() == item).Click());
    }
}
