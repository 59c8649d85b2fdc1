namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>A broken rule: which rule, on which object, and what is wrong.</summary>
public sealed record Violation(string Rule, string Object, string Message)
{
    public override string ToString() => $"[{Rule}] {Object}: {Message}";
}
