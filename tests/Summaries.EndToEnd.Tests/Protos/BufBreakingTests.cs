namespace Summaries.EndToEnd.Tests.Protos;

/// <summary>
/// <c>buf breaking</c> (FILE rules) against the protos as released before the API mechanics of
/// issue 16 (<c>Baseline/protos-before-issue-16.json</c>: <c>buf build .git#ref=7c63e9d,subdir=protos
/// --exclude-source-info</c>). Changes since are additive: per-item <c>google.rpc.Status</c> beside
/// the deprecated home-made item errors, and renamed resources beside their deprecated old fields.
/// </summary>
public sealed class BufBreakingTests
{
    [SkippableFact]
    public async Task BufBreaking_AgainstTheReleaseBefore_NoBreakingChange()
    {
        var buf = ExternalTools.Require(ExternalTools.Buf, "buf", "run `npm ci` at the repository root");
        var baseline = Path.Combine(RepoPaths.Root, "tests", "Summaries.EndToEnd.Tests", "Protos", "Baseline", "protos-before-issue-16.json");

        var image = Path.Combine(Path.GetTempPath(), $"summaries-protos-{Guid.NewGuid():N}.binpb");
        try
        {
            // Our files only: the copy of google/rpc/status.proto is not ours to compare.
            var build = await CommandRunner.RunAsync(buf, ["build", "protos", "--path", "protos/summaries", "-o", image], RepoPaths.Root);
            Assert.True(build.ExitCode == 0, $"buf build failed:\n{build.Stdout}{build.Stderr}");
            var result = await CommandRunner.RunAsync(buf,
                ["breaking", image, "--against", baseline, "--config", """{"version":"v2","breaking":{"use":["FILE"]}}"""], RepoPaths.Root);

            Assert.True(result.ExitCode == 0, $"buf breaking found breaking changes:\n{result.Stdout}{result.Stderr}");
        }
        finally
        {
            File.Delete(image);
        }
    }
}
