using YamlDotNet.RepresentationModel;

namespace DystoniaBot.Deployment.Tests;

public sealed class KubernetesTests
{
    private static readonly string Folder = DeploymentFiles.PathOf("kubernetes");

    public static TheoryData<string> Manifests() => [.. Directory.GetFiles(Folder, "*.yaml").Select(file => Path.GetFileName(file))];

    private static IReadOnlyList<YamlMappingNode> All() => [.. Directory.GetFiles(Folder, "*.yaml").SelectMany(DeploymentFiles.Yaml)];

    private static YamlMappingNode Kind(string kind) => Assert.Single(All(), document => document.Scalar("kind") == kind);

    private static YamlNode Container() => Assert.Single(Kind("Deployment").Items("spec", "template", "spec", "containers"));

    [Theory]
    [MemberData(nameof(Manifests))]
    public void EveryManifest_ShouldParse_WithApiVersionAndKind(string file)
    {
        var documents = DeploymentFiles.Yaml(Path.Combine(Folder, file));

        Assert.NotEmpty(documents);
        Assert.All(documents, document =>
        {
            Assert.False(string.IsNullOrWhiteSpace(document.Scalar("apiVersion")), file + ": apiVersion");
            Assert.False(string.IsNullOrWhiteSpace(document.Scalar("kind")), file + ": kind");
        });
    }

    [Fact]
    public void Kustomization_ShouldListEveryOtherManifest()
    {
        var listed = Kind("Kustomization").Items("resources").Select(item => ((YamlScalarNode)item).Value).ToHashSet();

        var manifests = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(name => name != "kustomization.yaml");
        Assert.All(manifests, name => Assert.Contains(name, listed));
        Assert.All(listed, name => Assert.True(File.Exists(Path.Combine(Folder, name!)), name + " is listed but missing"));
    }

    [Fact]
    public void Images_ShouldBePinnedToAVersion()
    {
        var images = All().SelectMany(document => document.ValuesOf("image")).ToList();
        var kustomized = Kind("Kustomization").Items("images").Select(image => $"{image.Scalar("newName") ?? image.Scalar("name")}:{image.Scalar("newTag")}");

        Assert.NotEmpty(images);
        Assert.All(images.Concat(kustomized), image => Assert.True(DeploymentFiles.IsPinned(image), image + " names no version (or latest)"));
    }

    [Fact]
    public void Deployment_ShouldProbeResourceAndRunAsNonRootWithAReadOnlyRoot()
    {
        var deployment = Kind("Deployment");
        var pod = deployment.At("spec", "template", "spec")!;
        var container = Container();

        Assert.Equal("3", deployment.Scalar("spec", "replicas"));
        Assert.Equal("/readyz", container.Scalar("readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", container.Scalar("livenessProbe", "httpGet", "path"));
        Assert.NotNull(container.At("startupProbe", "httpGet"));
        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.NotNull(container.Scalar("resources", "requests", resource));
            Assert.NotNull(container.Scalar("resources", "limits", resource));
        }

        Assert.Equal("true", pod.Scalar("securityContext", "runAsNonRoot"));
        Assert.Equal("true", container.Scalar("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", container.Scalar("securityContext", "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], container.Items("securityContext", "capabilities", "drop").Select(c => ((YamlScalarNode)c).Value));

        // A read-only root needs a writable /tmp.
        var tmp = Assert.Single(container.Items("volumeMounts"), mount => mount.Scalar("mountPath") == "/tmp").Scalar("name");
        Assert.NotNull(Assert.Single(pod.Items("volumes"), volume => volume.Scalar("name") == tmp).At("emptyDir"));
        Assert.Equal("kubernetes.io/hostname",
            Assert.Single(pod.Items("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution")).Scalar("podAffinityTerm", "topologyKey"));
    }

    [Fact]
    public void Secrets_ShouldBeReferencedNeverCommitted()
    {
        var env = Container().Items("env").ToDictionary(variable => variable.Scalar("name")!);

        foreach (var name in new[] { "MicrosoftAppPassword", "DirectLine__Secret", "Storage__PostgresConnectionString" })
        {
            Assert.True(env.ContainsKey(name), name + " is not set");
            Assert.NotNull(env[name].Scalar("valueFrom", "secretKeyRef", "key"));
            Assert.Null(env[name].At("value"));
        }

        Assert.DoesNotContain(All(), document => document.Scalar("kind") == "Secret");
        var config = Kind("ConfigMap").At("data") as YamlMappingNode;
        Assert.DoesNotContain(config!.Children.Keys.Cast<YamlScalarNode>(), key => key.Value!.Contains("Password", StringComparison.OrdinalIgnoreCase)
            || key.Value.Contains("Secret", StringComparison.OrdinalIgnoreCase) || key.Value.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Autoscaler_AndDisruptionBudget_ShouldTargetTheDeployment()
    {
        var autoscaler = Kind("HorizontalPodAutoscaler");
        var budget = Kind("PodDisruptionBudget");
        var labels = Kind("Deployment").Scalar("spec", "selector", "matchLabels", "app.kubernetes.io/name");

        Assert.Equal("autoscaling/v2", autoscaler.Scalar("apiVersion"));
        Assert.Equal(Kind("Deployment").Scalar("metadata", "name"), autoscaler.Scalar("spec", "scaleTargetRef", "name"));
        Assert.Equal(labels, budget.Scalar("spec", "selector", "matchLabels", "app.kubernetes.io/name"));
        Assert.NotEmpty(Kind("Ingress").Items("spec", "tls"));
    }
}
