using System.Xml.Linq;

namespace Summaries.EndToEnd.Tests.Protos;

/// <summary>
/// The proto tree as buf sees it: <c>protos/</c> plus the one outside import it has,
/// <c>google/rpc/status.proto</c>, taken from the Google.Api.CommonProtos package the build
/// compiles it from (buf cannot fetch it here: no registry is reachable). A temp folder with two
/// modules; buf is pointed at <c>api/summaries</c>, so only our files are linted and compared.
/// </summary>
public sealed class BufWorkspace : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("summaries-buf-");

    public BufWorkspace()
    {
        CopyTree(Path.Combine(RepoPaths.Root, "protos", "summaries"), Path.Combine(_root.FullName, "api", "summaries"));
        var status = Path.Combine(CommonProtosFolder(), "google", "rpc", "status.proto");
        var target = Path.Combine(_root.FullName, "deps", "google", "rpc");
        Directory.CreateDirectory(target);
        File.Copy(status, Path.Combine(target, "status.proto"));
        File.Copy(Path.Combine(RepoPaths.Root, "protos", "buf.yaml"), Path.Combine(_root.FullName, "buf.yaml"));
        var yaml = File.ReadAllText(Path.Combine(_root.FullName, "buf.yaml"))
            .Replace("  - path: .", "  - path: api\n  - path: deps", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_root.FullName, "buf.yaml"), yaml);
    }

    public string Root => _root.FullName;

    /// <summary>The arguments that aim a buf command at our files only.</summary>
    public string[] OurFiles => ["--path", Path.Combine(Root, "api", "summaries")];

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>The package's <c>content/protos</c> folder, at the version Directory.Packages.props pins.</summary>
    private static string CommonProtosFolder()
    {
        var props = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Google.Api.CommonProtos").Attribute("Version")!.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(packages, "google.api.commonprotos", version, "content", "protos");
        Assert.True(Directory.Exists(folder), $"{folder} is missing: restore the solution first.");
        return folder;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.proto", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
