using System.Reflection;
using DystoniaBot.Testing;
using YamlDotNet.RepresentationModel;

namespace DystoniaBot.Deployment.Tests;

/// <summary>The files under <c>deployment/</c>, read and parsed for the tests.</summary>
internal static class DeploymentFiles
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "deployment");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>Every document of a YAML file, each a mapping.</summary>
    public static IReadOnlyList<YamlMappingNode> Yaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(document => Assert.IsType<YamlMappingNode>(document.RootNode))];
    }

    /// <summary>The node at <paramref name="keys"/> below <paramref name="node"/>, or null.</summary>
    public static YamlNode? At(this YamlNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The scalar at <paramref name="keys"/>, or null.</summary>
    public static string? Scalar(this YamlNode node, params string[] keys) => (node.At(keys) as YamlScalarNode)?.Value;

    /// <summary>The items of the sequence at <paramref name="keys"/> (none when absent).</summary>
    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] keys) => node.At(keys) as YamlSequenceNode ?? [];

    /// <summary>Every value of <paramref name="key"/> anywhere below <paramref name="node"/>.</summary>
    public static IEnumerable<string> ValuesOf(this YamlNode node, string key) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(child =>
            (child.Key is YamlScalarNode { Value: var name } && name == key && child.Value is YamlScalarNode { Value: { } value } ? [value] : Array.Empty<string>())
                .Concat(child.Value.ValuesOf(key))),
        YamlSequenceNode sequence => sequence.Children.SelectMany(item => item.ValuesOf(key)),
        _ => [],
    };

    /// <summary>The bicep compiler from the Azure.Bicep.CommandLine.linux-x64 package, made executable.</summary>
    public static string Bicep()
    {
        var package = typeof(DeploymentFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPackagePath").Value;
        Assert.False(string.IsNullOrEmpty(package), "The Azure.Bicep.CommandLine.linux-x64 package was not restored.");
        var bicep = Path.Combine(package!, "tools", "bicep");
        Assert.True(File.Exists(bicep), bicep + " is missing.");
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(bicep) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            // NuGet may extract files without their execute bit.
            File.SetUnixFileMode(bicep, mode | UnixFileMode.UserExecute);
        }

        return bicep;
    }

    /// <summary>Whether an image reference names a version: a tag other than latest, or a digest.</summary>
    public static bool IsPinned(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }

        // The tag follows the last colon after the last slash (a colon before it belongs to a registry's port).
        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon > 0 && colon < name.Length - 1 && name[(colon + 1)..] != "latest";
    }
}
