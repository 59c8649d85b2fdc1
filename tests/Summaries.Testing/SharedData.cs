namespace Summaries.Testing;

/// <summary>
/// The shared development data (not in the repository: its licences forbid copying), found beside
/// the repository as CI lays it out (<c>../shared/data</c>), else under /work/shared/data.
/// </summary>
public static class SharedData
{
    public static string PathOf(string relative)
    {
        var beside = Path.Combine(Path.GetDirectoryName(RepoPaths.Root) ?? RepoPaths.Root, "shared", "data", relative);
        return Path.Exists(beside) ? beside : Path.Combine("/work/shared/data", relative);
    }

    /// <summary>The path of a data file or folder; the test is skipped, with the reason, when it is absent.</summary>
    public static string Require(string relative)
    {
        var path = PathOf(relative);
        Skip.IfNot(Path.Exists(path), $"Shared data {relative} not found (looked beside the repository and at {path}).");
        return path;
    }
}
