using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;

namespace LibraryOutreach.ComponentTests.Features.Staff;

/// <summary>The invite dialog, opened from the staff page as a person would.</summary>
public class InviteStaffDialogTests : StaffPageTestBase
{
    [Fact]
    public void Invite_EmptyForm_ShowsMessagesBesideTheFieldsAndSendsNothing()
    {
        AddSampleStaff();
        var cut = OpenInviteDialog();

        cut.Find("[data-testid=invite-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains(StaffValidation.EmailRequired, StaffPageTests.FieldMessage(cut, "invite-email"), StringComparison.Ordinal));
        Assert.Contains(StaffValidation.NameRequired, StaffPageTests.FieldMessage(cut, "invite-name"), StringComparison.Ordinal);
        Assert.Empty(InvitationService.Calls);
    }

    [Fact]
    public void Invite_BadEmail_ShowsTheFormatMessageBesideEmail()
    {
        var cut = OpenInviteDialog();

        cut.Find("#invite-email").Change("sam-at-library");
        cut.Find("#invite-name").Change("Sam Smith");
        cut.Find("[data-testid=invite-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains(StaffValidation.EmailInvalid, StaffPageTests.FieldMessage(cut, "invite-email"), StringComparison.Ordinal));
        Assert.DoesNotContain(StaffValidation.NameRequired, StaffPageTests.FieldMessage(cut, "invite-name"), StringComparison.Ordinal);
        Assert.Empty(InvitationService.Calls);
    }

    [Fact]
    public void Invite_ServiceRefusesTheEmail_ShowsItsMessageBesideEmailAndKeepsTheDialogOpen()
    {
        var cut = OpenInviteDialog();
        InvitationService.FailWith = new StaffValidationException(nameof(InviteStaffRequest.Email), "There is already an account with this email address.");

        FillAndSubmit(cut, "ada@library.test", "Ada Again");

        cut.WaitForAssertion(() => Assert.Contains("There is already an account with this email address.", StaffPageTests.FieldMessage(cut, "invite-email"), StringComparison.Ordinal));
        Assert.Equal(["Invite:ada@library.test"], InvitationService.Calls);
        Assert.NotNull(cut.Find("[data-testid=invite-form]"));
    }

    [Fact]
    public void Invite_LimitReached_ShowsTheLimitMessageInTheDialog()
    {
        var cut = OpenInviteDialog();
        InvitationService.FailWith = StaffLimitReachedException.For(12);

        FillAndSubmit(cut, "kim@library.test", "Kim New");

        cut.WaitForAssertion(() => Assert.Contains("already has 12 active staff accounts and pending invitations", cut.Find("[data-testid=invite-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Invite_WithoutSmtp_ShowsTheLinkDialogWithTheLinkAndCopiesIt()
    {
        AddSampleStaff();
        var cut = OpenInviteDialog();

        FillAndSubmit(cut, "  kim@library.test ", "Kim New");

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/account/accept-invitation?token=token-1", StaffPageTests.LinkField(cut)));
        var request = Assert.Single(InvitationService.Invites);
        Assert.Equal(("  kim@library.test ", "Kim New", Roles.Staff), (request.Email, request.DisplayName, request.Role));
        var dialog = cut.Find(".mud-dialog").TextContent;
        Assert.Contains("Invitation link for Kim New", dialog, StringComparison.Ordinal);
        Assert.Contains("works once and expires in 7 days", cut.Find("[data-testid=link-note]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=copy-link]").Click();

        var copy = JSInterop.VerifyInvoke("outreach.copyText");
        Assert.Equal("http://localhost/account/accept-invitation?token=token-1", copy.Arguments[0]);
        cut.WaitForAssertion(() => Assert.Contains("Copied", cut.Find("[data-testid=copy-status]").TextContent, StringComparison.Ordinal));

        // Closing the dialog leaves the new invitation in the list, with a copy button for its link.
        StaffPageTests.DialogButton(cut, "Done").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='copy-kim@library.test']")));
        Assert.Equal("Copy the invitation link for Kim New", cut.Find("[data-testid='copy-kim@library.test']").GetAttribute("aria-label"));
    }

    [Fact]
    public void Invite_SmtpFailed_ShowsTheProblemAndTheLink()
    {
        StaffService.EmailConfigured = true;
        InvitationService.EmailError = "The invitation email could not be sent (Connection refused). Copy the link and send it yourself.";
        var cut = OpenInviteDialog();

        FillAndSubmit(cut, "kim@library.test", "Kim New");

        cut.WaitForAssertion(() => Assert.Contains("could not be sent", cut.Find("[data-testid=link-problem]").TextContent, StringComparison.Ordinal));
        Assert.Equal("http://localhost/account/accept-invitation?token=token-1", StaffPageTests.LinkField(cut));
    }

    [Fact]
    public void Invite_Emailed_SaysSoInASnackbarWithoutShowingTheLink()
    {
        StaffService.EmailConfigured = true;
        InvitationService.Emails = true;
        var cut = OpenInviteDialog();
        Assert.Contains("We'll email them a link", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal);

        FillAndSubmit(cut, "kim@library.test", "Kim New");

        cut.WaitForAssertion(() => Assert.Contains("Invitation emailed to kim@library.test.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=link-field]"));
        Assert.Empty(cut.FindAll("[data-testid='copy-kim@library.test']"));
    }

    [Fact]
    public void Invite_Cancel_ClosesWithoutInviting()
    {
        var cut = OpenInviteDialog();

        StaffPageTests.DialogButton(cut, "Cancel").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Empty(InvitationService.Calls);
    }

    [Fact]
    public void Invite_AccessDenied_ShowsTheMessage()
    {
        var cut = OpenInviteDialog();
        InvitationService.FailWith = new AccessDeniedException();

        FillAndSubmit(cut, "kim@library.test", "Kim New");

        cut.WaitForAssertion(() => Assert.Contains("You do not have permission", cut.Find("[data-testid=invite-error]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<IComponent> OpenInviteDialog()
    {
        var cut = RenderWithProviders<StaffPage>();
        cut.Find("[data-testid=invite-button]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=invite-form]")));
        return cut;
    }

    private static void FillAndSubmit(IRenderedComponent<IComponent> cut, string email, string name)
    {
        cut.Find("#invite-email").Change(email);
        cut.Find("#invite-name").Change(name);
        cut.Find("[data-testid=invite-submit]").Click();
    }
}
