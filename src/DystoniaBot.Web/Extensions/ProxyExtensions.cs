using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Extensions;

/// <summary>
/// The reverse proxies whose forwarded headers are believed (section <c>ForwardedHeaders</c>). TLS ends at the
/// ingress or App Service: only a proxy's <c>X-Forwarded-Proto</c> tells the host its page is served over https (so
/// the stream URL is <c>wss://</c>, the staff cookie is sent back and the sign-in return address is https), and only
/// its <c>X-Forwarded-For</c> tells visitors apart for rate limits and sign-in throttling. Anyone else's are ignored.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses to believe, besides loopback (a proxy on the same machine or in the same pod).</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks to believe, in CIDR notation (e.g. the ingress controller's pod network, <c>10.244.0.0/16</c>).</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).", [nameof(KnownNetworks)]);
        }
    }
}

/// <summary>Forwarded headers from known proxies only.</summary>
public static class ProxyExtensions
{
    /// <summary>Reads the proxies to believe; loopback always, never "everyone".</summary>
    public static IServiceCollection AddKnownProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
