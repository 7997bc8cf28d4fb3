using System.Text.Json;

// The most /api/messages could do on this machine: Kestrel, one POST endpoint, the body parsed with
// System.Text.Json and a fixed empty reply. tests/load/run.sh measures the bot against it in the same run.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();

var app = builder.Build();
var emptyReplies = """{"activities":[]}"""u8.ToArray();

app.MapPost("/api/messages", async (HttpContext http) =>
{
    using var activity = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
    if (activity.RootElement.ValueKind != JsonValueKind.Object)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    http.Response.ContentType = "application/json; charset=utf-8";
    await http.Response.Body.WriteAsync(emptyReplies, http.RequestAborted);
});

app.Run();
