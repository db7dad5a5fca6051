using AngleSharp.Dom;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Organizations;

public class OrganizationComponentTests : MudBunitTestBase
{
    private static readonly Guid SchoolId = Guid.NewGuid();
    private readonly FakeOrganizationService _organizations = new();
    private readonly FakeOrganizationMergeService _merges = new();

    public OrganizationComponentTests()
    {
        Services.AddSingleton<IOrganizationService>(_organizations);
        Services.AddSingleton<IOrganizationMergeService>(_merges);
        // The people, committee-seat and history panels belong to other features and have their own tests.
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Contacts.AffiliationsPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Contacts.CommitteeSeatsPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Audit.RecordHistoryPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Interactions.RecentOutreachPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Cadence.StayInTouchPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.FollowUps.FollowUpsPanel>();
        ComponentFactories.AddStub<LibraryOutreach.Web.Features.Timeline.TimelinePanel>();
        AuthorizeAsAdmin();
        _organizations.Choices = new OrganizationChoices([new TypeRef(SchoolId, "School")], [new TagChip(Guid.NewGuid(), "Youth", "#aa3300")], [new StaffRef("user-ada", "Ada Admin")]);
    }

    [Fact]
    public void List_RendersRowsWithTypeLevelOwnerAndTags()
    {
        _organizations.Rows.Add(new OrganizationRow(Guid.NewGuid(), "Springfield <b>Elementary</b>", "School", PartnershipLevel.FormalPartner, "Ada Admin",
            [new TagChip(Guid.NewGuid(), "Youth", "#aa3300")], false, Clock.Now));
        _organizations.Rows.Add(new OrganizationRow(Guid.NewGuid(), "Old Mill Society", "Civic group", PartnershipLevel.Contact, null, [], true, Clock.Now));

        var cut = RenderWithProviders<OrganizationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=org-table] tbody tr").Count));
        var first = Cells(cut.FindAll("[data-testid=org-table] tbody tr")[0]);
        Assert.Equal("Springfield <b>Elementary</b>", first[0]);
        Assert.Equal(["School", "Formal partner", "Ada Admin", "Youth"], first.Skip(1).Take(4));
        Assert.Contains("Archived", Cells(cut.FindAll("[data-testid=org-table] tbody tr")[1])[0], StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=org-table] b"));
        Assert.All(_organizations.Queries, q => Assert.False(q.IncludeArchived));
    }

    [Fact]
    public void List_NoOrganizations_ShowsTheEmptyState()
    {
        var cut = RenderWithProviders<OrganizationsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No organizations yet", cut.Find("[data-testid=org-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void List_ShowArchived_ReloadsWithArchivedAndRemembersTheChoiceForThePerson()
    {
        var cut = RenderWithProviders<OrganizationsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_organizations.Queries));

        cut.Find("input[data-testid=org-filter-archived]").Change(true);

        cut.WaitForAssertion(() => Assert.True(_organizations.Queries[^1].IncludeArchived));
        Assert.True(Preferences.Read<OrganizationsPage.ListPrefs>(OrganizationsPage.PrefsKey)?.IncludeArchived);
    }

    [Fact]
    public void List_RememberedFiltersAndHiddenColumns_AreAppliedOnTheNextVisit()
    {
        var tagId = _organizations.Choices.Tags[0].Id;
        _ = Preferences.SetAsync(OrganizationsPage.PrefsKey, new OrganizationsPage.ListPrefs { TagId = tagId, PageSize = 10, HiddenColumns = ["level", "updated"] });
        _organizations.Rows.Add(new OrganizationRow(Guid.NewGuid(), "Springfield Elementary", "School", PartnershipLevel.Sponsor, "Ada Admin", [], false, Clock.Now));

        var cut = RenderWithProviders<OrganizationsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=org-table] tbody tr")));
        Assert.Equal((tagId, 10), (_organizations.Queries[^1].TagId, _organizations.Queries[^1].PageSize));
        var headers = cut.FindAll("[data-testid=org-table] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Name", "Type", "Owner", "Tags"], headers);
        Assert.Equal(["Springfield Elementary", "School", "Ada Admin", ""], Cells(cut.FindAll("[data-testid=org-table] tbody tr")[0]));
    }

    [Fact]
    public void List_ChoosingAColumn_HidesItAndRemembersIt()
    {
        var cut = RenderWithProviders<OrganizationsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_organizations.Queries));

        cut.Find("[data-testid=org-columns] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=column-choice]").Count));
        cut.FindAll("[data-testid=column-choice]").Single(c => c.TextContent.Contains("Owner", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain("Owner", cut.FindAll("[data-testid=org-table] thead th").Select(h => h.TextContent.Trim())));
        Assert.Equal(["owner"], Preferences.Read<OrganizationsPage.ListPrefs>(OrganizationsPage.PrefsKey)?.HiddenColumns);
    }

    [Fact]
    public void List_Export_SendsEveryFilteredOrganizationToTheCsvExportAndDownloadsIt()
    {
        _organizations.Rows.Add(new OrganizationRow(Guid.NewGuid(), "Springfield Elementary", "School", PartnershipLevel.Sponsor, null, [], false, Clock.Now));
        _organizations.Rows.Add(new OrganizationRow(Guid.NewGuid(), "Old Mill Society", "Civic group", PartnershipLevel.Contact, null, [], true, Clock.Now));
        var cut = RenderWithProviders<OrganizationsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_organizations.Queries));

        cut.Find("[data-testid=org-export]").Click();

        cut.WaitForAssertion(() => Assert.Single(Exports.Calls));
        Assert.Equal(("organizations-csv", 1), (Exports.Calls[0].Format, Exports.Calls[0].Ids?.Count));
        Assert.False(Assert.Single(_organizations.IdQueries).IncludeArchived);
        var download = Assert.Single(JSInterop.Invocations, i => i.Identifier == "outreach.downloadFile");
        Assert.Equal(("organizations-2026-03-15.csv", "text/csv"), ((string)download.Arguments[0]!, (string)download.Arguments[1]!));
        Assert.Contains("Exported 1 organization.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EditDialog_ServiceRejectsFields_ShowsEachMessageBesideItsField()
    {
        var cut = OpenEditDialog();
        _organizations.FailWith = new RecordValidationException(new Dictionary<string, string>
        {
            [nameof(OrganizationInput.Website)] = "Website must be a web address starting with http:// or https://.",
            [nameof(OrganizationInput.EmailDomains)] = "\"not a domain\" is not a domain.",
        });

        cut.Find("[data-testid=org-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Website must be a web address starting with http:// or https://.", FieldText(cut, "org-website"), StringComparison.Ordinal));
        Assert.Contains("\"not a domain\" is not a domain.", FieldText(cut, "org-domains"), StringComparison.Ordinal);
        Assert.DoesNotContain("Website must", FieldText(cut, "org-name"), StringComparison.Ordinal);
        Assert.Equal(["Update:Springfield Elementary"], _organizations.Calls);
        Assert.NotNull(cut.Find("[data-testid=org-form]"));
    }

    [Fact]
    public void EditDialog_SomeoneElseSavedFirst_ShowsTheirChangeAndOffersReload()
    {
        var cut = OpenEditDialog();
        _organizations.FailWith = new ConcurrencyConflictException([new FieldDifference("Phone", "555-0100", "555-0199")], "Sam Supervisor");

        cut.Find("[data-testid=org-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Sam Supervisor value", cut.Find("[data-testid=conflict-differences] thead").TextContent, StringComparison.Ordinal));
        var row = Normalize(Assert.Single(cut.FindAll("[data-testid=conflict-differences] tbody tr")).TextContent);
        Assert.Contains("Phone", row, StringComparison.Ordinal);
        Assert.True(row.IndexOf("555-0100", StringComparison.Ordinal) < row.IndexOf("555-0199", StringComparison.Ordinal), "their value comes before yours");
        Assert.Contains("Sam Supervisor changed this record while you were editing it. Nothing was saved.", cut.Find("[data-testid=conflict-message]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=conflict-reload]"));
        Assert.NotNull(cut.Find("[data-testid=conflict-keep]"));
    }

    [Fact]
    public void EditDialog_KeepEditingAfterAConflict_KeepsTheFormAndTheNextSaveGoesThrough()
    {
        var cut = OpenEditDialog();
        _organizations.FailWith = new ConcurrencyConflictException([new FieldDifference("Phone", "555-0100", "555-0199")], "Sam Supervisor");
        cut.Find("[data-testid=org-save]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=conflict-keep]")));

        cut.Find("[data-testid=conflict-keep]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict-keep]")));
        Assert.NotNull(cut.Find("[data-testid=org-form]"));
        _organizations.FailWith = null;
        cut.Find("[data-testid=org-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=org-form]")));
        Assert.Equal(["Update:Springfield Elementary", "Update:Springfield Elementary"], _organizations.Calls);
    }

    [Fact]
    public void Detail_NotFound_ShowsAFriendlyMessage()
    {
        var missing = Guid.NewGuid();
        var cut = RenderWithProviders<OrganizationPage>(new Dictionary<string, object?> { [nameof(OrganizationPage.Id)] = missing });

        cut.WaitForAssertion(() => Assert.Contains("doesn't exist any more", cut.Find("[data-testid=org-not-found]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Detail_MergedDuplicate_ShowsWhereItWentWithALink()
    {
        var survivorId = Guid.NewGuid();
        _merges.Survivor = new MergedInto(survivorId, "Springfield Elementary");

        var cut = RenderWithProviders<OrganizationPage>(new Dictionary<string, object?> { [nameof(OrganizationPage.Id)] = Guid.NewGuid() });

        cut.WaitForAssertion(() => Assert.Contains("This organization was merged into", cut.Find("[data-testid=org-merged-notice]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"organizations/{survivorId}", cut.Find("[data-testid=org-merged-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=org-not-found]"));
    }

    [Fact]
    public void MergeOrganizationDialog_NoDuplicateChosen_SaysWhatToChoose_ThenMergesTheChosenOne()
    {
        var duplicateId = Guid.NewGuid();
        var duplicateVersion = Guid.NewGuid();
        _organizations.Rows.Add(new OrganizationRow(duplicateId, "Springfield Elem.", "School", PartnershipLevel.Contact, null, [], false, Clock.Now));
        _merges.Summary = (survivor, duplicate) => new MergeSummary(
            new MergeSide(survivor, Guid.NewGuid(), "Springfield Elementary", false),
            new MergeSide(duplicate, duplicateVersion, "Springfield Elem.", false),
            [new MergeCount("Affiliations", 2, 1, 1), new MergeCount("Committee seats", 0, 1, 1)],
            [],
            NotesAppended: false);
        var cut = OpenDetail(canMerge: true, out var id, out var version);
        cut.Find("[data-testid=org-merge]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=merge-submit]")));

        cut.Find("[data-testid=merge-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(
            RecordMerging.ChooseDuplicate("organization", "Springfield Elementary"),
            Staff.StaffPageTests.FieldMessage(cut, "merge-duplicate")));
        Assert.Empty(_merges.Calls);

        cut.Find("#merge-duplicate").Input("Elem");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open .mud-list-item")), TimeSpan.FromSeconds(5));
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains("Springfield Elem.", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("input[data-testid=merge-confirm]")));
        cut.Find("input[data-testid=merge-confirm]").Change(true);
        cut.Find("[data-testid=merge-submit]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=merge-submit]")));
        Assert.Equal([$"Preview:{id}:{duplicateId}", $"Merge:{id}:{version}:{duplicateId}:{duplicateVersion}"], _merges.Calls);
        Assert.Contains(_organizations.Queries, q => q.Text == "Elem" && q.IncludeArchived);
    }

    [Fact]
    public void Detail_WithoutMergeRight_HasNoMergeAction()
    {
        var cut = OpenDetail(canMerge: false, out _, out _);

        Assert.Empty(cut.FindAll("[data-testid=org-merge]"));
        Assert.NotNull(cut.Find("[data-testid=org-edit]"));
    }

    private IRenderedComponent<IComponent> OpenDetail(bool canMerge, out Guid id, out Guid version)
    {
        id = Guid.NewGuid();
        version = Guid.NewGuid();
        _organizations.Details[id] = new OrganizationDetail(
            id, "Springfield Elementary", SchoolId, "School", PartnershipLevel.Collaborator, null, [], null, null, null, null, null, [], [], [], [], false, Clock.Now, version, CanEdit: true, CanDelete: false)
        {
            CanMerge = canMerge,
        };
        var cut = RenderWithProviders<OrganizationPage>(new Dictionary<string, object?> { [nameof(OrganizationPage.Id)] = id });
        cut.WaitForAssertion(() => Assert.Equal("Springfield Elementary", cut.Find("[data-testid=org-title]").TextContent.Trim()));
        return cut;
    }

    private IRenderedComponent<IComponent> OpenEditDialog()
    {
        var id = Guid.NewGuid();
        _organizations.Details[id] = new OrganizationDetail(
            id, "Springfield Elementary", SchoolId, "School", PartnershipLevel.Collaborator, "https://springfield.k12.us", ["springfield.k12.us"],
            "555-0199", null, null, "Line one\nLine two", new StaffRef("user-ada", "Ada Admin"), [], [], [], [], false, Clock.Now, Guid.NewGuid(), CanEdit: true, CanDelete: true);
        var cut = RenderWithProviders<OrganizationPage>(new Dictionary<string, object?> { [nameof(OrganizationPage.Id)] = id });
        cut.WaitForAssertion(() => Assert.Equal("Springfield Elementary", cut.Find("[data-testid=org-title]").TextContent.Trim()));
        cut.Find("[data-testid=org-edit]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=org-form]")));
        return cut;
    }

    private static string FieldText(IRenderedComponent<IComponent> cut, string inputId) =>
        cut.Find($"#{inputId}").Closest(".mud-input-control")?.TextContent ?? "";

    private static List<string> Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
