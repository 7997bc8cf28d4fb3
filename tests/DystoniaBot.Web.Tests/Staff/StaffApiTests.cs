using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>The /api/staff JSON API with bearer API keys, and its OpenAPI document.</summary>
public sealed class StaffApiTests : IClassFixture<StaffHostFixture>
{
    private readonly BotFactory _factory;
    private readonly HttpClient _api;

    public StaffApiTests(StaffHostFixture fixture)
    {
        _factory = fixture.Factory;
        _api = StaffClient.Api(_factory, StaffClient.StaffKey);
    }

    [Fact]
    public async Task Search_ShouldReturnRankedPassages_WithMatchedWordsAndSource()
    {
        var hits = await _api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/search?q=is+there+a+cure", UriKind.Relative));

        var best = hits[0];
        Assert.Equal("dystonia#4", best.GetProperty("passageId").GetString());
        Assert.Contains("cure", best.GetProperty("matchedWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("CCM Health", best.GetProperty("source").GetProperty("publisher").GetString());
        Assert.Contains("CCM Health", best.GetProperty("textWithAttribution").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/staff/search", "'q'")]
    [InlineData("/api/staff/search?q=%20", "'q'")]
    [InlineData("/api/staff/search?q=cure&max=lots", "'max'")]
    [InlineData("/api/staff/questions?status=pending", "'status'")]
    [InlineData("/api/staff/questions/not-a-reference", "Q-7K3M9P")]
    public async Task BadInput_ShouldBe400_WithAProblemSayingWhy(string path, string detail)
    {
        using var response = await _api.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownReference_ShouldBe404()
    {
        using var get = await _api.GetAsync(new Uri("/api/staff/questions/Q-ZZZZZZ", UriKind.Relative));
        using var answer = await _api.PostAsJsonAsync(new Uri("/api/staff/questions/Q-ZZZZZZ/answer", UriKind.Relative), new { answer = "x" });
        using var close = await _api.PostAsJsonAsync(new Uri("/api/staff/questions/Q-ZZZZZZ/close", UriKind.Relative), new { reason = "spam" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
    }

    [Fact]
    public async Task AnswerThroughTheApi_ShouldBeStored_ReachTheChat_AndNotBeGivenTwice()
    {
        var (chat, ticket) = await StaffTickets.AskThroughDirectLineAsync(_factory, "can dystonia affect my voice?");
        var open = await _api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/questions?status=open", UriKind.Relative));
        Assert.Contains(open.GetProperty("questions").EnumerateArray(), t => t.GetProperty("reference").GetString() == ticket.Reference);

        using var answered = await _api.PostAsJsonAsync(new Uri($"/api/staff/questions/{ticket.Reference}/answer", UriKind.Relative), new { answer = "It can: spasmodic dysphonia." });
        var body = await answered.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("answered", body.GetProperty("status").GetString());
        Assert.Equal("tool", body.GetProperty("answeredBy").GetString());
        Assert.False(body.TryGetProperty("userId", out _));
        Assert.Contains(ticket.Reference, await StaffTickets.WaitForAnswerAsync(chat, "spasmodic dysphonia"), StringComparison.Ordinal);
        using var again = await _api.PostAsJsonAsync(new Uri($"/api/staff/questions/{ticket.Reference}/answer", UriKind.Relative), new { answer = "Again." });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var audit = await _factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(100, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "tool" && e.Action == "answer" && e.Target == ticket.Reference);
    }

    [Theory]
    [InlineData("{\"answer\": \"\"}", "application/json", "Write an answer first.")]
    [InlineData("{\"answer\": 3}", "application/json", "must be JSON")]
    [InlineData("not json", "application/json", "must be JSON")]
    public async Task BadAnswerBody_ShouldBe400(string body, string contentType, string detail)
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");

        using var response = await _api.PostAsync(new Uri($"/api/staff/questions/{ticket.Reference}/answer", UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerThatIsNotJson_ShouldBe415()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");

        using var response = await _api.PostAsync(new Uri($"/api/staff/questions/{ticket.Reference}/answer", UriKind.Relative), new StringContent("answer=yes", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Close_ShouldCloseOnce_Then409()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");

        using var first = await _api.PostAsJsonAsync(new Uri($"/api/staff/questions/{ticket.Reference.ToLowerInvariant()}/close", UriKind.Relative), new { reason = "duplicate" });
        using var second = await _api.PostAsJsonAsync(new Uri($"/api/staff/questions/{ticket.Reference}/close", UriKind.Relative), new { reason = "duplicate" });
        var closed = await _api.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/questions/{ticket.Reference}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("duplicate", closed.GetProperty("closeReason").GetString());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("{}", "application/json")]
    [InlineData("{\"reason\": \"boring\"}", "application/json")]
    [InlineData("{\"reason\": 3}", "application/json")]
    [InlineData("{\"note\": \"no reason given\"}", "application/json")]
    [InlineData("not json", "application/json")]
    public async Task CloseWithoutAKnownReason_ShouldBe400_SayingWhichReasonsThereAre_AndLeaveItOpen(string? body, string? contentType)
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");

        using var response = await _api.PostAsync(new Uri($"/api/staff/questions/{ticket.Reference}/close", UriKind.Relative),
            body is null ? null : new StringContent(body, Encoding.UTF8, contentType!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("care-team, not-dystonia, duplicate, spam", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(DystoniaBot.Conversation.Handoff.TicketStatus.Open, (await _factory.Services.GetRequiredService<ITicketStore>().FindTicketAsync(ticket.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Feedback_ShouldListNotHelpfulRatings()
    {
        await _factory.Services.GetRequiredService<IFeedbackStore>().AddAsync(new Feedback("test/api", "is there a cure", "dystonia#4", false, "too short", DateTimeOffset.UtcNow), CancellationToken.None);

        var feedback = await _api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/feedback", UriKind.Relative));

        Assert.Contains(feedback.EnumerateArray(), f => f.GetProperty("comment").GetString() == "too short" && f.GetProperty("passage").GetString()!.StartsWith("Dystonia has no cure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_ShouldDescribeTheApi_AndItsBearerScheme()
    {
        var document = await _api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/openapi/v1.json", UriKind.Relative));

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/staff/search", "/api/staff/questions", "/api/staff/questions/{reference}", "/api/staff/questions/{reference}/answer", "/api/staff/questions/{reference}/close", "/api/staff/feedback" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.False(paths.TryGetProperty("/api/messages", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("StaffApiKey").GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/api/staff/questions/{reference}/answer").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        var erase = paths.GetProperty("/api/staff/conversations").GetProperty("delete");
        Assert.Contains("admin keys only", erase.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(["reference", "conversation"], erase.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(erase.GetProperty("responses").TryGetProperty("404", out _));
    }
}
