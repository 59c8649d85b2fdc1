using Xunit.Abstractions;
using Xunit.Sdk;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Marks the test a class runs after all its others.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Keeps the discovered order, with the <see cref="RunsLastAttribute"/> test moved to the end.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "Summaries.EndToEnd.Tests.HostileInput." + nameof(RunsLastOrderer);
    public const string AssemblyName = "Summaries.EndToEnd.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute)).Any() ? 1 : 0);
}
