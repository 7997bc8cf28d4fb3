using System.Net;
using DystoniaBot.Testing;
using DystoniaBot.Web.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>The file `dystoniabot staff` writes is the one the host reads: accounts and keys made by the real command work.</summary>
public sealed class StaffFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("staff-file-");

    private string StaffFilePath => Path.Combine(_folder.FullName, "staff.json");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task AccountAndKeyFromTheCommand_ShouldBeAccepted_AndNewOnesWithoutARestart()
    {
        Assert.Equal(0, (await DystoniabotAsync("correct horse battery\ncorrect horse battery\n", "staff", "add", "ada", "--role", "admin", "--file", StaffFilePath)).ExitCode);
        var key = await DystoniabotAsync(null, "staff", "key", "add", "tool", "--file", StaffFilePath);
        using var factory = BotFactory.Create(new() { ["Staff:File"] = StaffFilePath });

        var ada = await StaffClient.SignInAsync(factory, "ada", "correct horse battery");
        Assert.Contains("Audit log", await ada.GetPageAsync("/staff/admin/audit"), StringComparison.Ordinal);
        using var api = await StaffClient.Api(factory, key.Output.Trim()).GetAsync(new Uri("/api/staff/questions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        // A second account added while the host runs: the host reads the file again when it changes.
        Assert.Equal(0, (await DystoniabotAsync("another long password\nanother long password\n", "staff", "add", "bo", "--file", StaffFilePath)).ExitCode);
        for (var i = 0; ; i++)
        {
            using var response = await StaffClient.Anonymous(factory).SignInResponseAsync("bo", "another long password");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                break;
            }

            Assert.True(i < 50, "the new account was not picked up");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task StaffFileMadeInvalidWhileRunning_ShouldBeIgnored_KeepingTheAccountsThatWorked()
    {
        await DystoniabotAsync("correct horse battery\ncorrect horse battery\n", "staff", "add", "ada", "--file", StaffFilePath);
        using var factory = BotFactory.Create(new() { ["Staff:File"] = StaffFilePath });
        await StaffClient.SignInAsync(factory, "ada", "correct horse battery");

        var valid = File.ReadAllText(StaffFilePath);
        File.WriteAllText(StaffFilePath, valid.Replace("\"Role\": \"staff\"", "\"Role\": \"nurse\"", StringComparison.Ordinal));
        var monitor = factory.Services.GetRequiredService<IOptionsMonitor<StaffOptions>>();
        for (var i = 0; !Throws(() => monitor.CurrentValue); i++)
        {
            Assert.True(i < 50, "the changed file was not read again");
            await Task.Delay(100);
        }

        using var response = await StaffClient.Anonymous(factory).SignInResponseAsync("ada", "correct horse battery");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static bool Throws(Func<object> read)
    {
        try
        {
            read();
            return false;
        }
        catch (OptionsValidationException)
        {
            return true;
        }
    }

    private static async Task<TestProcess.Result> DystoniabotAsync(string? input, params string[] arguments)
    {
        // The command is built beside this project (same configuration), not copied here.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "src", "DystoniaBot.Cli", "bin", configuration, "net10.0", "dystoniabot.dll");
        var result = await DotnetProcess.RunAsync(dll, input, arguments);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }
}
