using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Testing;
using DystoniaBot.Web.Bots;

namespace DystoniaBot.Web.Tests.Deployment;

/// <summary>
/// The Teams app package's manifest and icons agree with what the bot handles and what Teams requires; the manifest
/// that build-app.sh produces is valid against the Teams JSON schema of its version.
/// </summary>
public sealed class TeamsManifestTests : IClassFixture<BotFactory>, IDisposable
{
    private const string BotId = "6f1c2a54-8d3e-4b7a-9c21-0e5d4f3a2b10";
    private const string AppId = "b2d4e6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b";
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deployment", "teams");
    private static readonly string Validator = RepositoryPaths.Test("DystoniaBot.Web.Tests", "Deployment", "validate-teams-manifest.js");
    private readonly BotFactory _factory;
    private readonly string _work = Directory.CreateTempSubdirectory("dystoniabot-teams-").FullName;

    public TeamsManifestTests(BotFactory factory) => _factory = factory;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static JsonElement Manifest() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json"))).RootElement;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void SearchCommand_ShouldBeTheOneTheBotHandles()
    {
        var extension = Assert.Single(Manifest().GetProperty("composeExtensions").EnumerateArray());
        var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());
        var parameter = Assert.Single(command.GetProperty("parameters").EnumerateArray());

        Assert.Equal("${{BOT_ID}}", extension.GetProperty("botId").GetString());
        Assert.Equal(SearchExtensionResults.CommandId, command.GetProperty("id").GetString());
        Assert.Equal("query", command.GetProperty("type").GetString());
        Assert.True(command.GetProperty("initialRun").GetBoolean());
        Assert.Equal(SearchExtensionResults.QueryParameter, parameter.GetProperty("name").GetString());
    }

    [Fact]
    public void Bot_ShouldOfferStarterQuestionsInEveryScope()
    {
        var manifest = Manifest();
        var bot = Assert.Single(manifest.GetProperty("bots").EnumerateArray());
        var list = Assert.Single(bot.GetProperty("commandLists").EnumerateArray());
        var titles = list.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToList();

        Assert.True(Version.Parse(manifest.GetProperty("manifestVersion").GetString()!) >= new Version(1, 17));
        Assert.Equal("${{BOT_ID}}", bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], Strings(bot.GetProperty("scopes")));
        Assert.Equal(["personal", "team", "groupChat"], Strings(list.GetProperty("scopes")));
        Assert.InRange(titles.Count, 3, 4);
        Assert.All(titles, t => Assert.Contains(t, TestKnowledge.Starters.Questions));
        Assert.Equal(["${{BOT_DOMAIN}}"], Strings(manifest.GetProperty("validDomains")));
    }

    [Fact]
    public async Task ManifestCommand_ShouldGetResults_WhenTeamsSendsItsIdAndParameter()
    {
        var command = Manifest().GetProperty("composeExtensions")[0].GetProperty("commands")[0];
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-compose-extension-query.json")))!;
        activity["value"] = new JsonObject
        {
            ["commandId"] = command.GetProperty("id").GetString(),
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = command.GetProperty("parameters")[0].GetProperty("name").GetString(), ["value"] = "botulinum toxin" }),
        };

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("composeExtension");

        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.NotEmpty(result.GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public void Icons_ShouldBeAColour192AndAWhiteOnTransparentOutline32()
    {
        var icons = Manifest().GetProperty("icons");
        var color = Png.Read(Path.Combine(Folder, icons.GetProperty("color").GetString()!));
        var outline = Png.Read(Path.Combine(Folder, icons.GetProperty("outline").GetString()!));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Contains(outline.Pixels, p => p.A == 0);
        Assert.Contains(outline.Pixels, p => p.A == 255);
        Assert.All(outline.Pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    [Fact]
    public async Task BuiltManifest_ShouldBeValidAgainstTheTeamsSchema_WhenBuildAppFillsInThePlaceholders()
    {
        var manifest = await BuildAppAsync();

        var (exitCode, output) = await ValidateAsync(manifest);

        Assert.True(exitCode == 0, output);
        Assert.Contains("v1.22/MicrosoftTeams.schema.json", output, StringComparison.Ordinal);
        var built = JsonNode.Parse(manifest)!;
        Assert.Equal(AppId, built["id"]!.GetValue<string>());
        Assert.Equal(BotId, built["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("bot.example.org", built["validDomains"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("unknown field", "/ must NOT have additional properties {\"additionalProperty\":\"colour\"}")]
    [InlineData("bot scope", "/bots/0/scopes/0 must be equal to one of the allowed values")]
    [InlineData("long short description", "/description/short must NOT have more than 80 characters")]
    [InlineData("placeholder left", "/id must match pattern")]
    [InlineData("no bot id", "/bots/0 must have required property 'botId'")]
    public async Task SchemaValidation_ShouldRejectTheManifest_WhenAFieldIsWrong(string fault, string error)
    {
        var manifest = JsonNode.Parse(await BuildAppAsync())!.AsObject();
        switch (fault)
        {
            case "unknown field":
                manifest["colour"] = "#0F6CBD";
                break;
            case "bot scope":
                manifest["bots"]![0]!["scopes"] = new JsonArray("everyone");
                break;
            case "long short description":
                manifest["description"]!["short"] = new string('a', 81);
                break;
            case "placeholder left":
                manifest["id"] = "${{TEAMS_APP_ID}}";
                break;
            case "no bot id":
                manifest["bots"]![0]!.AsObject().Remove("botId");
                break;
        }

        var (exitCode, output) = await ValidateAsync(manifest.ToJsonString());

        Assert.True(exitCode == 1, $"exit code {exitCode}: {output}");
        Assert.Contains(error, output, StringComparison.Ordinal);
    }

    /// <summary>Runs build-app.sh with sample ids and domain, as a deployment would; returns the manifest in its zip.</summary>
    private async Task<string> BuildAppAsync()
    {
        var zip = Path.Combine(_work, "app.zip");
        var (exitCode, output) = await RunAsync("bash", Path.Combine(Folder, "build-app.sh"), "--bot-id", BotId, "--app-id", AppId, "--domain", "bot.example.org", "--out", zip);
        Assert.True(exitCode == 0, output);
        using var package = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(package.GetEntry("manifest.json")!.Open());
        return await reader.ReadToEndAsync();
    }

    /// <summary>Validates <paramref name="manifest"/> with the node script (Ajv and the schema from @microsoft/app-manifest).</summary>
    private async Task<(int ExitCode, string Output)> ValidateAsync(string manifest)
    {
        var file = Path.Combine(_work, "manifest.json");
        await File.WriteAllTextAsync(file, manifest);
        var result = await RunAsync("node", Validator, file);
        Assert.True(result.ExitCode is 0 or 1, $"The validator could not run (npm ci in tests/DystoniaBot.Web.Tests installs what it needs): {result.Output}");
        return result;
    }

    /// <summary>Runs a program; returns its exit code and everything it wrote, output then errors.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var result = await TestProcess.RunAsync(program, null, TimeSpan.FromMinutes(2), arguments);
        return (result.ExitCode, result.Output + result.Error);
    }

    /// <summary>Just enough of PNG to check the icons: 8-bit RGB or RGBA, not interlaced.</summary>
    private sealed record Png(int Width, int Height, IReadOnlyList<(byte R, byte G, byte B, byte A)> Pixels)
    {
        public static Png Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
            int width = 0, height = 0, channels = 0;
            using var compressed = new MemoryStream();
            for (var offset = 8; offset < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
                var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
                var data = bytes.AsSpan(offset + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    channels = data[9] switch { 2 => 3, 6 => 4, var other => throw new InvalidDataException($"colour type {other}") };
                    Assert.Equal(0, data[12]);
                }
                else if (type == "IDAT")
                {
                    compressed.Write(data);
                }

                offset += 12 + length;
            }

            compressed.Position = 0;
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }

            var raw = inflated.ToArray();
            var stride = width * channels;
            var rows = new byte[height][];
            for (var y = 0; y < height; y++)
            {
                var filter = raw[y * (stride + 1)];
                var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
                var above = y > 0 ? rows[y - 1] : new byte[stride];
                for (var x = 0; x < stride; x++)
                {
                    int left = x >= channels ? row[x - channels] : 0, up = above[x], corner = x >= channels ? above[x - channels] : 0;
                    row[x] = (byte)(row[x] + filter switch
                    {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        4 => Paeth(left, up, corner),
                        _ => throw new InvalidDataException($"filter {filter}"),
                    });
                }

                rows[y] = row;
            }

            var pixels = rows.SelectMany(r => r.Chunk(channels)).Select(p => (p[0], p[1], p[2], channels == 4 ? p[3] : (byte)255)).ToList();
            return new Png(width, height, pixels);
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
