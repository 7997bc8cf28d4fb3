using DystoniaBot.BotFramework.Builder;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DystoniaBot.Web.Extensions;

/// <summary>What running the bot in production needs: readiness, graceful shutdown, metrics and traces.</summary>
public static class OperationsExtensions
{
    private const string ReadinessTag = "ready";

    // Shorter than the probes' own timeouts (3 s), so a slow database reads as 503 with a reason, not as a probe timeout.
    private static readonly TimeSpan StorageCheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Registers the readiness checks, the shutdown timeout, the bot's metrics (measuring the registered
    /// <see cref="IBot"/>, so call it after <see cref="DystoniaBotExtensions.AddDystoniaBot"/>) and, when a collector
    /// is configured, OpenTelemetry with the OTLP exporter.
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<OperationsOptions>>((host, operations) => host.ShutdownTimeout = operations.Value.ShutdownTimeout);

        // The configured store (SQLite or PostgreSQL, see StorageExtensions) answers the storage check.
        services.AddHealthChecks()
            .AddCheck<KnowledgeReadinessCheck>("knowledge", tags: [ReadinessTag])
            .AddCheck<StorageReadinessCheck>("storage", tags: [ReadinessTag], timeout: StorageCheckTimeout);

        services.AddSingleton<BotMetrics>();
        MeasureBot(services);
        AddTelemetryExport(builder);
        return builder;
    }

    /// <summary>Maps /readyz: 200 when the index is loaded and the database answers, 503 with the reasons otherwise.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        return app;
    }

    private static void MeasureBot(IServiceCollection services)
    {
        var registered = services.LastOrDefault(service => service.ServiceType == typeof(IBot))
            ?? throw new InvalidOperationException("AddOperations measures the bot: call it after AddDystoniaBot.");
        services.Remove(registered);

        // The bot is made for every turn: the constructor is looked up once, not by reflection on each request.
        var create = registered.ImplementationType is { } type ? ActivatorUtilities.CreateFactory(type, []) : null;
        services.Add(ServiceDescriptor.Describe(typeof(IBot),
            provider => new MeasuredBot(Create(provider, registered, create), provider.GetRequiredService<BotMetrics>()), registered.Lifetime));
    }

    private static IBot Create(IServiceProvider provider, ServiceDescriptor registered, ObjectFactory? create) =>
        (IBot)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? create!(provider, null));

    // Without a collector the SDK is not registered at all: the meter still counts (dotnet-counters reads it) and
    // requests pay nothing for spans nobody exports.
    private static void AddTelemetryExport(IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()?.OtlpEndpoint;
        if (endpoint is null && string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.StandardEndpointVariable]))
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "dystoniabot"))
            .WithTracing(tracing => tracing
                .AddSource(BotMetrics.Name, "System.Net.Http")
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsProbe(http.Request.Path)))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.Name, "System.Net.Http")
                .AddAspNetCoreInstrumentation());

        // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) apply when the key is not set.
        if (endpoint is not null)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, endpoint);
        }
        else
        {
            telemetry.UseOtlpExporter();
        }
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
