namespace Summaries.Deploy.Tests.Infrastructure;

/// <summary>
/// Outside tools the manifest tests need, on top of the shared <see cref="Testing.ExternalTools"/>. Missing on a developer's machine: the test is skipped with
/// the reason. Under SUMMARIES_REQUIRE_ALL=1 (CI), a missing tool fails the test instead.
/// </summary>
public static class ExternalTools
{
    public static bool RequireAll => Testing.ExternalTools.RequireAll;

    /// <summary>Folder of the schema validator (validate.mjs, package.json, node_modules).</summary>
    public static string SchemaFolder => Path.Combine(RepoPaths.TestProject, "Schema");

    /// <summary>kubectl (its built-in kustomize renders overlays without a cluster).</summary>
    public static string RequireKubectl() =>
        Require(Testing.CommandRunner.FindOnPath("kubectl"), "kubectl", "install kubectl ≥ 1.27; only `kubectl kustomize` is used, no cluster");

    /// <summary>node, with kubernetes-models and yaml installed next to the validator (or at the repo root).</summary>
    public static string RequireNodeWithSchemas()
    {
        var node = Require(Testing.CommandRunner.FindOnPath("node"), "node", "install Node.js 20");
        var installed = new[] { SchemaFolder, RepoPaths.Root }
            .Any(dir => Directory.Exists(Path.Combine(dir, "node_modules", "kubernetes-models")))
            && new[] { SchemaFolder, RepoPaths.Root }.Any(dir => Directory.Exists(Path.Combine(dir, "node_modules", "yaml")));
        Require(installed ? node : null, "npm kubernetes-models and yaml", "run `npm ci --prefix tests/Summaries.Deploy.Tests/Schema`");
        return node;
    }

    /// <summary>Skips (or, under SUMMARIES_REQUIRE_ALL=1, fails) when the tool is missing.</summary>
    public static string Require(string? path, string tool, string howToInstall) =>
        Testing.ExternalTools.Require(path, tool, howToInstall);
}
