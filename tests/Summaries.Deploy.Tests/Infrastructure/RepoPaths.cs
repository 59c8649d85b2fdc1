namespace Summaries.Deploy.Tests.Infrastructure;

/// <summary>Locates the repository from the test's own output folder; manifests are read where they live.</summary>
public static class RepoPaths
{
    public static string Root => Testing.RepoPaths.Root;

    public static string K8s => Path.Combine(Root, "deploy", "k8s");

    public static string Overlay(string name) => Path.Combine(K8s, "overlays", name);

    public static string Dockerfile(string service) => Path.Combine(Root, "deploy", "docker", service + ".Dockerfile");

    /// <summary>This project's source folder (fixtures and the schema validator are read from here).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Summaries.Deploy.Tests");
}
