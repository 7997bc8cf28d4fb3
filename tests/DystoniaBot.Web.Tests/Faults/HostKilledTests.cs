using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Web.Tests.DirectLine;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// The bot's host, a real process, killed with SIGKILL between a ticket and its answer, and again just after a staff
/// answer: after each restart on the same database the ticket is there and the answer reaches the asker's chat.
/// </summary>
public sealed class HostKilledTests : IDisposable
{
    private const string ApiKey = HostProcess.StaffApiKey;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"dystoniabot-killed-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task KilledHost_ShouldLoseNoTicket_AndDeliverTheStaffAnswerAfterRestart()
    {
        string first;
        DirectLineClient visitor;
        using (var host = await HostProcess.StartAsync(_database))
        {
            visitor = await DirectLineClient.VisitAsync(host.Http);
            await visitor.StartAsync();
            await visitor.SayAsync("ask a specialist: can dystonia affect my voice?");
            await visitor.SayAsync("Send it");
            first = Assert.Single(await OpenReferencesAsync(host.Http));
        }

        string second;
        using (var host = await HostProcess.StartAsync(_database))
        {
            Assert.Equal([first], await OpenReferencesAsync(host.Http));
            using var answered = await AnswerAsync(host.Http, first, "Yes: spasmodic dysphonia is dystonia of the voice.");
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            await visitor.On(host.Http).WaitForAsync(a => DirectLineClient.Text(a)?.Contains("spasmodic dysphonia", StringComparison.Ordinal) == true);

            await visitor.On(host.Http).SayAsync("ask a specialist: does botox for dystonia wear off?");
            await visitor.On(host.Http).SayAsync("Send it");
            second = Assert.Single(await OpenReferencesAsync(host.Http));

            // Killed right after the answer is stored, while it is being delivered (or just before).
            using var answeredSecond = await AnswerAsync(host.Http, second, "It does, usually after about three months.");
            Assert.Equal(HttpStatusCode.OK, answeredSecond.StatusCode);
        }

        using (var host = await HostProcess.StartAsync(_database))
        {
            await visitor.On(host.Http).WaitForAsync(a => DirectLineClient.Text(a)?.Contains("three months", StringComparison.Ordinal) == true);
            using var ticket = await host.Http.SendAsync(Authorized(HttpMethod.Get, $"/api/staff/questions/{second}"));
            Assert.Equal("delivered", (await ticket.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivery").GetString());
        }
    }

    private static async Task<List<string>> OpenReferencesAsync(HttpClient http)
    {
        using var response = await http.SendAsync(Authorized(HttpMethod.Get, "/api/staff/questions?status=open"));
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("questions").EnumerateArray().Select(t => t.GetProperty("reference").GetString()!)];
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient http, string reference, string answer)
    {
        var request = Authorized(HttpMethod.Post, $"/api/staff/questions/{reference}/answer");
        request.Content = JsonContent.Create(new { answer });
        return http.SendAsync(request);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return request;
    }
}
