using System.Text.Json;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.JSInterop;

namespace LibraryOutreach.Web.Infrastructure.Drafts;

/// <summary>
/// Keeps what someone is typing into a long form in the browser's local storage, so a dropped connection loses
/// nothing: while the circuit lives the form keeps its state in memory and survives the reconnection; if the circuit
/// is gone, the page reloads and the form asks <see cref="LoadAsync{T}"/> for its draft. Drafts are per person and per
/// form (<c>"log-meeting"</c>, <c>"log-touch"</c>, <c>"event-edit:{id}"</c>), expire after <see cref="Lifetime"/>,
/// and are removed when the form is saved or discarded and at sign-out (a library desk computer is shared).
/// Storage failures (private browsing, a full quota, a circuit already gone) are swallowed: a draft is a safety net,
/// never a reason for a form to fail.
/// </summary>
public sealed class FormDraftStore(IJSRuntime js, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>How long an unsaved draft is offered back.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Saves <paramref name="model"/> as the draft of <paramref name="form"/> for the current person.</summary>
    public async Task SaveAsync<T>(string form, T model, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(form);
        if (key is null)
        {
            return;
        }

        var envelope = new DraftEnvelope<T>(time.GetUtcNow(), model);
        await TryAsync(async () => await js.InvokeVoidAsync("outreach.drafts.save", cancellationToken, key, JsonSerializer.Serialize(envelope, Json)));
    }

    /// <summary>The current person's unexpired draft of <paramref name="form"/>, or default when there is none (or it can't be read).</summary>
    public async Task<T?> LoadAsync<T>(string form, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(form);
        if (key is null)
        {
            return default;
        }

        string? text = null;
        await TryAsync(async () => text = await js.InvokeAsync<string?>("outreach.drafts.load", cancellationToken, key));
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<DraftEnvelope<T>>(text, Json);
            if (envelope is null || time.GetUtcNow() - envelope.SavedAt > Lifetime)
            {
                await ClearAsync(form, cancellationToken);
                return default;
            }

            return envelope.Model;
        }
        catch (JsonException)
        {
            // A draft from an older version of the form: drop it rather than fail.
            await ClearAsync(form, cancellationToken);
            return default;
        }
    }

    /// <summary>Removes the draft of <paramref name="form"/> (after a save or when the person discards it).</summary>
    public async Task ClearAsync(string form, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(form);
        if (key is not null)
        {
            await TryAsync(async () => await js.InvokeVoidAsync("outreach.drafts.remove", cancellationToken, key));
        }
    }

    private async Task<string?> KeyAsync(string form)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(form);
        var userId = await currentUser.GetUserIdAsync();
        return userId is null ? null : $"outreach-draft:{userId}:{form}";
    }

    private static async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (JSException)
        {
        }
        catch (JSDisconnectedException)
        {
        }
        catch (InvalidOperationException)
        {
            // JS interop is not available while prerendering.
        }
        catch (TaskCanceledException)
        {
        }
    }

    private sealed record DraftEnvelope<T>(DateTimeOffset SavedAt, T Model);
}
