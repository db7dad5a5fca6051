using System.Text.Json;
using LibraryOutreach.Web.Features.Preferences;

namespace LibraryOutreach.ComponentTests;

/// <summary>Remembers preferences as JSON in memory, as the real service does in the database.</summary>
public sealed class FakePreferenceService : IPreferenceService
{
    public Dictionary<string, string> Saved { get; } = [];

    public Task<T?> GetAsync<T>(string key, CancellationToken ct = default)
        where T : class =>
        Task.FromResult(Saved.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json) : null);

    public Task SetAsync<T>(string key, T value, CancellationToken ct = default)
        where T : class
    {
        Saved[key] = JsonSerializer.Serialize(value);
        return Task.CompletedTask;
    }

    public T? Read<T>(string key)
        where T : class => Saved.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json) : null;
}
