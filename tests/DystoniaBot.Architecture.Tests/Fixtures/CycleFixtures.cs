// Two small namespace graphs for the rule tests: one with a cycle on purpose, one without.
namespace DystoniaBot.Architecture.Tests.Fixtures
{
    /// <summary>Marks the namespace whose children use each other.</summary>
    public sealed class CycleStart;
}

namespace DystoniaBot.Architecture.Tests.Fixtures.Left
{
    /// <summary>Uses Right.</summary>
    public sealed class LeftSide
    {
        /// <summary>The other side.</summary>
        public Right.RightSide? Other { get; set; }
    }
}

namespace DystoniaBot.Architecture.Tests.Fixtures.Right
{
    /// <summary>Uses Left: the cycle.</summary>
    public sealed class RightSide
    {
        /// <summary>The other side.</summary>
        public Left.LeftSide? Other { get; set; }
    }
}

namespace DystoniaBot.Architecture.Tests.Fixtures.Acyclic
{
    /// <summary>Marks a namespace whose children use one another one way only.</summary>
    public sealed class Leaf;
}

namespace DystoniaBot.Architecture.Tests.Fixtures.Acyclic.Upper
{
    /// <summary>Uses Lower, which uses nothing back.</summary>
    public sealed class Top
    {
        /// <summary>The lower one.</summary>
        public Lower.Bottom? Below { get; set; }
    }
}

namespace DystoniaBot.Architecture.Tests.Fixtures.Acyclic.Lower
{
    /// <summary>Uses nothing of the fixtures.</summary>
    public sealed class Bottom;
}
