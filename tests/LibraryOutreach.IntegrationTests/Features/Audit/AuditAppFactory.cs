using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.IntegrationTests.Features.Audit;

/// <summary>The real app whose <see cref="TimeProvider"/> is a <see cref="FixedTimeProvider"/>.</summary>
public sealed class AuditAppFactory(TestDatabase database, DateTimeOffset now) : OutreachAppFactory(database)
{
    public DateTimeOffset Now { get; } = now;

    public static async Task<AuditAppFactory> CreateAsync(DatabaseProvider provider, DateTimeOffset now)
    {
        var factory = new AuditAppFactory(await TestDatabase.CreateAsync(provider), now);
        _ = factory.Server;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now)));
    }
}
