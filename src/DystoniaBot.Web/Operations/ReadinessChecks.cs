using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DystoniaBot.Web.Operations;

/// <summary>Ready when the knowledge index holds passages to answer from.</summary>
internal sealed class KnowledgeReadinessCheck(KnowledgeIndex index) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.Statistics.Passages > 0
            ? HealthCheckResult.Healthy($"{index.Statistics.Passages} passages")
            : HealthCheckResult.Unhealthy("the knowledge index holds no passage"));
}

/// <summary>Ready when the database answers a cheap query.</summary>
internal sealed class StorageReadinessCheck(IStorageHealth storage) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy("reachable");
        }
#pragma warning disable CA1031 // Any failure of the database means "not ready"; the health check service logs the exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The response is public: the reason names the failure's type, never its message (it may hold a host or path).
            // A server's error code is shown too: a code from PostgreSQL's fixed list, it tells an outage from, say, a
            // missing table or a refused login without reading the logs.
            return HealthCheckResult.Unhealthy($"the database can't be reached ({Describe(e)})", e);
        }
    }

    private static string Describe(Exception exception) =>
        exception is PostgresException { SqlState: { } code } ? $"{nameof(PostgresException)} {code}" : exception.GetType().Name;
}

/// <summary>The JSON body of /readyz: the overall status and each check's with its reason.</summary>
internal static class ReadinessResponse
{
    /// <summary>Writes the report.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = Status(report.Status),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { status = Status(entry.Value.Status), reason = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ready",
        HealthStatus.Degraded => "degraded",
        _ => "unavailable",
    };
}
