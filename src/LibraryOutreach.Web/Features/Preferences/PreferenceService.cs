using System.Security.Claims;
using System.Text.Json;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Preferences;

/// <summary>
/// What each signed-in person chose on their screens (a list's filters, columns, page size), kept in the database so
/// it follows them to any computer, and stays apart on a shared desk computer.
/// </summary>
public interface IPreferenceService
{
    /// <summary>The current person's value under <paramref name="key"/>; null when never saved or no longer readable.</summary>
    Task<T?> GetAsync<T>(string key, CancellationToken ct = default)
        where T : class;

    Task SetAsync<T>(string key, T value, CancellationToken ct = default)
        where T : class;
}

public sealed class PreferenceService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    TimeProvider timeProvider,
    ILogger<PreferenceService> logger) : IPreferenceService
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<T?> GetAsync<T>(string key, CancellationToken ct = default)
        where T : class
    {
        var userId = await UserIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var json = await db.UserPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Key == key)
            .Select(p => p.Value)
            .FirstOrDefaultAsync(ct);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            // Saved by an older version in another shape: start from the defaults.
            logger.LogWarning(ex, "Preference {Key} could not be read; using the defaults", key);
            return null;
        }
    }

    public async Task SetAsync<T>(string key, T value, CancellationToken ct = default)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, UserPreferenceConfiguration.KeyLimit);
        var json = JsonSerializer.Serialize(value, JsonOptions);
        if (json.Length > UserPreferenceConfiguration.ValueLimit)
        {
            throw new ArgumentException($"The preference {key} is too long to keep.", nameof(value));
        }

        var userId = await UserIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var preference = await db.UserPreferences.FirstOrDefaultAsync(p => p.UserId == userId && p.Key == key, ct);
        if (preference is null)
        {
            db.UserPreferences.Add(preference = new UserPreference { UserId = userId, Key = key });
        }

        preference.Value = json;
        preference.UpdatedAt = timeProvider.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(preference).State == EntityState.Added)
        {
            // The same person saved the same key from another tab at the same moment: that save stands.
        }
    }

    private async Task<string> UserIdAsync()
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        return principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException();
    }
}
