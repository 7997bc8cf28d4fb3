using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Web.Operations;

/// <summary>How the host stops (section <c>Operations</c>).</summary>
public sealed class OperationsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Operations";

    /// <summary>
    /// How long a stopping host lets turns in flight finish before it quits. Keep it below the orchestrator's grace
    /// period (Kubernetes' terminationGracePeriodSeconds, 30 s by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>Where telemetry goes (section <c>OpenTelemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "OpenTelemetry";

    /// <summary>The standard variable naming the OTLP collector, honoured as well.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The OTLP collector (gRPC, e.g. http://collector:4317); empty exports nothing.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
