using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DystoniaBot.Web.Tests.Bots;

/// <summary>The Teams search command for staff, posted to /api/messages as Teams sends it.</summary>
public sealed class SearchExtensionTests : IClassFixture<BotFactory>
{
    private readonly HttpClient _client;

    public SearchExtensionTests(BotFactory factory) => _client = factory.CreateClient();

    private static JsonNode Fixture(Action<JsonNode>? change = null)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-compose-extension-query.json")))!;
        change?.Invoke(activity);
        return activity;
    }

    private async Task<JsonElement> Invoke(JsonNode activity)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("composeExtension");
    }

    private static JsonElement[] Attachments(JsonElement result)
    {
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal("list", result.GetProperty("attachmentLayout").GetString());
        return [.. result.GetProperty("attachments").EnumerateArray()];
    }

    private static string[] Texts(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()!)];

    [Fact]
    public async Task RecordedQuery_ShouldReturnPassageCardsWithSourceAndPreview_InTime()
    {
        var watch = Stopwatch.StartNew();
        var result = await Invoke(Fixture());
        watch.Stop();

        var first = Attachments(result)[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", first.GetProperty("contentType").GetString());
        var card = first.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.True(double.Parse(card.GetProperty("version").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= 1.5);
        var texts = Texts(card);
        Assert.Contains("Dystonia has no cure.", texts[0], StringComparison.Ordinal);
        Assert.Equal("Source: Dystonia — CCM Health (Creative Commons)", texts[1]);
        Assert.Contains("credited to CCM Health", texts[2], StringComparison.Ordinal);
        var link = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", link.GetProperty("type").GetString());
        Assert.Equal("https://health.ccm.net/", link.GetProperty("url").GetString());
        var preview = first.GetProperty("preview");
        Assert.Equal("application/vnd.microsoft.card.thumbnail", preview.GetProperty("contentType").GetString());
        Assert.Equal("Dystonia has no cure.", preview.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal("Dystonia — CCM Health", preview.GetProperty("content").GetProperty("text").GetString());
        // Teams gives up after 5 s; the real figure is milliseconds, so this only catches a search gone badly wrong.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"answered in {watch.Elapsed}");
    }

    [Fact]
    public async Task Query_ShouldRespectSkipAndCount()
    {
        static Action<JsonNode> Page(int skip, int count) => a =>
        {
            a["value"]!["parameters"]![0]!["value"] = "dystonia symptoms treatment";
            a["value"]!["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count };
        };

        var all = Attachments(await Invoke(Fixture(Page(0, 25))));
        var second = Assert.Single(Attachments(await Invoke(Fixture(Page(1, 1)))));
        var beyond = Attachments(await Invoke(Fixture(Page(100, 10))));

        Assert.True(all.Length >= 2);
        Assert.Equal(Texts(all[1].GetProperty("content"))[0], Texts(second.GetProperty("content"))[0]);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task InitialRun_ShouldOfferTheStarterQuestionsBestPassages()
    {
        var attachments = Attachments(await Invoke(Fixture(a =>
            a["value"]!["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }))));

        Assert.InRange(attachments.Length, 1, 4);
        Assert.Equal(attachments.Length, attachments.Select(a => Texts(a.GetProperty("content"))[0]).Distinct().Count());
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"commandId": "searchKnowledge", "parameters": []}""", "needs a 'query' parameter" },
        { """{"commandId": "searchKnowledge", "parameters": [{"name": "query", "value": 42}]}""", "needs a 'query' parameter" },
        { """{"commandId": "searchKnowledge", "parameters": [{"name": "query", "value": "   "}]}""", "Type a question" },
        { """{"commandId": "searchCats", "parameters": [{"name": "query", "value": "cure"}]}""", "Unknown command 'searchCats'" },
        { """{"commandId": "searchKnowledge", "parameters": [{"name": "query", "value": "cure"}], "queryOptions": {"skip": -1, "count": 5}}""", "must not be negative" },
        { """{"commandId": "searchKnowledge", "parameters": {"name": "query"}}""", "has no command id" },
        { "\"cure\"", "has no command id" },
        { """{"commandId": "searchKnowledge", "parameters": [{"name": "query", "value": "pizza recipe"}]}""", "Nothing in the knowledge base matches" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadOrMissingParameters_ShouldGetAMessageSayingWhat(string value, string expected)
    {
        var result = await Invoke(Fixture(a => a["value"] = JsonNode.Parse(value)));

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Contains(expected, result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherInvoke_ShouldStillBeNotImplemented()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Fixture(a => a["name"] = "composeExtension/selectItem"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
