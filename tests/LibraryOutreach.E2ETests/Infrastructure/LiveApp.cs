using System.Net;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.E2ETests.Infrastructure;

/// <summary>The real app on a real Kestrel server on a free loopback port, over a fresh database.</summary>
public sealed class LiveApp : IAsyncDisposable
{
    private LiveApp(OutreachAppFactory factory, Uri baseAddress)
    {
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public OutreachAppFactory Factory { get; }

    public Uri BaseAddress { get; }

    public string Url(string relative) => new Uri(BaseAddress, relative.TrimStart('/')).ToString();

    public static async Task<LiveApp> StartAsync(
        IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite, Action<IServiceCollection>? services = null)
    {
        var factory = new OutreachAppFactory(await TestDatabase.CreateAsync(provider));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.WithSetting(key, value);
        }

        if (services is not null)
        {
            factory.WithServices(services);
        }

        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // "localhost" rather than 127.0.0.1: browsers treat it as a secure context.
        var uri = new UriBuilder(address) { Host = "localhost" }.Uri;
        return new LiveApp(factory, uri);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
