using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Web.Tests;

namespace DystoniaBot.BotFramework.Conformance.Tests;

/// <summary>Our real bot (the whole host, in process, anonymous) and the recorded activities it is sent.</summary>
public sealed class OurBot : IDisposable
{
    private readonly BotFactory _factory;

    public OurBot() : this([])
    {
    }

    public OurBot(Dictionary<string, string?> settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        _factory = BotFactory.Create(settings, services: services);
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A recorded activity from Fixtures/, changed by <paramref name="change"/>, in a conversation of its own.</summary>
    public static JsonObject Recorded(string fixture, Action<JsonObject>? change = null)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".json")))!.AsObject();
        activity["conversation"]!["id"] = activity["conversation"]!["id"]!.GetValue<string>() + "-" + Guid.NewGuid().ToString("N");
        change?.Invoke(activity);
        return activity;
    }

    /// <summary>Posts <paramref name="activity"/> with <c>deliveryMode: expectReplies</c>; returns the replies as the bot wrote them.</summary>
    public async Task<IReadOnlyList<JsonObject>> ExpectRepliesAsync(JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Posts <paramref name="activity"/> as a channel does; returns the response.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonNode activity) => Client.PostAsJsonAsync("/api/messages", activity);

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}

/// <summary>Our bot and a Connector recorder for the channel its replies go to, shared by a test class.</summary>
public sealed class OurBotAndChannel : IAsyncLifetime
{
    public OurBot Bot { get; } = new();

    public ConnectorRecorder Channel { get; private set; } = null!;

    public async Task InitializeAsync() => Channel = await ConnectorRecorder.StartAsync();

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        await Channel.DisposeAsync();
    }
}
