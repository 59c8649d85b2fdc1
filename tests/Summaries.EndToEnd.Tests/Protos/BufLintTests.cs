using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Protos;

/// <summary>The one proto tree passes `buf lint` (STANDARD) and every client-visible element is commented.</summary>
public sealed class BufLintTests
{
    [SkippableFact]
    public async Task BufLint_Protos_Clean()
    {
        var buf = ExternalTools.Require(ExternalTools.Buf, "buf", "run `npm ci` at the repository root");

        var result = await CommandRunner.RunAsync(buf, ["lint", "protos"], RepoPaths.Root);

        Assert.True(result.ExitCode == 0, $"buf lint found problems:\n{result.Stdout}{result.Stderr}");
    }

    [SkippableFact]
    public async Task BufLint_CommentRules_EveryMessageFieldAndRpcCommented()
    {
        var buf = ExternalTools.Require(ExternalTools.Buf, "buf", "run `npm ci` at the repository root");
        var config = """
            {"version":"v2","modules":[{"path":"protos","excludes":["protos/third_party"]},{"path":"protos/third_party/googleapis"}],
             "lint":{"use":["COMMENTS"],"ignore":["protos/third_party/googleapis"]}}
            """;

        var result = await CommandRunner.RunAsync(buf, ["lint", "--config", config], RepoPaths.Root);

        Assert.True(result.ExitCode == 0, $"uncommented elements:\n{result.Stdout}{result.Stderr}");
    }

    [Fact]
    public void Protos_OneCopyOnly_NoProtoOutsideProtosFolder()
    {
        var strays = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "services"), "*.proto", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.proto", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(strays);
    }
}
