using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>A queue that can't be buried: pages with counts and either order, and junk closed several at a time.</summary>
public sealed class StaffQueueTests : IClassFixture<StaffQueueTests.BuriedQuestionFixture>
{
    private readonly BuriedQuestionFixture _queue;

    public StaffQueueTests(BuriedQuestionFixture queue) => _queue = queue;

    /// <summary>A host whose queue holds 220 junk questions and, sent after them, one real one.</summary>
    public sealed class BuriedQuestionFixture : IAsyncLifetime
    {
        public BotFactory Factory { get; } = StaffClient.Host();

        public Ticket Real { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            for (var i = 0; i < 220; i++)
            {
                await StaffTickets.CreateAsync(Factory, $"junk {i}");
            }

            Real = await StaffTickets.CreateAsync(Factory, "My daughter's neck keeps turning to the left; is that dystonia?");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Api_ShouldPageTheQueue_WithTheTotal_EitherWay()
    {
        using var api = StaffClient.Api(_queue.Factory, StaffClient.StaffKey);

        var newest = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/questions?status=open&sort=newest&pageSize=10", UriKind.Relative));
        var lastPage = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/questions?status=open&page=5", UriKind.Relative));
        var beyond = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/questions?status=open&page=99", UriKind.Relative));

        Assert.True(newest.GetProperty("total").GetInt32() >= 221);
        Assert.Equal(("open", "newest", 1, 10), (newest.GetProperty("status").GetString(), newest.GetProperty("sort").GetString(), newest.GetProperty("page").GetInt32(),
            newest.GetProperty("pageSize").GetInt32()));
        Assert.Equal(10, newest.GetProperty("questions").GetArrayLength());
        // Other tests of this class add a few questions after it.
        Assert.Contains(newest.GetProperty("questions").EnumerateArray(), t => t.GetProperty("reference").GetString() == _queue.Real.Reference);
        var total = lastPage.GetProperty("total").GetInt32();
        Assert.Equal((total + 49) / 50, lastPage.GetProperty("pages").GetInt32());
        Assert.Contains(lastPage.GetProperty("questions").EnumerateArray(), t => t.GetProperty("reference").GetString() == _queue.Real.Reference);
        Assert.Equal(0, beyond.GetProperty("questions").GetArrayLength());
    }

    [Theory]
    [InlineData("page=0", "'page'")]
    [InlineData("page=-1", "'page'")]
    [InlineData("page=abc", "'page'")]
    [InlineData("pageSize=0", "'pageSize'")]
    [InlineData("pageSize=101", "'pageSize'")]
    [InlineData("sort=random", "'sort'")]
    [InlineData("page=99999999999", "'page'")]
    public async Task Api_ShouldRefusePagesOutOfBounds_With400(string query, string detail)
    {
        using var api = StaffClient.Api(_queue.Factory, StaffClient.StaffKey);

        using var response = await api.GetAsync(new Uri("/api/staff/questions?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_ShouldShowCountsAndPages_SoTheLastQuestionCanBeReached()
    {
        var nurse = await StaffClient.SignInAsync(_queue.Factory, StaffClient.NurseName, StaffClient.NursePassword);

        var first = await nurse.GetPageAsync("/staff");
        var newest = await nurse.GetPageAsync("/staff?status=open&sort=newest");
        var total = (await _queue.Factory.Services.GetRequiredService<ITicketStore>().CountByStatusAsync(CancellationToken.None))[TicketStatus.Open];

        Assert.Contains($"1–50 of {total} open question(s), oldest first", first, StringComparison.Ordinal);
        Assert.Contains($"open ({total})", first, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {(total + 49) / 50}", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff?status=open&amp;sort=oldest&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(_queue.Real.Reference, first, StringComparison.Ordinal);
        Assert.Contains(_queue.Real.Reference, newest, StringComparison.Ordinal);
        Assert.Contains("newest first", newest, StringComparison.Ordinal);
        Assert.Contains(_queue.Real.Reference, await nurse.GetPageAsync($"/staff?status=open&page={(total + 49) / 50}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_ShouldCloseSeveralAsSpam_WithOneConfirmation()
    {
        var junk = new List<Ticket>();
        for (var i = 0; i < 3; i++)
        {
            junk.Add(await StaffTickets.CreateAsync(_queue.Factory, $"more junk {i}"));
        }

        var nurse = await StaffClient.SignInAsync(_queue.Factory, StaffClient.NurseName, StaffClient.NursePassword);
        var queue = await nurse.GetPageAsync("/staff?sort=newest");
        Assert.Contains($"name=\"References\" value=\"{junk[0].Reference}\"", queue, StringComparison.Ordinal);
        Assert.Contains("name=\"Reason\" value=\"spam\"", queue, StringComparison.Ordinal);

        // What the queue's form sends when three are ticked and "Close the chosen as spam…" is pressed.
        var confirm = await nurse.GetPageAsync("/staff/close?" + string.Join("&", junk.Select(t => "References=" + t.Reference)) + "&Reason=spam");
        Assert.Contains("Close these 3 questions?", confirm, StringComparison.Ordinal);
        Assert.Contains("No message is sent to the user for spam.", confirm, StringComparison.Ordinal);
        Assert.All(junk, t => Assert.Equal(TicketStatus.Open, Find(t.Reference).Status));

        var fields = junk.Select(t => KeyValuePair.Create("References", t.Reference)).Append(KeyValuePair.Create("Reason", "spam"))
            .Append(KeyValuePair.Create("__RequestVerificationToken", StaffClient.AntiforgeryTokens(confirm)[1]));
        using var closed = await nurse.Http.PostAsync(new Uri("/staff/close?handler=Confirm", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("/staff", closed.Headers.Location!.OriginalString);
        Assert.Contains("Closed 3 questions: spam or abuse (no message is sent).", await nurse.GetPageAsync("/staff"), StringComparison.Ordinal);
        Assert.All(junk, t => Assert.Equal((TicketStatus.Closed, TicketCloseReason.Spam, DeliveryStatus.None), (Find(t.Reference).Status, Find(t.Reference).CloseReason, Find(t.Reference).Delivery)));
        var audit = await _queue.Factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(50, CancellationToken.None);
        Assert.All(junk, t => Assert.Contains(audit, e => e.Actor == StaffClient.NurseName && e.Action == "close" && e.Target == t.Reference + " (spam)"));
    }

    [Fact]
    public async Task Api_ShouldCloseSeveralAtOnce_ListingThoseNotOpen()
    {
        var junk = await StaffTickets.CreateAsync(_queue.Factory, "even more junk");
        using var api = StaffClient.Api(_queue.Factory, StaffClient.StaffKey);

        using var response = await api.PostAsJsonAsync(new Uri("/api/staff/questions/close", UriKind.Relative), new { references = new[] { junk.Reference, "Q-ZZZZZZ" }, reason = "spam" });
        using var noReason = await api.PostAsJsonAsync(new Uri("/api/staff/questions/close", UriKind.Relative), new { references = new[] { junk.Reference } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(junk.Reference, Assert.Single(body.GetProperty("closed").EnumerateArray()).GetString());
        Assert.Equal("Q-ZZZZZZ", Assert.Single(body.GetProperty("notClosed").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }

    private Ticket Find(string reference) =>
        _queue.Factory.Services.GetRequiredService<ITicketStore>().FindTicketAsync(reference, CancellationToken.None).GetAwaiter().GetResult()!;
}
