namespace Summaries.Testing;

/// <summary>
/// Outside tools some tests need. Missing on a developer's machine: the test is skipped with the
/// reason. Under SUMMARIES_REQUIRE_ALL=1 (CI), a missing tool fails the test instead.
/// </summary>
public static class ExternalTools
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("SUMMARIES_REQUIRE_ALL") == "1";

    /// <summary>The buf CLI from npm (node_modules/.bin/buf at the repo root), or null.</summary>
    public static string? Buf
    {
        get
        {
            var local = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "buf");
            return File.Exists(local) ? local : null;
        }
    }

    /// <summary>openssl on PATH (deploy/tls/make-dev-certs.sh uses it), or null.</summary>
    public static string? OpenSsl => CommandRunner.FindOnPath("openssl");

    /// <summary>Skips (or, under SUMMARIES_REQUIRE_ALL=1, fails) when the tool is missing.</summary>
    public static string Require(string? path, string tool, string howToInstall)
    {
        if (path is not null)
        {
            return path;
        }

        var reason = $"{tool} is not installed ({howToInstall})";
        if (RequireAll)
        {
            Assert.Fail(reason + " and SUMMARIES_REQUIRE_ALL=1 forbids skipping.");
        }

        Skip.If(true, reason);
        return string.Empty;
    }
}
