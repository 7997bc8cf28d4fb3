namespace DystoniaBot.Knowledge.Analysis;

/// <summary>The keys around each key of a QWERTY keyboard: where a finger that slips lands instead.</summary>
public static class Keyboard
{
    // The letters around each key, row above and below included.
    private static readonly Dictionary<char, string> Around = new()
    {
        ['q'] = "wa", ['w'] = "qeas", ['e'] = "wrsd", ['r'] = "etdf", ['t'] = "ryfg", ['y'] = "tugh", ['u'] = "yihj",
        ['i'] = "uojk", ['o'] = "ipkl", ['p'] = "ol", ['a'] = "qwsz", ['s'] = "awedxz", ['d'] = "serfcx",
        ['f'] = "drtgvc", ['g'] = "ftyhbv", ['h'] = "gyujnb", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop",
        ['z'] = "asx", ['x'] = "zsdc", ['c'] = "xdfv", ['v'] = "cfgb", ['b'] = "vghn", ['n'] = "bhjm", ['m'] = "njk",
    };

    /// <summary>The letters around <paramref name="key"/> (lower case), or none.</summary>
    public static string Neighbours(char key) => Around.GetValueOrDefault(key, string.Empty);

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are keys side by side.</summary>
    public static bool AreNeighbours(char a, char b) => Neighbours(a).Contains(b, StringComparison.Ordinal);
}
