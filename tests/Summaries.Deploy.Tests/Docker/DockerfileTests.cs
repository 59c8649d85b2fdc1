using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Summaries.Deploy.Tests.Infrastructure;

namespace Summaries.Deploy.Tests.Docker;

/// <summary>
/// No Docker engine runs here, so the images' rules are checked on the Dockerfiles themselves:
/// multi-stage from the repository root, pinned bases, non-root, read-only-root friendly, no HEALTHCHECK.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string, string> Services => new()
    {
        { "ingestion", "Summaries.Ingestion" },
        { "entity", "Summaries.Entity" },
        { "summary", "Summaries.Summary" },
    };

    private static DockerIgnore Ignore => DockerIgnore.Load(Path.Combine(RepoPaths.Root, ".dockerignore"));

    [Theory]
    [MemberData(nameof(Services))]
    public void Stages_Service_BuildOnSdkAndRunOnPinnedAspNetRuntime(string service, string project)
    {
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));

        Assert.True(dockerfile.Stages.Count >= 2, "multi-stage: build and runtime");
        Assert.All(dockerfile.Stages, stage => Assert.Matches(PinnedImage(), stage.Image));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", dockerfile.Stages[0].Image, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.Final.Image, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Stages[0].All("RUN"), run =>
            run.Text.Contains($"dotnet publish services/{project}/{project}.csproj -c Release", StringComparison.Ordinal));

        // global.json pins the SDK (rollForward latestFeature): the image's SDK must be that one or newer.
        var required = Version.Parse(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "global.json")))!["sdk"]!["version"]!.GetValue<string>());
        var sdk = Version.Parse(PinnedImage().Match(dockerfile.Stages[0].Image).Groups["version"].Value);
        Assert.True(sdk >= required && sdk.Major == required.Major, $"SDK image {sdk} does not satisfy global.json {required}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Runtime_Service_ShipsIcuExactlyWhenGlobalizationIsOn(string service, string project)
    {
        // Without ICU a process with InvariantGlobalization=false does not start; the plain chiseled
        // image has none, the -extra variant has it. Services that stay invariant keep the smaller image.
        var invariant = InvariantGlobalization(Path.Combine(RepoPaths.Root, "services", project, project + ".csproj"))
            ?? InvariantGlobalization(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
            ?? false;
        var runtime = Dockerfile.Load(RepoPaths.Dockerfile(service)).Final.Image;

        Assert.True(invariant != runtime.Contains("-chiseled-extra", StringComparison.Ordinal),
            $"{service}: InvariantGlobalization={invariant} but runs on {runtime}");
        Assert.Contains("-chiseled", runtime, StringComparison.Ordinal);
    }

    private static bool? InvariantGlobalization(string projectFile) =>
        XDocument.Load(projectFile).Descendants("InvariantGlobalization").LastOrDefault() is { } setting
            ? bool.Parse(setting.Value.Trim())
            : null;

    [Theory]
    [MemberData(nameof(Services))]
    public void Runtime_Service_RunsAsNonRootWithoutHealthcheck(string service, string project)
    {
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));

        Assert.DoesNotContain(dockerfile.Instructions, i => i.Keyword == "HEALTHCHECK");
        var user = Assert.Single(dockerfile.Final.All("USER")).Text.Split(':')[0];
        Assert.True(int.TryParse(user, out var uid) && uid > 0,
            $"USER {user}: a numeric non-zero UID lets Kubernetes verify runAsNonRoot");

        var entrypoint = Assert.Single(dockerfile.Final.All("ENTRYPOINT"));
        Assert.True(entrypoint.IsExecForm, "ENTRYPOINT in exec form, so the service is PID 1 and receives SIGTERM");
        Assert.EndsWith(project, entrypoint.Arguments[0], StringComparison.Ordinal);
        Assert.Empty(dockerfile.Final.All("RUN"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Runtime_Service_WritesOnlyToVolumes(string service, string project)
    {
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));

        var volumes = dockerfile.Final.All("VOLUME").SelectMany(v => v.Arguments).ToList();
        Assert.Contains("/tmp", volumes);
        Assert.Contains("/data", volumes);

        var env = dockerfile.Final.Environment;
        var connection = Assert.Single(env, p => p.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.Equal($"ConnectionStrings__{project.Split('.')[1]}", connection.Key);
        var file = connection.Value.Replace("Data Source=", string.Empty, StringComparison.Ordinal);
        Assert.Contains(volumes, v => file.StartsWith(v + "/", StringComparison.Ordinal));
        Assert.Contains(dockerfile.Final.All("COPY"), c => c.Flags.ContainsKey("chown") && c.Arguments[^1] == "/data");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Runtime_Service_ListensOnEveryInterfaceOnItsPort(string service, string project)
    {
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));
        var program = File.ReadAllText(Path.Combine(RepoPaths.Root, "services", project, "Program.cs"));
        var port = DefaultPort().Match(program).Groups[1].Value;

        var env = dockerfile.Final.Environment;
        Assert.Equal("*", env["Service__Host"]);
        Assert.Equal(port, env["Service__Port"]);
        Assert.Equal(port, Assert.Single(dockerfile.Final.All("EXPOSE")).Text);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Context_Service_IsRepoRootWithOneProtoTree(string service, string project)
    {
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));
        var ignore = Ignore;

        foreach (var copy in dockerfile.Instructions.Where(i => i.Keyword is "COPY" or "ADD" && !i.Flags.ContainsKey("from")))
        {
            Assert.Equal("COPY", copy.Keyword);
            foreach (var source in copy.Arguments.SkipLast(1))
            {
                Assert.DoesNotContain("..", source, StringComparison.Ordinal);
                var path = Path.Combine(RepoPaths.Root, source);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"line {copy.Line}: {source} is not in the repository root");
                Assert.False(ignore.IsExcluded(source), $"line {copy.Line}: {source} is excluded by .dockerignore");
            }
        }

        Assert.Contains(dockerfile.Instructions, i => i.Keyword == "COPY" && i.Arguments.SequenceEqual(["protos/", "protos/"]));
        Assert.Contains(dockerfile.Instructions, i => i.Keyword == "COPY" && i.Arguments.SequenceEqual([$"services/{project}/", $"services/{project}/"]));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "deploy"), "*.proto", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Restore_Service_CopiesEveryReferencedProjectFirst(string service, string project)
    {
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));
        var build = dockerfile.Stages[0].Instructions.ToList();
        var restore = build.FindIndex(i => i.Keyword == "RUN" && i.Text.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "a separate restore step caches packages");
        var copiedBeforeRestore = build.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.SkipLast(1)).ToHashSet();

        string[] repoFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"];
        Assert.All(repoFiles, f => Assert.Contains(f, copiedBeforeRestore));
        Assert.All(ProjectClosure($"services/{project}/{project}.csproj"), csproj =>
            Assert.True(copiedBeforeRestore.Contains(csproj), $"{csproj} is not copied before dotnet restore"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Restore_Service_CopiesEveryDirectoryBuildFileOnTheWayToEachProject(string service, string project)
    {
        // MSBuild imports Directory.Build.props/.targets and Directory.Packages.props from the project's
        // folder upwards: one left out builds the image with other settings than the ones measured
        // (services/Directory.Build.props holds the GC and tiering settings).
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));
        var build = dockerfile.Stages[0].Instructions.ToList();
        var restore = build.FindIndex(i => i.Keyword == "RUN" && i.Text.Contains("dotnet restore", StringComparison.Ordinal));
        var copies = build.Take(restore).Where(i => i.Keyword == "COPY" && !i.Flags.ContainsKey("from")).ToList();

        var needed = ProjectClosure($"services/{project}/{project}.csproj").SelectMany(DirectoryBuildFiles).Distinct().ToList();

        Assert.Contains("services/Directory.Build.props", needed);
        Assert.All(needed, file => Assert.True(copies.Any(c => Lands(c, file)),
            $"{service}: {file} is not copied to the same place before dotnet restore"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Restore_Service_LockedToEachProjectsLockFile(string service, string project)
    {
        // The image restores exactly what CI tested: every project's packages.lock.json is in place
        // before the restore, and a dependency that moved fails the restore instead of the image.
        var dockerfile = Dockerfile.Load(RepoPaths.Dockerfile(service));
        var build = dockerfile.Stages[0].Instructions.ToList();
        var restore = build.FindIndex(i => i.Keyword == "RUN" && i.Text.Contains("dotnet restore", StringComparison.Ordinal));
        var copies = build.Take(restore).Where(i => i.Keyword == "COPY" && !i.Flags.ContainsKey("from")).ToList();

        Assert.Contains("--locked-mode", build[restore].Text, StringComparison.Ordinal);
        Assert.All(ProjectClosure($"services/{project}/{project}.csproj"), csproj =>
        {
            var lockFile = Path.GetDirectoryName(csproj)!.Replace('\\', '/') + "/packages.lock.json";
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, lockFile)), $"{lockFile} is missing: run dotnet restore");
            Assert.True(copies.Any(c => Lands(c, lockFile)), $"{service}: {lockFile} is not copied to the same place before dotnet restore");
        });
    }

    [Fact]
    public void LockFiles_EveryProject_HasOneAndCiRestoresLocked()
    {
        var projects = Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "packages.lock.json")), $"{p} has no packages.lock.json"));
        Assert.Contains("SUMMARIES_LOCKED_RESTORE=true", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public void Lands_CopyInstruction_PlacesFilesWhereTheRepositoryHasThem()
    {
        var dockerfile = Dockerfile.Parse("""
            FROM mcr.microsoft.com/dotnet/sdk:10.0.401
            COPY global.json Directory.Build.props ./
            COPY services/Directory.Build.props /src/other/
            COPY services/ services/
            COPY tests/Directory.Build.props ./
            """);
        var copies = dockerfile.Stages[0].All("COPY").ToList();

        Assert.True(Lands(copies[0], "Directory.Build.props"));
        Assert.False(Lands(copies[1], "services/Directory.Build.props"));
        Assert.True(Lands(copies[2], "services/Directory.Build.props"));
        Assert.False(Lands(copies[3], "tests/Directory.Build.props"));
    }

    /// <summary>Whether a COPY (relative to WORKDIR /src) puts the repository file <paramref name="file"/> at the same relative path.</summary>
    private static bool Lands(Instruction copy, string file)
    {
        var args = copy.Arguments;
        var target = args[^1];
        // Several sources, a trailing slash or "." make the destination a folder.
        var intoFolder = args.Count > 2 || target.EndsWith('/') || target == ".";
        var destination = Relative(target).TrimEnd('/');
        foreach (var source in args.SkipLast(1).Select(Relative))
        {
            if (source == file)
            {
                var landed = intoFolder ? Join(destination, Path.GetFileName(file)) : destination;
                return landed == file;
            }

            var folder = source.TrimEnd('/');
            if (file.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                // A folder's contents land under the destination.
                return Join(destination, file[(folder.Length + 1)..]) == file;
            }
        }

        return false;

        static string Relative(string path) =>
            path.StartsWith("/src/", StringComparison.Ordinal) ? path["/src/".Length..]
            : path.StartsWith("./", StringComparison.Ordinal) ? path[2..]
            : path == "." ? string.Empty
            : path;

        static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";
    }

    /// <summary>The Directory.* files MSBuild would import for a project, from its folder up to the repository root.</summary>
    private static IEnumerable<string> DirectoryBuildFiles(string csproj)
    {
        for (var dir = Path.GetDirectoryName(csproj)!.Replace('\\', '/'); ; dir = Path.GetDirectoryName(dir)!.Replace('\\', '/'))
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                var relative = dir.Length == 0 ? name : $"{dir}/{name}";
                if (File.Exists(Path.Combine(RepoPaths.Root, relative)))
                {
                    yield return relative;
                }
            }

            if (dir.Length == 0)
            {
                yield break;
            }
        }
    }

    [Fact]
    public void DockerIgnore_Context_LeavesOutBuildOutputsDataAndSecrets()
    {
        var ignore = Ignore;

        string[] excluded =
        [
            ".git/config", "services/Summaries.Ingestion/bin/Release/net10.0/Summaries.Ingestion.dll",
            "services/Summaries.Entity/obj/project.assets.json", "services/Summaries.Ingestion/.data/ingestion.db",
            "node_modules/@bufbuild/buf/package.json", "tests/Summaries.Deploy.Tests/Schema/validate.mjs",
            "deploy/k8s/overlays/prod/secrets.example.yaml",
        ];
        string[] included =
        [
            "protos/summaries/ingestion/v1/ingestion_service.proto", "services/Summaries.Summary/Prompts/briefing.v1.system.md",
            "services/Summaries.Ingestion/Program.cs", "seeds/blinken-xi-beijing.json", "Directory.Packages.props",
        ];
        Assert.All(excluded, p => Assert.True(ignore.IsExcluded(p), $"{p} would be sent to the builder"));
        Assert.All(included, p => Assert.False(ignore.IsExcluded(p), $"{p} is needed but excluded"));
    }

    [Fact]
    public void DockerIgnore_Parser_LastMatchWinsAndNegationReincludes()
    {
        var ignore = DockerIgnore.Parse("*\n!services\n**/bin\n");

        Assert.True(ignore.IsExcluded("README.md"));
        Assert.False(ignore.IsExcluded("services/A/Program.cs"));
        Assert.True(ignore.IsExcluded("services/A/bin/x.dll"));
    }

    [Fact]
    public void Parser_BrokenDockerfile_ViolationsAreVisible()
    {
        var dockerfile = Dockerfile.Parse("""
            FROM mcr.microsoft.com/dotnet/aspnet:latest
            # a comment
            ENV A=1 \
                B="two words"
            HEALTHCHECK CMD curl -f http://localhost/ || exit 1
            USER root
            ENTRYPOINT dotnet app.dll
            """);

        Assert.Single(dockerfile.Stages);
        Assert.DoesNotMatch(PinnedImage(), dockerfile.Final.Image);
        Assert.Contains(dockerfile.Instructions, i => i.Keyword == "HEALTHCHECK");
        Assert.Equal("two words", dockerfile.Final.Environment["B"]);
        Assert.False(Assert.Single(dockerfile.Final.All("ENTRYPOINT")).IsExecForm);
    }

    /// <summary>Repository-relative paths of a project and every project it references, transitively.</summary>
    private static IEnumerable<string> ProjectClosure(string csproj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([csproj]);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var full = Path.Combine(RepoPaths.Root, current);
            foreach (var reference in XDocument.Load(full).Descendants("ProjectReference"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                queue.Enqueue(Path.GetRelativePath(RepoPaths.Root, target).Replace('\\', '/'));
            }
        }

        return seen;
    }

    // registry/name:MAJOR.MINOR.PATCH[-variant] (never "latest", never a floating "10.0"), or a digest.
    [GeneratedRegex(@"^[a-z0-9.\-]+(?:/[a-z0-9._\-]+)+(?::(?<version>[0-9]+\.[0-9]+\.[0-9]+)(?:-[a-z0-9.\-]+)?(?:@sha256:[a-f0-9]{64})?|@sha256:[a-f0-9]{64})$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"defaultPort:\s*(\d+)")]
    private static partial Regex DefaultPort();
}
