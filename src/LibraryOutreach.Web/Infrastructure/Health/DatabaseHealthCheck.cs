using System.Text.Json;
using LibraryOutreach.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LibraryOutreach.Web.Infrastructure.Health;

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<OutreachDbContext> contextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database is reachable.")
                : HealthCheckResult.Unhealthy("The database is not reachable.");
        }
#pragma warning disable CA1031 // A health check reports any failure instead of throwing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", ex);
        }
    }
}

public static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: anonymous, for monitoring; 200 with "Healthy" or 503 with "Unhealthy", and the database's state as JSON.</summary>
    public static IEndpointConventionBuilder MapOutreachHealth(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        }).AllowAnonymous();
    }
}
