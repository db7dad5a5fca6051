using LibraryOutreach.ComponentTests.Features.Staff;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LibraryOutreach.ComponentTests.Features.Contacts;

public class ContactComponentTests : MudBunitTestBase
{
    private readonly FakeContactService _contacts = new();

    public ContactComponentTests()
    {
        Services.AddSingleton<IContactService>(_contacts);
        AuthorizeAsAdmin();
    }

    [Fact]
    public void ContactsPage_ShowsRowsWithOrganizationsAndTags()
    {
        _contacts.Rows.Add(new ContactRow(Guid.NewGuid(), "Marge Simpson", "PTA chair", "marge@example.org", "555 0100", ["Springfield Elementary"], [new TagChip(Guid.NewGuid(), "Parents", "#aa0000")], "Sam Staff", false));
        _contacts.Rows.Add(new ContactRow(Guid.NewGuid(), "<b>Ned</b>", null, null, null, [], [], null, true));

        var cut = RenderWithProviders<ContactsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=contact-link]").Count));
        var first = cut.FindAll("[data-testid=contacts-table] tbody tr")[0].TextContent;
        Assert.Contains("Marge Simpson", first, StringComparison.Ordinal);
        Assert.Contains("Springfield Elementary", first, StringComparison.Ordinal);
        Assert.Contains("marge@example.org", first, StringComparison.Ordinal);
        Assert.Equal("Parents", cut.Find("[data-testid=tag-chip]").TextContent.Trim());
        Assert.Contains("&lt;b&gt;Ned&lt;/b&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=contacts-empty]"));
    }

    [Fact]
    public void ContactsPage_NoContacts_ShowsTheEmptyState()
    {
        var cut = RenderWithProviders<ContactsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No contacts yet.", cut.Find("[data-testid=contacts-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void ContactsPage_RememberedFiltersAndHiddenColumns_AreAppliedOnTheNextVisit()
    {
        var tagId = Guid.NewGuid();
        _ = Preferences.SetAsync(ContactsPage.PrefsKey, new ContactsPage.ListPrefs { Text = "Mar", TagId = tagId, PageSize = 50, HiddenColumns = ["email", "phone", "owner"] });
        _contacts.Rows.Add(new ContactRow(Guid.NewGuid(), "Marge Simpson", null, "marge@example.org", "555 0100", ["Springfield Elementary"], [], "Sam Staff", false));

        var cut = RenderWithProviders<ContactsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=contact-link]")));
        Assert.Equal(("Mar", tagId, 50), (_contacts.Queries[^1].Text, _contacts.Queries[^1].TagId, _contacts.Queries[^1].PageSize));
        Assert.Equal(["Name", "Organization", "Tags"], cut.FindAll("[data-testid=contacts-table] thead th").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("marge@example.org", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactsPage_ChangingAFilter_IsRememberedForThePerson()
    {
        var cut = RenderWithProviders<ContactsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_contacts.Queries));

        cut.Find("input[data-testid=contacts-archived]").Change(true);

        cut.WaitForAssertion(() => Assert.True(_contacts.Queries[^1].IncludeArchived));
        Assert.True(Preferences.Read<ContactsPage.ListPrefs>(ContactsPage.PrefsKey)?.IncludeArchived);
    }

    [Fact]
    public void ContactsPage_ExportVCard_ExportsEveryContactTheFiltersMatch()
    {
        _contacts.Rows.Add(new ContactRow(Guid.NewGuid(), "Marge Simpson", null, null, null, [], [], null, false));
        _contacts.Rows.Add(new ContactRow(Guid.NewGuid(), "Homer Simpson", null, null, null, [], [], null, false));
        _contacts.Rows.Add(new ContactRow(Guid.NewGuid(), "Old Record", null, null, null, [], [], null, true));
        var cut = RenderWithProviders<ContactsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(_contacts.Queries));

        cut.Find("[data-testid=contacts-export] button").Click();
        cut.WaitForElement("[data-testid=contacts-export-vcard]").Click();

        cut.WaitForAssertion(() => Assert.Single(Exports.Calls));
        Assert.Equal(("contacts-vcard", 2), (Exports.Calls[0].Format, Exports.Calls[0].Ids?.Count));
        var download = Assert.Single(JSInterop.Invocations, i => i.Identifier == "outreach.downloadFile");
        Assert.Equal(("contacts-2026-03-15.vcf", "text/vcard"), ((string)download.Arguments[0]!, (string)download.Arguments[1]!));
        Assert.Contains("Exported 2 contacts.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactDialog_ServiceErrors_AreShownBesideTheirFields()
    {
        _contacts.SaveError = new RecordValidationException(new Dictionary<string, string>
        {
            ["FirstName"] = ContactValidation.NameRequired,
            ["Emails[0]"] = ContactValidation.EmailInvalid,
        });
        var cut = OpenDialog(null);

        cut.Find("#contact-email-0").Change("not-an-email");
        cut.Find("[data-testid=contact-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains(ContactValidation.NameRequired, StaffPageTests.FieldMessage(cut, "contact-first"), StringComparison.Ordinal));
        Assert.Contains(ContactValidation.EmailInvalid, StaffPageTests.FieldMessage(cut, "contact-email-0"), StringComparison.Ordinal);
        Assert.DoesNotContain(ContactValidation.NameRequired, StaffPageTests.FieldMessage(cut, "contact-last"), StringComparison.Ordinal);
        Assert.Empty(_contacts.Saved);
    }

    [Fact]
    public void ContactDialog_Conflict_ShowsWhatTheOtherPersonChanged()
    {
        _contacts.SaveError = new ConcurrencyConflictException([new FieldDifference("Title", "PTA chair", "Treasurer"), new FieldDifference("FirstName", "Marjorie", "Marge")], "Sue Supervisor");
        var cut = OpenDialog(Guid.NewGuid(), new ContactInput { FirstName = "Marge", LastName = "Simpson", Title = "Treasurer" });

        cut.Find("[data-testid=contact-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Sue Supervisor changed this record while you were editing it. Nothing was saved.", cut.Find("[data-testid=conflict-message]").TextContent, StringComparison.Ordinal));
        var rows = cut.FindAll("[data-testid=conflict-differences] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("PTA chair", rows[0], StringComparison.Ordinal);
        Assert.Contains("Treasurer", rows[0], StringComparison.Ordinal);
        Assert.Contains("First name", rows[1], StringComparison.Ordinal);
        Assert.Contains("Sue Supervisor value", cut.Find("[data-testid=conflict-differences] thead").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=conflict-reload]"));

        cut.Find("[data-testid=conflict-keep]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict-message]")));
        Assert.NotNull(cut.Find("[data-testid=contact-save]"));
    }

    private IRenderedComponent<IComponent> OpenDialog(Guid? id, ContactInput? input = null)
    {
        var cut = RenderWithProviders<ContactsPage>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ContactDialog> { { d => d.ContactId, id }, { d => d.Input, input ?? new ContactInput() } };
        cut.InvokeAsync(() => dialogs.ShowAsync<ContactDialog>("Contact", parameters));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=contact-save]")));
        return cut;
    }
}
