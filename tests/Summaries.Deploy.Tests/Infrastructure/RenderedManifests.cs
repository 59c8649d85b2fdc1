using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Infrastructure;

/// <summary>One schema violation reported by kubernetes-models for a rendered object.</summary>
public sealed record SchemaError(int Index, string Kind, string Name, string Message)
{
    public override string ToString() => $"{Kind}/{Name}: {Message}";
}

/// <summary>
/// A kustomization rendered with <c>kubectl kustomize</c> (client side, no cluster), parsed and checked
/// against the Kubernetes schemas by <c>Schema/validate.mjs</c> (npm kubernetes-models 4.x).
/// </summary>
public sealed class RenderedManifests
{
    private RenderedManifests(string yaml, IReadOnlyList<JsonObject> objects, IReadOnlyList<SchemaError> schemaErrors)
    {
        Yaml = yaml;
        Objects = objects;
        SchemaErrors = schemaErrors;
    }

    public string Yaml { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public IReadOnlyList<SchemaError> SchemaErrors { get; }

    /// <summary>Skips (or fails under SUMMARIES_REQUIRE_ALL=1) unless kubectl and node with the schemas are present.</summary>
    public static void RequireTools()
    {
        ExternalTools.RequireKubectl();
        ExternalTools.RequireNodeWithSchemas();
    }

    public static async Task<RenderedManifests> RenderAsync(string kustomizationDirectory)
    {
        var kubectl = ExternalTools.RequireKubectl();
        var rendered = await Testing.CommandRunner.RunAsync(kubectl, ["kustomize", kustomizationDirectory]);
        Assert.True(rendered.ExitCode == 0, $"kubectl kustomize {kustomizationDirectory} failed:\n{rendered.Stderr}");
        return await ParseAsync(rendered.Stdout);
    }

    /// <summary>Parses and schema-checks YAML (one or more documents).</summary>
    public static async Task<RenderedManifests> ParseAsync(string yaml)
    {
        var node = ExternalTools.RequireNodeWithSchemas();
        var file = Path.Combine(Path.GetTempPath(), $"summaries-manifests-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            var result = await Testing.CommandRunner.RunAsync(
                node, [Path.Combine(ExternalTools.SchemaFolder, "validate.mjs"), file], ExternalTools.SchemaFolder);
            Assert.True(result.ExitCode == 0, $"validate.mjs failed ({result.ExitCode}):\n{result.Stderr}");
            var json = JsonNode.Parse(result.Stdout)!.AsObject();
            var objects = json["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
            var errors = json["errors"]!.Deserialize<List<SchemaError>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            return new RenderedManifests(yaml, objects, errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
