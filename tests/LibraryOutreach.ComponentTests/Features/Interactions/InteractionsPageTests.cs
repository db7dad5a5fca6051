using LibraryOutreach.ComponentTests.Features.Contacts;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Infrastructure.Drafts;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.ComponentTests.Features.Interactions;

public class InteractionsPageTests : MudBunitTestBase
{
    private readonly FakeInteractionService _interactions;

    public InteractionsPageTests()
    {
        _interactions = new FakeInteractionService(Clock);
        Services.AddSingleton<IInteractionService>(_interactions);
        Services.AddSingleton<IContactService>(new FakeContactService());
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<FormDraftStore>();
        AuthorizeAsAdmin();
    }

    private static InteractionRow Row(string summary, bool canEdit) => new(
        Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.FromHours(-4)), ContactChannel.Phone, InitiatedBy.Partner,
        "sam", "Sam Staff", Guid.NewGuid(), "Edna Krabappel", Guid.NewGuid(), "Springfield Elementary", summary, canEdit);

    [Fact]
    public void List_ShowsRows_WithEditAndDeleteOnlyWhereAllowed()
    {
        _interactions.Rows.Add(Row("Edna called about the class visit", canEdit: true));
        _interactions.Rows.Add(Row("Kim's touch", canEdit: false));

        var cut = RenderWithProviders<InteractionsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=interaction-summary]").Count));
        var first = cut.FindAll("[data-testid=interactions-table] tbody tr")[0].TextContent;
        Assert.Contains("Edna Krabappel", first, StringComparison.Ordinal);
        Assert.Contains("Springfield Elementary", first, StringComparison.Ordinal);
        Assert.Contains("Partner", first, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=interaction-edit]"));
        Assert.Single(cut.FindAll("[data-testid=interaction-delete]"));
    }

    [Fact]
    public void List_NoInteractions_ShowsTheEmptyStateWithTheShortcut()
    {
        var cut = RenderWithProviders<InteractionsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Alt+Shift+L", cut.Find("[data-testid=interactions-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void RememberedFilters_AreSentWithTheFirstQuery()
    {
        _ = Preferences.SetAsync(InteractionsPage.PrefsKey, new InteractionsPage.ListPrefs { Text = "edna", Channel = ContactChannel.Email, InitiatedBy = InitiatedBy.Mutual, From = new DateOnly(2026, 3, 1), PageSize = 50 });

        var cut = RenderWithProviders<InteractionsPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(_interactions.Queries));
        var query = _interactions.Queries[^1];
        Assert.Equal(("edna", ContactChannel.Email, InitiatedBy.Mutual, new DateOnly(2026, 3, 1), 50), (query.Text, query.Channel!.Value, query.InitiatedBy!.Value, query.From!.Value, query.PageSize));
        Assert.Contains("No interactions match these filters.", cut.Markup, StringComparison.Ordinal);
    }
}
