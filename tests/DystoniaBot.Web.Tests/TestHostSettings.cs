using System.Runtime.CompilerServices;

namespace DystoniaBot.Web.Tests;

/// <summary>Settings every host of these tests starts with, in-process or as a child process.</summary>
internal static class TestHostSettings
{
    /// <summary>
    /// The hosts don't watch appsettings.json for changes: each watcher holds an inotify instance, of which a user gets
    /// 128, and the suite starts far more hosts than that over its run (the product's own host keeps watching; the staff
    /// file is still watched, as a test checks).
    /// </summary>
#pragma warning disable CA2255 // A test assembly, not a library: its hosts must all start with these settings.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
