using System.Reflection;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using DystoniaBot.Architecture.Tests.Fixtures;

namespace DystoniaBot.Architecture.Tests;

/// <summary>
/// Dependencies in src/ point one way: Knowledge ← Conversation ← Handoff; BotFramework ← DirectLine; Storage implements
/// what DirectLine, Handoff and Conversation define; Web (the composition root) and the Cli are the only ones that know
/// the others. Nothing points back, and no two namespaces use each other.
/// </summary>
public sealed class DependencyRulesTests
{
    /// <summary>Each assembly of src/ and the projects of ours it may use (directly or not).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedDependencies = new Dictionary<string, string[]>
    {
        ["DystoniaBot.BotFramework"] = [],
        ["DystoniaBot.Knowledge"] = [],
        ["DystoniaBot.Conversation"] = ["DystoniaBot.Knowledge"],
        ["DystoniaBot.DirectLine"] = ["DystoniaBot.BotFramework"],
        ["DystoniaBot.Handoff"] = ["DystoniaBot.BotFramework", "DystoniaBot.Conversation", "DystoniaBot.Knowledge"],
        ["DystoniaBot.Storage"] = ["DystoniaBot.BotFramework", "DystoniaBot.Conversation", "DystoniaBot.Knowledge", "DystoniaBot.DirectLine", "DystoniaBot.Handoff"],
        // The CLI (DystoniaBot.Cli) builds the dystoniabot command.
        ["dystoniabot"] = ["DystoniaBot.Conversation", "DystoniaBot.Knowledge"],
        ["DystoniaBot.Web"] = ["DystoniaBot.BotFramework", "DystoniaBot.Conversation", "DystoniaBot.Knowledge", "DystoniaBot.DirectLine", "DystoniaBot.Handoff", "DystoniaBot.Storage"],
    };

    private static readonly Assembly[] Src =
    [
        typeof(BotFramework.Schema.Activity).Assembly,
        typeof(Knowledge.Search.KnowledgeIndex).Assembly,
        typeof(Conversation.Policy.ConversationPolicy).Assembly,
        typeof(DirectLine.DirectLineChannel).Assembly,
        typeof(Handoff.TicketDesk).Assembly,
        typeof(Storage.SqliteStore).Assembly,
        typeof(Web.Bots.DystoniaBotHandler).Assembly,
        LoadCli(),
    ];

    private static readonly ArchUnitNET.Domain.Architecture SrcArchitecture = new ArchLoader().LoadAssemblies(Src).Build();

    [Fact]
    public void EveryProjectOfSrc_ShouldHaveItsDependenciesDeclared()
    {
        Assert.Equal(AllowedDependencies.Keys.Order(StringComparer.Ordinal),
            Src.Select(a => a.GetName().Name!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Projects_ShouldReferenceOnlyTheProjectsTheyMayUse()
    {
        Assert.Empty(WrongReferences(Src.Select(a => (a.GetName().Name!, a.GetReferencedAssemblies().Select(r => r.Name!))), AllowedDependencies));
    }

    [Fact]
    public void WrongReferences_ShouldNameAReferenceThatPointsInward()
    {
        // A deliberate violation: the protocol library using the knowledge, and the Direct Line channel using storage.
        var found = WrongReferences(
            [("DystoniaBot.BotFramework", ["System.Runtime", "DystoniaBot.Knowledge"]), ("DystoniaBot.DirectLine", ["DystoniaBot.BotFramework", "DystoniaBot.Storage"])],
            AllowedDependencies);

        Assert.Equal(["DystoniaBot.BotFramework → DystoniaBot.Knowledge", "DystoniaBot.DirectLine → DystoniaBot.Storage"], found);
    }

    [Fact]
    public void NamespacesOfSrc_ShouldBeFreeOfCycles()
    {
        NoCyclesBetweenNamespacesUnder("DystoniaBot").Check(SrcArchitecture);
    }

    [Fact]
    public void NoCyclesRule_ShouldFail_WhenTwoNamespacesUseEachOther()
    {
        // Fixtures/CycleFixtures.cs holds a deliberate cycle between two namespaces.
        var fixtures = new ArchLoader().LoadAssemblies(typeof(CycleStart).Assembly).Build();

        Assert.False(NoCyclesBetweenNamespacesUnder(typeof(CycleStart).Namespace!).HasNoViolations(fixtures));
        Assert.True(NoCyclesBetweenNamespacesUnder(typeof(Fixtures.Acyclic.Leaf).Namespace!).HasNoViolations(fixtures));
    }

    [Fact]
    public void DomainProjects_ShouldNotDependOnAspNetCoreOrStorage()
    {
        // What the bot knows and says runs in the CLI and the benchmarks as well as in the host.
        var rule = ArchRuleDefinition.Types().That().ResideInNamespaceMatching(@"^DystoniaBot\.(Knowledge|Conversation)(\..*)?$")
            .Should().NotDependOnAny(ArchRuleDefinition.Types().That().ResideInNamespaceMatching(@"^(Microsoft\.AspNetCore|Microsoft\.Data\.Sqlite|Npgsql)(\..*)?$"));
        rule.Check(SrcArchitecture);
    }

    /// <summary>Each namespace under <paramref name="root"/> (all its segments) is a slice; no slice may reach itself.</summary>
    private static SliceRule NoCyclesBetweenNamespacesUnder(string root) =>
        SliceRuleDefinition.Slices().Matching(root + ".(**)").Should().BeFreeOfCycles();

    private static List<string> WrongReferences(IEnumerable<(string Project, IEnumerable<string> References)> projects, IReadOnlyDictionary<string, string[]> allowed) =>
        [.. projects.SelectMany(p => p.References
                .Where(r => r.StartsWith("DystoniaBot.", StringComparison.Ordinal) && !allowed[p.Project].Contains(r))
                .Select(r => $"{p.Project} → {r}"))
            .Order(StringComparer.Ordinal)];

    private static Assembly LoadCli() => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "dystoniabot.dll"));
}
