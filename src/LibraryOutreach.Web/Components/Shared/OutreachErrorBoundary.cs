using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace LibraryOutreach.Web.Components.Shared;

/// <summary>
/// Catches an unhandled error in a page, logs it with a short correlation id, and shows that id
/// so a librarian can quote it and an admin can find the matching log entry.
/// </summary>
public sealed class OutreachErrorBoundary : ErrorBoundaryBase
{
    [Inject]
    private ILogger<OutreachErrorBoundary> Logger { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The correlation id of the last error shown.</summary>
    public string? CorrelationId { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        CorrelationId = NewCorrelationId();
        Logger.LogError(exception, "Unhandled error on {Page}. CorrelationId {CorrelationId}", Navigation.ToBaseRelativePath(Navigation.Uri), CorrelationId);
        return Task.CompletedTask;
    }

    internal static string NewCorrelationId() => Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 5));

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddAttribute(3, "role", "alert");
        builder.AddAttribute(4, "data-testid", "error-boundary");
        builder.AddComponentParameter(5, nameof(MudAlert.ChildContent), (RenderFragment)(b =>
        {
            b.OpenElement(0, "p");
            b.AddContent(1, "Something went wrong on this page. Nothing you saved before this was lost.");
            b.CloseElement();
            b.OpenElement(2, "p");
            b.AddContent(3, $"If it happens again, tell your administrator this reference: {CorrelationId}");
            b.CloseElement();
            b.OpenComponent<MudButton>(4);
            b.AddComponentParameter(5, nameof(MudButton.Variant), Variant.Outlined);
            b.AddComponentParameter(6, nameof(MudButton.OnClick), EventCallback.Factory.Create<MouseEventArgs>(this, Recover));
            b.AddComponentParameter(7, nameof(MudButton.ChildContent), (RenderFragment)(c => c.AddContent(0, "Try again")));
            b.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
