using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DystoniaBot.Web.Tests.Operations;

public sealed class OperationsConfigurationTests
{
    [Fact]
    public void ShutdownTimeout_ShouldComeFromOperationsSection()
    {
        using var factory = BotFactory.Create(new() { ["Operations:ShutdownTimeout"] = "00:00:07" });

        Assert.Equal(TimeSpan.FromSeconds(7), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void Telemetry_ShouldNotBeRegistered_WhenNoCollectorIsConfigured()
    {
        using var factory = BotFactory.Create([]);

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void Telemetry_ShouldExportTracesAndMetrics_WhenAnOtlpEndpointIsConfigured()
    {
        using var factory = new CollectorConfiguredFactory();

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }

    // The exporter is chosen while the host is built, before WebApplicationFactory's app configuration applies: the
    // endpoint goes in as a host setting, as an environment variable would.
    private sealed class CollectorConfiguredFactory : BotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenTelemetry:OtlpEndpoint", "http://127.0.0.1:9");
        }
    }
}
