using System.Security.Claims;
using Google.Apis.Auth.OAuth2.Requests;
using Google.Apis.Auth.OAuth2.Responses;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.CalendarSync.Google;
using LibraryOutreach.Web.Features.CalendarSync.Ics;
using LibraryOutreach.Web.Features.CalendarSync.Sync;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.CalendarSync;

public sealed record ConnectedCalendarView(Guid Id, string Name, string ExternalId, bool IsSelected, DateTimeOffset? LastSyncedAt);

public sealed record CalendarRunView(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Trigger, CalendarSyncOutcome Outcome, int Added, int Updated, int Removed, int Skipped, string? Error);

/// <summary>A connection as its owner and Admins see it. Never carries the credential.</summary>
public sealed record CalendarConnectionView(
    Guid Id,
    string OwnerId,
    string OwnerName,
    CalendarConnectionKind Kind,
    string Name,
    string? AccountEmail,
    CalendarConnectionState State,
    CalendarOutreachRule Rule,
    string Keyword,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    DateTimeOffset? NextRunAt,
    bool IsRunning,
    IReadOnlyList<ConnectedCalendarView> Calendars,
    IReadOnlyList<CalendarRunView> RecentRuns,
    int PendingSuggestions,
    Guid Version);

/// <summary>What the owner can change about a connection.</summary>
public sealed class CalendarConnectionSettings
{
    public string Name { get; set; } = "";

    public CalendarOutreachRule Rule { get; set; }

    public string Keyword { get; set; } = "#outreach";

    public HashSet<Guid> SelectedCalendarIds { get; set; } = [];

    public Guid Version { get; set; }
}

/// <summary>
/// Calendar connections: list them (a person their own, Admins everyone's), add an iCal feed, finish a Google consent,
/// add a Workspace service-account connection (Admins), change the rule and the calendars, sync now, disconnect
/// (revoking Google's token). Only the owner and Admins see or change a connection, checked here.
/// </summary>
public sealed class CalendarConnectionService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    CalendarSecrets secrets,
    GoogleClients google,
    CalendarSyncService sync,
    TimeProvider timeProvider,
    ILogger<CalendarConnectionService> logger)
{
    public const int RecentRunCount = 5;

    public async Task<IReadOnlyList<CalendarConnectionView>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        var me = UserId(principal);
        return await ListAsync(c => c.OwnerId == me, cancellationToken);
    }

    /// <summary>Every connection, for the Admin overview.</summary>
    public async Task<IReadOnlyList<CalendarConnectionView>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireAsync(Policies.Admin);
        return await ListAsync(_ => true, cancellationToken);
    }

    public async Task<CalendarConnectionView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RequireOwnerOrAdminAsync(id, cancellationToken);
        return (await ListAsync(c => c.Id == id, cancellationToken)).Single();
    }

    /// <summary>Adds an iCal feed of the current user (or of <paramref name="ownerId"/>, for Admins).</summary>
    public async Task<Guid> AddFeedAsync(string name, string url, CalendarOutreachRule rule, string keyword, string? ownerId = null, CancellationToken cancellationToken = default)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        var owner = await ResolveOwnerAsync(principal, ownerId);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleanName = ValidateName(name, errors);
        var cleanKeyword = ValidateKeyword(rule, keyword, errors);
        var address = IcsFeedClient.ToHttp(url ?? "");
        if (address.Length == 0)
        {
            errors["Url"] = "Paste the calendar's iCal address.";
        }
        else if (!Uri.TryCreate(address, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(parsed.Host))
        {
            errors["Url"] = "That is not a web address. An iCal address starts with https:// (or webcal://).";
        }
        else if (address.Length > 2000)
        {
            errors["Url"] = "That address is longer than 2,000 characters.";
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        var connection = new CalendarConnection
        {
            OwnerId = owner,
            Kind = CalendarConnectionKind.IcsFeed,
            Name = cleanName,
            ProtectedSecret = secrets.Protect(address),
            Rule = rule,
            Keyword = cleanKeyword,
            Calendars = [new ConnectedCalendar { ExternalId = "feed", Name = cleanName, IsSelected = true }],
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.CalendarConnections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return connection.Id;
    }

    /// <summary>
    /// After Google's consent screen: stores the refresh token (encrypted) and the person's calendars (the primary one
    /// chosen), or renews an earlier connection of the same account ("reconnect"). Missing scopes leave the connection
    /// in "reconnect needed" with the reason.
    /// </summary>
    public async Task<Guid> CompleteGoogleConsentAsync(TokenResponse token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var principal = await guard.RequireAsync(Policies.Staff);
        var me = UserId(principal);
        if (string.IsNullOrEmpty(token.RefreshToken))
        {
            throw new RecordValidationException("Google did not hand over lasting access. Try again; if it keeps happening, remove LibraryOutreach under \"Third-party access\" in your Google account and connect again.");
        }

        var granted = (token.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var enough = granted.Contains(GoogleOptions.ReadonlyScope) || GoogleOptions.Scopes.All(granted.Contains);

        var calendars = new List<GoogleCalendarListEntry>();
        if (enough && !string.IsNullOrEmpty(token.AccessToken))
        {
            using var service = google.ForAccessToken(token.AccessToken);
            string? page = null;
            do
            {
                var request = service.ListCalendars();
                request.PageToken = page;
                var result = await request.ExecuteAsync(cancellationToken);
                calendars.AddRange((result.Items ?? []).Where(c => c.Deleted != true && !string.IsNullOrEmpty(c.Id)));
                page = result.NextPageToken;
            }
            while (!string.IsNullOrEmpty(page));
        }

        var account = calendars.FirstOrDefault(c => c.Primary == true)?.Id;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = account is null ? null : await db.CalendarConnections.Include(c => c.Calendars)
            .FirstOrDefaultAsync(c => c.OwnerId == me && c.Kind == CalendarConnectionKind.GoogleOAuth && c.AccountEmail == account, cancellationToken);
        if (connection is null)
        {
            connection = new CalendarConnection
            {
                OwnerId = me,
                Kind = CalendarConnectionKind.GoogleOAuth,
                Name = account is null ? "Google Calendar" : $"Google Calendar ({account})",
                AccountEmail = account,
            };
            db.CalendarConnections.Add(connection);
        }

        connection.ProtectedSecret = secrets.Protect(token.RefreshToken);
        connection.GrantedScopes = string.Join(' ', granted.Order(StringComparer.Ordinal));
        connection.State = enough ? CalendarConnectionState.Active : CalendarConnectionState.ReconnectNeeded;
        connection.LastError = enough ? null : "Google was connected without permission to read your calendars. Connect again and tick the calendar boxes on Google's screen.";
        connection.NextRunAt = null;
        foreach (var entry in calendars)
        {
            var existing = connection.Calendars.FirstOrDefault(c => c.ExternalId == entry.Id);
            if (existing is null)
            {
                connection.Calendars.Add(new ConnectedCalendar
                {
                    ExternalId = entry.Id!,
                    Name = CalendarText.ToLine(entry.Summary, FieldLimits.Name) ?? entry.Id!,
                    TimeZone = entry.TimeZone,
                    IsSelected = entry.Primary == true,
                });
            }
            else
            {
                existing.Name = CalendarText.ToLine(entry.Summary, FieldLimits.Name) ?? existing.Name;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Google Calendar connected for {UserId} (connection {ConnectionId}, {Count} calendars)", me, connection.Id, calendars.Count);
        return connection.Id;
    }

    /// <summary>Admins: sync <paramref name="staffUserId"/>'s primary calendar through the Workspace service account.</summary>
    public async Task<Guid> AddServiceAccountConnectionAsync(string staffUserId, CalendarOutreachRule rule, string keyword, CancellationToken cancellationToken = default)
    {
        await guard.RequireAsync(Policies.Admin);
        if (!google.ServiceAccountConfigured)
        {
            throw new RecordValidationException("No Workspace service account is set up (CalendarSync:Google:ServiceAccountKeyFile).");
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleanKeyword = ValidateKeyword(rule, keyword, errors);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == staffUserId && u.IsActive).Select(u => new { u.Id, u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (staff?.Email is null)
        {
            errors["StaffUserId"] = "Choose an active staff member.";
        }
        else if (await db.CalendarConnections.AnyAsync(c => c.OwnerId == staff.Id && c.Kind == CalendarConnectionKind.GoogleServiceAccount, cancellationToken))
        {
            errors["StaffUserId"] = $"{staff.DisplayName}'s calendar is already synced through the service account.";
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        var connection = new CalendarConnection
        {
            OwnerId = staff!.Id,
            Kind = CalendarConnectionKind.GoogleServiceAccount,
            Name = $"Workspace calendar ({staff.Email})",
            AccountEmail = staff.Email,
            Rule = rule,
            Keyword = cleanKeyword,
            Calendars = [new ConnectedCalendar { ExternalId = "primary", Name = staff.Email!, IsSelected = true }],
        };
        db.CalendarConnections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return connection.Id;
    }

    public async Task UpdateSettingsAsync(Guid id, CalendarConnectionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await RequireOwnerOrAdminAsync(id, cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = ValidateName(settings.Name, errors);
        var keyword = ValidateKeyword(settings.Rule, settings.Keyword, errors);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.CalendarConnections.Include(c => c.Calendars).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                         ?? throw new RecordNotFoundException("That calendar connection no longer exists.");
        if (connection.Calendars.Count > 0 && !connection.Calendars.Any(c => settings.SelectedCalendarIds.Contains(c.Id)))
        {
            errors["Calendars"] = "Choose at least one calendar to sync.";
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        if (connection.Version != settings.Version)
        {
            throw new ConcurrencyConflictException("Someone else changed this connection since you opened it.");
        }

        var ruleChanged = connection.Rule != settings.Rule || !string.Equals(connection.Keyword, keyword, StringComparison.Ordinal);
        connection.Name = name;
        connection.Rule = settings.Rule;
        connection.Keyword = keyword;
        foreach (var calendar in connection.Calendars)
        {
            var selected = settings.SelectedCalendarIds.Contains(calendar.Id);
            if (selected && !calendar.IsSelected)
            {
                calendar.SyncToken = null; // newly chosen: list it in full
            }

            calendar.IsSelected = selected;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Someone else changed this connection since you opened it.", ex);
        }

        if (ruleChanged)
        {
            // Copies waiting for review follow the new rule at once; confirmed and dismissed ones keep their state.
            var copies = await db.CalendarEventCopies
                .Where(c => c.Calendar!.ConnectionId == id && !c.IsRemoved && (c.State == CalendarSuggestionState.Pending || c.State == CalendarSuggestionState.NotOutreach))
                .ToListAsync(cancellationToken);
            foreach (var copy in copies)
            {
                copy.State = CalendarCopyWriter.IsOutreach(connection, copy.Title, copy.Description) ? CalendarSuggestionState.Pending : CalendarSuggestionState.NotOutreach;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await db.CalendarConnections.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRunAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Runs one sync pass now (the owner's "Sync now"); also brings a stopped or reconnect-needed connection back to try again.</summary>
    public async Task<CalendarSyncResult> SyncNowAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RequireOwnerOrAdminAsync(id, cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.CalendarConnections.Where(c => c.Id == id && c.State == CalendarConnectionState.Stopped)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CalendarConnectionState.Active), cancellationToken);
        }

        return await sync.SyncAsync(id, "manual", cancellationToken);
    }

    /// <summary>
    /// Disconnects: revokes Google's token (best effort: a token Google already dropped is fine) and deletes the
    /// connection with its copies and runs. Outreach events confirmed from it stay: they are the library's records.
    /// </summary>
    public async Task DisconnectAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RequireOwnerOrAdminAsync(id, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.CalendarConnections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return;
        }

        if (connection.Kind == CalendarConnectionKind.GoogleOAuth && secrets.TryUnprotect(connection.ProtectedSecret) is { } refreshToken && google.OAuthConfigured)
        {
            try
            {
                await google.CreateFlow().RevokeTokenAsync("connection", refreshToken, cancellationToken);
            }
            catch (Exception ex) when (ex is TokenResponseException or HttpRequestException or TaskCanceledException)
            {
                logger.LogWarning("Revoking the Google token of connection {ConnectionId} failed ({Error}); the connection is removed anyway", id, ex.GetType().Name);
            }
        }

        db.CalendarConnections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Throws unless the current user owns connection <paramref name="id"/> or is an Admin.</summary>
    public async Task<ClaimsPrincipal> RequireOwnerOrAdminAsync(Guid id, CancellationToken cancellationToken)
    {
        var principal = await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.CalendarConnections.Where(c => c.Id == id).Select(c => c.OwnerId).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new RecordNotFoundException("That calendar connection no longer exists.");
        if (owner != UserId(principal) && !principal.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Only the calendar's owner and Admins can see or change this connection.");
        }

        return principal;
    }

    private async Task<IReadOnlyList<CalendarConnectionView>> ListAsync(System.Linq.Expressions.Expression<Func<CalendarConnection, bool>> filter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CalendarConnections.AsNoTracking().Where(filter)
            .OrderBy(c => c.Owner!.DisplayName).ThenBy(c => c.Name)
            .Select(c => new
            {
                c.Id, c.OwnerId, OwnerName = c.Owner!.DisplayName, c.Kind, c.Name, c.AccountEmail, c.State, c.Rule, c.Keyword,
                c.LastRunAt, c.LastSuccessAt, c.LastErrorAt, c.LastError, c.NextRunAt, c.LeaseExpiresAt, c.Version,
                Calendars = c.Calendars.OrderByDescending(k => k.IsSelected).ThenBy(k => k.Name)
                    .Select(k => new ConnectedCalendarView(k.Id, k.Name, k.ExternalId, k.IsSelected, k.LastSyncedAt)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var pending = await db.CalendarEventCopies
            .Where(c => EF.Parameter(ids).Contains(c.Calendar!.ConnectionId) && c.State == CalendarSuggestionState.Pending && !c.IsRemoved)
            .GroupBy(c => c.Calendar!.ConnectionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var runs = (await db.CalendarSyncRuns.AsNoTracking()
                .Where(r => EF.Parameter(ids).Contains(r.ConnectionId))
                .OrderByDescending(r => r.StartedAt)
                .Take(Math.Max(1, ids.Count) * 20)
                .Select(r => new { r.ConnectionId, View = new CalendarRunView(r.StartedAt, r.EndedAt, r.Trigger, r.Outcome, r.Added, r.Updated, r.Removed, r.Skipped, r.Error) })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ConnectionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CalendarRunView>)g.Select(r => r.View).Take(RecentRunCount).ToList());
        return rows.Select(r => new CalendarConnectionView(
            r.Id, r.OwnerId, r.OwnerName, r.Kind, r.Name, r.AccountEmail, r.State, r.Rule, r.Keyword,
            r.LastRunAt, r.LastSuccessAt, r.LastErrorAt, r.LastError, r.NextRunAt, r.LeaseExpiresAt > now,
            r.Calendars, runs.GetValueOrDefault(r.Id, []), pending.GetValueOrDefault(r.Id), r.Version)).ToList();
    }

    private async Task<string> ResolveOwnerAsync(ClaimsPrincipal principal, string? ownerId)
    {
        var me = UserId(principal);
        if (ownerId is null || ownerId == me)
        {
            return me;
        }

        if (!principal.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Only Admins can add a calendar for someone else.");
        }

        await using var db = await contextFactory.CreateDbContextAsync();
        return await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive)
            ? ownerId
            : throw new RecordValidationException(new Dictionary<string, string> { ["OwnerId"] = "Choose an active staff member." });
    }

    private static string ValidateName(string? name, Dictionary<string, string> errors)
    {
        var clean = (name ?? "").Trim();
        if (clean.Length == 0)
        {
            errors["Name"] = "Give the calendar a name, e.g. \"Branch events\".";
        }
        else if (clean.Length > FieldLimits.Name)
        {
            errors["Name"] = $"Keep the name under {FieldLimits.Name} characters.";
        }

        return clean;
    }

    private static string ValidateKeyword(CalendarOutreachRule rule, string? keyword, Dictionary<string, string> errors)
    {
        var clean = (keyword ?? "").Trim();
        if (rule == CalendarOutreachRule.Keyword && clean.Length == 0)
        {
            errors["Keyword"] = "Enter the keyword that marks outreach events, e.g. #outreach.";
        }
        else if (clean.Length > FieldLimits.TagName)
        {
            errors["Keyword"] = $"Keep the keyword under {FieldLimits.TagName} characters.";
        }

        return clean.Length == 0 ? "#outreach" : clean;
    }

    private static string UserId(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException();

    /// <summary>Builds the consent address (state, PKCE, offline access, consent prompt) for <paramref name="redirectUri"/>.</summary>
    public Uri ConsentUri(string redirectUri, string state, string codeChallenge, string? loginHint)
    {
        var request = (GoogleAuthorizationCodeRequestUrl)google.CreateFlow().CreateAuthorizationCodeRequest(redirectUri);
        request.State = state;
        request.AccessType = "offline";
        request.Prompt = "consent";
        request.CodeChallenge = codeChallenge;
        request.CodeChallengeMethod = "S256";
        request.LoginHint = loginHint;
        return request.Build();
    }
}
