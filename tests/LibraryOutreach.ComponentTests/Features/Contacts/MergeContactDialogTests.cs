using AngleSharp.Dom;
using LibraryOutreach.ComponentTests.Features.Staff;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Contacts;

/// <summary>The merge dialog, opened from a contact's page as a Supervisor or Admin would.</summary>
public class MergeContactDialogTests : MudBunitTestBase
{
    private static readonly Guid SurvivorId = Guid.NewGuid();
    private static readonly Guid SurvivorVersion = Guid.NewGuid();
    private static readonly Guid DuplicateId = Guid.NewGuid();
    private static readonly Guid DuplicateVersion = Guid.NewGuid();
    private readonly FakeContactService _contacts = new();
    private readonly FakeContactMergeService _merges = new();

    public MergeContactDialogTests()
    {
        Services.AddSingleton<IContactService>(_contacts);
        Services.AddSingleton<IContactMergeService>(_merges);
        // The page's panels have their own tests.
        ComponentFactories.AddStub<AffiliationsPanel>();
        ComponentFactories.AddStub<RecordHistoryPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Interactions.RecentOutreachPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Cadence.StayInTouchPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.FollowUps.FollowUpsPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Timeline.TimelinePanel>();
        AuthorizeAsAdmin();
        _contacts.Detail = new ContactDetail(
            SurvivorId, SurvivorVersion, "Marge", "Simpson", "Marge Simpson", null, [], [], null, null, null, [], [], null, false, null, CanEdit: true, CanDelete: false)
        {
            CanMerge = true,
        };
        _contacts.Rows.Add(new ContactRow(SurvivorId, "Marge Simpson", null, "marge@example.org", null, [], [], null, false));
        _contacts.Rows.Add(new ContactRow(DuplicateId, "Marjorie Simpson", null, "pta@springfield.k12.us", null, [], [], null, true));
        _merges.Summary = (survivor, duplicate) => new MergeSummary(
            new MergeSide(survivor, SurvivorVersion, "Marge Simpson", false),
            new MergeSide(duplicate, DuplicateVersion, "Marjorie Simpson", true),
            [new MergeCount("Affiliations", 1, 3, 2), new MergeCount("Tags", 2, 2, 1), new MergeCount("Emails", 1, 2, 1), new MergeCount("Phones", 0, 0, 0)],
            ["Title"],
            NotesAppended: true);
    }

    [Fact]
    public void MergeContactDialog_NoDuplicateChosen_SaysWhatToChooseBesideThePickerAndCallsNothing()
    {
        var cut = OpenDialog();

        cut.Find("[data-testid=merge-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            RecordMerging.ChooseDuplicate("contact", "Marge Simpson"),
            StaffPageTests.FieldMessage(cut, "merge-duplicate")));
        Assert.Empty(_merges.Calls);
        Assert.NotNull(cut.Find("[data-testid=merge-submit]"));
    }

    [Fact]
    public void MergeContactDialog_DuplicateChosenAndConfirmed_ShowsWhatMovesThenMergesWithTheVersionsSeen()
    {
        var cut = OpenDialog();

        Choose(cut, "Marj", "Marjorie Simpson");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=merge-summary]")));
        var rows = cut.FindAll("[data-testid=merge-count]").Select(r => Cells(r)).ToList();
        Assert.Equal(["Affiliations", "1", "3", "2"], rows[0]);
        Assert.Equal(["Emails", "1", "2", "1"], rows[2]);
        Assert.Contains("Duplicate: Marjorie Simpson", cut.Find("[data-testid=merge-summary] thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("Title", cut.Find("[data-testid=merge-filled]").TextContent, StringComparison.Ordinal);
        Assert.Equal([$"Preview:{SurvivorId}:{DuplicateId}"], _merges.Calls);

        cut.Find("[data-testid=merge-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(RecordMerging.ConfirmRequired, cut.Find("[data-testid=merge-confirm-error]").TextContent.Trim()));
        Assert.DoesNotContain(_merges.Calls, c => c.StartsWith("Merge:", StringComparison.Ordinal));

        cut.Find("input[data-testid=merge-confirm]").Change(true);
        cut.Find("[data-testid=merge-submit]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=merge-submit]")));
        Assert.Equal($"Merge:{SurvivorId}:{SurvivorVersion}:{DuplicateId}:{DuplicateVersion}", _merges.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Contains("Marjorie Simpson was merged into Marge Simpson.", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void MergeContactDialog_ServiceRefusesTheDuplicate_ShowsItsMessageBesideThePickerAndMergesNothing()
    {
        _merges.PreviewError = new RecordValidationException(new Dictionary<string, string>
        {
            [RecordMerging.DuplicateKey] = RecordMerging.DuplicateAlreadyMerged("Marjorie Simpson", "Marge S."),
        });
        var cut = OpenDialog();

        Choose(cut, "Marj", "Marjorie Simpson");

        cut.WaitForAssertion(() => Assert.Equal(
            "Marjorie Simpson was already merged into Marge S.. There is nothing left to merge.",
            StaffPageTests.FieldMessage(cut, "merge-duplicate")));
        Assert.Empty(cut.FindAll("[data-testid=merge-summary]"));
        cut.Find("[data-testid=merge-submit]").Click();
        Assert.DoesNotContain(_merges.Calls, c => c.StartsWith("Merge:", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeContactDialog_SomeoneChangedARecordMeanwhile_ShowsWhyAndAsksToConfirmAgain()
    {
        _merges.MergeError = new ConcurrencyConflictException(RecordMerging.Changed("Kim Staff", "Marjorie Simpson"));
        var cut = OpenDialog();
        Choose(cut, "Marj", "Marjorie Simpson");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("input[data-testid=merge-confirm]")));
        cut.Find("input[data-testid=merge-confirm]").Change(true);
        Assert.True(cut.Find("input[data-testid=merge-confirm]").HasAttribute("checked"));

        cut.Find("[data-testid=merge-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Kim Staff changed Marjorie Simpson after you opened the merge.", cut.Find("[data-testid=merge-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, _merges.Calls.Count(c => c.StartsWith("Preview:", StringComparison.Ordinal)));
        Assert.False(cut.Find("input[data-testid=merge-confirm]").HasAttribute("checked"));
        cut.Find("[data-testid=merge-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(RecordMerging.ConfirmRequired, cut.Find("[data-testid=merge-confirm-error]").TextContent.Trim()));
        Assert.Single(_merges.Calls, c => c.StartsWith("Merge:", StringComparison.Ordinal));
    }

    [Fact]
    public void ContactPage_MergedDuplicate_ShowsWhereItWentWithALink()
    {
        _contacts.Detail = null;
        _merges.Survivor = new MergedInto(SurvivorId, "Marge Simpson");

        var cut = RenderWithProviders<ContactPage>(new Dictionary<string, object?> { [nameof(ContactPage.Id)] = DuplicateId });

        cut.WaitForAssertion(() => Assert.Contains("This contact was merged into", cut.Find("[data-testid=contact-merged-notice]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"contacts/{SurvivorId}", cut.Find("[data-testid=contact-merged-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=contact-not-found]"));
    }

    private IRenderedComponent<IComponent> OpenDialog()
    {
        var cut = RenderWithProviders<ContactPage>(new Dictionary<string, object?> { [nameof(ContactPage.Id)] = SurvivorId });
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=contact-merge]")));
        cut.Find("[data-testid=contact-merge]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=merge-submit]")));
        return cut;
    }

    /// <summary>Types into the duplicate picker and clicks the suggestion with <paramref name="name"/>.</summary>
    private static void Choose(IRenderedComponent<IComponent> cut, string typed, string name)
    {
        cut.Find("#merge-duplicate").Input(typed);
        cut.WaitForAssertion(() => Assert.NotEmpty(Suggestions(cut, name)), TimeSpan.FromSeconds(5));
        Suggestions(cut, name)[0].Click();
    }

    private static List<IElement> Suggestions(IRenderedComponent<IComponent> cut, string name) =>
        [.. cut.FindAll(".mud-popover-open .mud-list-item").Where(i => i.TextContent.Contains(name, StringComparison.Ordinal))];

    private static List<string> Cells(IElement row) => [.. row.Children.Select(c => c.TextContent.Trim())];
}
