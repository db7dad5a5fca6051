using LibraryOutreach.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Features.Setup;

/// <summary>
/// At start-up, while no staff account exists, makes a new setup token and logs the setup link. This is the one
/// place a token is deliberately written to the log: it is how the person installing the app gets in.
/// </summary>
public sealed class SetupNotice(
    IServiceScopeFactory scopeFactory,
    SetupTokenStore tokens,
    IOptions<LibraryOptions> libraryOptions,
    ILogger<SetupNotice> logger,
    IServer? server = null)
{
    private readonly TaskCompletionSource _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the start-up check has run (whether or not a link was logged).</summary>
    public Task Announced => _announced.Task;

    public async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AnnounceCoreAsync(cancellationToken);
        }
        finally
        {
            _announced.TrySetResult();
        }
    }

    private async Task AnnounceCoreAsync(CancellationToken cancellationToken)
    {
        bool anyAccount;
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            anyAccount = await scope.ServiceProvider.GetRequiredService<SetupService>().AnyAccountExistsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not check whether a staff account exists, so no setup link was made. Is the database migrated?");
            return;
        }

        if (anyAccount)
        {
            return;
        }

        var token = tokens.Generate();
        logger.LogWarning("No staff account exists yet. Open {Url}/setup?token={Token} to create the first administrator.", BaseUrl(), token);
    }

    /// <summary>The address the server listens on (a wildcard host shown as localhost), else Library:PublicUrl.</summary>
    internal string BaseUrl()
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        return address is null ? libraryOptions.Value.PublicUrl.TrimEnd('/') : ForBrowser(address);
    }

    internal static string ForBrowser(string address)
    {
        // Kestrel reports wildcard bindings as e.g. http://[::]:5080, http://0.0.0.0:5080 or http://+:80.
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return address.TrimEnd('/');
        }

        var hostStart = schemeEnd + 3;
        var rest = address[hostStart..];
        string[] wildcards = ["[::]", "0.0.0.0", "+", "*"];
        foreach (var wildcard in wildcards)
        {
            if (rest.StartsWith(wildcard, StringComparison.Ordinal) && (rest.Length == wildcard.Length || rest[wildcard.Length] is ':' or '/'))
            {
                return (address[..hostStart] + "localhost" + rest[wildcard.Length..]).TrimEnd('/');
            }
        }

        return address.TrimEnd('/');
    }
}
