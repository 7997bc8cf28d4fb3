using System.Net;
using System.Net.Sockets;

namespace DystoniaBot.DirectLine;

/// <summary>How a client is told apart for limits (rate limits, open streams).</summary>
public static class ClientAddress
{
    /// <summary>The key a client is counted under: its IPv4 address, or its IPv6 /64 (one client may rotate through a /64).</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
