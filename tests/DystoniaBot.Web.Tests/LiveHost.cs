namespace DystoniaBot.Web.Tests;

/// <summary>
/// The host with its default settings on a real Kestrel port of 127.0.0.1, shared by a test class: attack tests reach
/// it through sockets, as an attacker on the network would.
/// </summary>
public sealed class LiveHost : IAsyncLifetime
{
    public BotFactory Factory { get; } = BotFactory.CreateLive([]);

    public Uri Address { get; private set; } = null!;

    /// <summary>A client of the host; <paramref name="forwardedFor"/> is what a proxy on this machine says the visitor's address is.</summary>
    public HttpClient CreateClient(string? forwardedFor = null) => Client(Address, forwardedFor);

    /// <summary>A client of a host at <paramref name="address"/>, through a proxy on this machine when <paramref name="forwardedFor"/> is given.</summary>
    public static HttpClient Client(Uri address, string? forwardedFor = null)
    {
        var client = new HttpClient { BaseAddress = address };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    public Task InitializeAsync()
    {
        Address = Factory.StartLive();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
