using Bunit.TestDoubles;
using LibraryOutreach.ComponentTests.Features.Cadence;
using LibraryOutreach.ComponentTests.Features.FollowUps;
using LibraryOutreach.ComponentTests.Features.Health;
using LibraryOutreach.ComponentTests.Features.Timeline;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.Export;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Preferences;
using LibraryOutreach.Web.Features.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace LibraryOutreach.ComponentTests;

/// <summary>
/// bUnit with MudBlazor: MudBlazor services, loose JS interop (MudBlazor calls JS that tests don't care about),
/// and the popover, dialog and snackbar providers rendered next to the component so menus, dialogs and
/// snackbars appear in the same markup. xunit v2 disposes synchronously, but some MudBlazor services are only
/// IAsyncDisposable, so the context is disposed through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class MudBunitTestBase : BunitContext, IAsyncLifetime
{
    protected MudBunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IPreferenceService>(Preferences);
        Services.AddSingleton<IExportService>(Exports);
        // The follow-up, stay-in-touch and health panels sit on contact and organization pages: empty fakes unless a test adds its own.
        Services.AddSingleton<FollowUpChanges>();
        Services.AddSingleton<IFollowUpService>(sp => new FakeFollowUpService(sp.GetRequiredService<FollowUpChanges>(), DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime)));
        Services.AddSingleton<ICadenceService>(new FakeCadenceService());
        Services.AddSingleton<IRelationshipHealthService>(new FakeRelationshipHealthService());
        Services.AddSingleton<Microsoft.Extensions.Options.IOptions<HealthOptions>>(Microsoft.Extensions.Options.Options.Create(new HealthOptions()));
        Services.AddSingleton<ITimelineService>(new FakeTimelineService());
        Services.AddScoped<FollowUpActions>();
    }

    /// <summary>What the pages under test remembered for the signed-in person.</summary>
    protected FakePreferenceService Preferences { get; } = new();

    protected FakeExportService Exports { get; } = new();

    /// <summary>"Now" for the components under test.</summary>
    protected FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Signs in a test user with the Admin role (for pages and views that check authorization).</summary>
    protected BunitAuthorizationContext AuthorizeAsAdmin(string name = "Ada Admin")
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(Roles.Admin);
        return authorization;
    }

    /// <summary>Renders <typeparamref name="TComponent"/> after MudBlazor's popover, dialog and snackbar providers.</summary>
    protected IRenderedComponent<IComponent> RenderWithProviders<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        Render(builder => BuildWithProviders<TComponent>(builder, parameters));

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static void BuildWithProviders<TComponent>(RenderTreeBuilder builder, IDictionary<string, object?>? parameters)
        where TComponent : IComponent
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<TComponent>(3);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            builder.AddComponentParameter(4, name, value);
        }

        builder.CloseComponent();
    }
}

/// <summary>A clock that stays where the test puts it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
