using System.Diagnostics;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Health;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.SystemScale;

/// <summary>A generated staff account with the password the run gives it.</summary>
public sealed record StaffAccount(string Email, string Role);

/// <summary>
/// A copy of the outreach database (<see cref="OutreachDataSize.Outreach"/>, copied with
/// <see cref="OutreachDataGenerator.CopyToAsync"/>; the cached file is never opened for writing) made ready to be
/// used the way a library uses it on an ordinary day: the 12 generated staff accounts get a password (the generator
/// leaves them without one, and the 12-account limit leaves no room for <c>create-admin</c>), and the two-way health
/// rows are filled by the app's own daily refresh (<see cref="HealthRefreshCoordinator.RefreshIfStaleAsync"/>), as the
/// worker does after midnight, so a start-up does not begin with a full refresh of 55,000 relationships.
/// </summary>
public sealed class SystemScaleData : IDisposable
{
    /// <summary>Every generated account's password for the run (12+ characters, not a common one).</summary>
    public const string Password = "system-scale-bench-2026-outreach";

    private SystemScaleData(string root, IReadOnlyList<StaffAccount> staff, IReadOnlyList<Guid> contacts)
    {
        Root = root;
        Staff = staff;
        Contacts = contacts;
    }

    /// <summary>The run's folder; the app's data directory is <see cref="DataDirectory"/>.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>The 12 accounts, the Admin first.</summary>
    public IReadOnlyList<StaffAccount> Staff { get; }

    public StaffAccount Admin => Staff[0];

    /// <summary>400 active contacts, a sample by id (random: the ids are random), not the busiest one.</summary>
    public IReadOnlyList<Guid> Contacts { get; }

    public static async Task<SystemScaleData> PrepareAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "lo-system-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var watch = Stopwatch.StartNew();
        await new OutreachDataGenerator(OutreachDataSize.Outreach).CopyToAsync(data);
        Console.WriteLine($"// Copied the outreach database to {data} in {watch.Elapsed.TotalSeconds:0.0} s");

        using var app = BenchmarkApp.Create(data);
        var staff = new List<StaffAccount>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var user in await users.Users.OrderBy(u => u.Id).ToListAsync())
            {
                if (await users.HasPasswordAsync(user))
                {
                    await users.RemovePasswordAsync(user);
                }

                var result = await users.AddPasswordAsync(user, Password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not set the password of {user.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }

                staff.Add(new StaffAccount(user.Email!, (await users.GetRolesAsync(user)).Single()));
            }
        }

        watch.Restart();
        var written = await app.Services.GetRequiredService<HealthRefreshCoordinator>().RefreshIfStaleAsync(full: true, CancellationToken.None);
        Console.WriteLine($"// The daily health refresh wrote {written} rows in {watch.Elapsed.TotalSeconds:0.0} s (load {SystemScaleRun.LoadAverage()})");

        List<Guid> contacts;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OutreachDbContext>>().CreateDbContextAsync())
        {
            contacts = await db.Contacts
                .Where(c => !c.IsArchived && c.MergedIntoId == null && c.Id != OutreachDataGenerator.BusiestContactId)
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(400)
                .ToListAsync();
        }

        var ordered = staff.OrderBy(s => s.Role == Roles.Admin ? 0 : 1).ToList();
        return new SystemScaleData(root, ordered, contacts);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
