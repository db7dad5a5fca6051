using System.Security.Claims;
using System.Text.Json;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Drafts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Interactions;

/// <summary>"Log a touch", opened from the app bar's button as a person would.</summary>
public class LogTouchDialogTests : MudBunitTestBase
{
    private const string UserId = "user-1";
    private const string DraftKey = "outreach-draft:user-1:log-touch";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FakeInteractionService _interactions;

    public LogTouchDialogTests()
    {
        _interactions = new FakeInteractionService(Clock);
        Services.AddSingleton<IInteractionService>(_interactions);
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<FormDraftStore>();
        var authorization = AuthorizeAsAdmin();
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    private IRenderedComponent<IComponent> Open()
    {
        var cut = RenderWithProviders<LogTouchButton>();
        cut.Find("[data-testid=log-touch-button]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=touch-save]")));
        return cut;
    }

    private static string Draft(object model) =>
        JsonSerializer.Serialize(new { savedAt = new DateTimeOffset(2026, 3, 15, 11, 59, 0, TimeSpan.Zero), model }, Json);

    [Fact]
    public void Save_EmptyForm_ShowsEachMessageBesideItsField_InitiatedByIncluded_NothingSaved()
    {
        var cut = Open();

        cut.Find("[data-testid=touch-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(InteractionValidation.InitiatedByRequired, cut.Find("#touch-initiated-error").TextContent.Trim()));
        Assert.Equal("touch-initiated-error", cut.Find("[data-testid=touch-initiated]").GetAttribute("aria-describedby"));
        Assert.Contains(InteractionValidation.PartyRequired, cut.Find("#touch-who-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("touch-who-error", cut.Find("#touch-who").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains(InteractionValidation.SummaryRequired, cut.Find("#touch-summary-error").TextContent, StringComparison.Ordinal);
        Assert.Contains(InteractionValidation.ChannelRequired, cut.Markup, StringComparison.Ordinal);
        Assert.Equal("touch-summary-error", cut.Find("#touch-summary").GetAttribute("aria-describedby"));
        Assert.Empty(_interactions.Saved);
        Assert.All(cut.FindAll("[data-testid^=touch-initiated-]").Where(b => b.TagName == "BUTTON"), b => Assert.Equal("false", b.GetAttribute("aria-pressed")));
    }

    [Fact]
    public void InitiatedBy_Chosen_IsPressedAndItsMessageGoes()
    {
        var cut = Open();
        cut.Find("[data-testid=touch-save]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#touch-initiated-error")));

        cut.Find("button[data-testid=touch-initiated-mutual]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#touch-initiated-error")));
        Assert.Equal("true", cut.Find("button[data-testid=touch-initiated-mutual]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("button[data-testid=touch-initiated-library]").GetAttribute("aria-pressed"));
        // The other messages stay until their fields change.
        Assert.Contains(InteractionValidation.SummaryRequired, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DefaultsToNowInTheLibrarysZone()
    {
        var cut = Open();

        // The clock says 15 March 2026, 12:00 UTC; the test host's zone is the library's.
        var now = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.Local);
        Assert.Equal(now.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture), cut.Find("#touch-when").GetAttribute("value"));
    }

    [Fact]
    public void Typing_WritesTheDraftAfterAPause()
    {
        var cut = Open();

        cut.Find("#touch-summary").Input("Talked about the summer reading table");

        // Written after the pause, without a render to wait for: poll.
        bool Saved() => JSInterop.Invocations.Any(i => i.Identifier == "outreach.drafts.save"
            && (string)i.Arguments[0]! == DraftKey
            && ((string)i.Arguments[1]!).Contains("Talked about the summer reading table", StringComparison.Ordinal));
        Assert.False(Saved());
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!Saved() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.True(Saved());
    }

    [Fact]
    public void Open_WithADraft_RestoresIt_SaveSendsItAndClearsTheDraft()
    {
        var contactId = Guid.NewGuid();
        JSInterop.Setup<string?>("outreach.drafts.load", DraftKey).SetResult(Draft(new
        {
            contactId,
            partyName = "Marge Simpson (Springfield Elementary)",
            channel = (int)ContactChannel.InPerson,
            initiatedBy = (int)InitiatedBy.Partner,
            summary = "Asked for a story time at the PTA",
            date = new DateTime(2026, 3, 14),
            time = "10:30:00",
        }));

        var cut = Open();

        Assert.NotNull(cut.Find("[data-testid=touch-draft-restored]"));
        Assert.Equal("Asked for a story time at the PTA", cut.Find("#touch-summary").GetAttribute("value"));
        Assert.Equal("Marge Simpson (Springfield Elementary)", cut.Find("#touch-who").GetAttribute("value"));
        Assert.Equal("true", cut.Find("button[data-testid=touch-initiated-partner]").GetAttribute("aria-pressed"));
        cut.Find("[data-testid=touch-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(_interactions.Saved));
        var saved = _interactions.Saved[0];
        Assert.Equal((contactId, ContactChannel.InPerson, InitiatedBy.Partner), (saved.ContactId!.Value, saved.Channel!.Value, saved.InitiatedBy!.Value));
        Assert.Equal((new DateTime(2026, 3, 14), new TimeSpan(10, 30, 0)), (saved.Date!.Value, saved.Time!.Value));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "outreach.drafts.remove" && (string)i.Arguments[0]! == DraftKey);
        cut.WaitForAssertion(() => Assert.Contains("Touch logged.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=touch-save]"));
    }

    [Fact]
    public void DiscardDraft_EmptiesTheFormAndRemovesTheDraft()
    {
        JSInterop.Setup<string?>("outreach.drafts.load", DraftKey).SetResult(Draft(new { summary = "Half-typed note", initiatedBy = 0 }));
        var cut = Open();
        Assert.Equal("Half-typed note", cut.Find("#touch-summary").GetAttribute("value"));

        cut.Find("[data-testid=touch-discard-draft]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=touch-draft-restored]")));
        Assert.True(string.IsNullOrEmpty(cut.Find("#touch-summary").GetAttribute("value")));
        Assert.Equal("false", cut.Find("button[data-testid=touch-initiated-library]").GetAttribute("aria-pressed"));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "outreach.drafts.remove" && (string)i.Arguments[0]! == DraftKey);
    }

    [Fact]
    public void Edit_SomeoneElseSavedFirst_ShowsTheirChangeInTheConflictDialog()
    {
        var cut = RenderWithProviders<LogTouchButton>();
        var dialogs = Services.GetRequiredService<MudBlazor.IDialogService>();
        var detail = new InteractionDetail(
            Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), ContactChannel.Email, InitiatedBy.Library, "Sam Staff",
            null, null, Guid.NewGuid(), "Springfield Elementary", null, null, "Sent the flyer", null, CanEdit: true);
        _interactions.SaveError = new LibraryOutreach.Web.Infrastructure.Records.ConcurrencyConflictException(
            [new LibraryOutreach.Web.Infrastructure.Records.FieldDifference("Summary", "Sent the flyer twice", "Sent the flyer")], "Lee Supervisor");
        _ = cut.InvokeAsync(() => LogTouch.EditAsync(dialogs, Services.GetRequiredService<MudBlazor.ISnackbar>(), detail));
        cut.WaitForAssertion(() => Assert.Equal("Sent the flyer", cut.Find("#touch-summary").GetAttribute("value")));
        Assert.Equal("Springfield Elementary", cut.Find("#touch-who").GetAttribute("value"));
        Assert.Equal("true", cut.Find("button[data-testid=touch-initiated-library]").GetAttribute("aria-pressed"));

        cut.Find("[data-testid=touch-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Lee Supervisor changed this record", cut.Find("[data-testid=conflict-message]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Sent the flyer twice", cut.Find("[data-testid=conflict-differences]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RecentOutreachPanel_LogATouch_OpensTheDialogFilledWithTheContact()
    {
        var contactId = Guid.NewGuid();
        _interactions.Parties.Add(new PartyOption(contactId, Guid.NewGuid(), "Edna Krabappel", "Springfield Elementary"));
        _interactions.Recent.Add(new RecentOutreachItem(RecentOutreachKind.Event, Guid.NewGuid(), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), true, "County fair", "Community fair or festival", "events/x"));
        var cut = RenderWithProviders<RecentOutreachPanel>(new Dictionary<string, object?> { [nameof(RecentOutreachPanel.ContactId)] = contactId });
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=recent-outreach-item]")));

        cut.Find("[data-testid=recent-log-touch]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Edna Krabappel (Springfield Elementary)", cut.Find("#touch-who").GetAttribute("value")));
    }
}
