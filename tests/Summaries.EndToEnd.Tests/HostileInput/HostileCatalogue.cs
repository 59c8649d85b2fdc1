namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Every hostile-input case, in the order the suite runs them and docs/ERRORS.md lists them.</summary>
public static class HostileCatalogue
{
    public static IReadOnlyList<HostileCase> All() =>
    [
        .. IngestionCreateCases.All(),
        .. IngestionReadCases.All(),
        .. IngestionStreamCases.All(),
        .. EntityCases.All(),
        .. SummaryCases.All(),
        .. DeadlineCases.All(),
    ];

    public static HostileCase Find(string id) => All().Single(c => c.Id == id);

    /// <summary>Case ids for <c>[MemberData]</c>: strings, so each case is its own test in the runner.</summary>
    public static TheoryData<string> Ids()
    {
        var ids = new TheoryData<string>();
        foreach (var c in All())
        {
            ids.Add(c.Id);
        }

        return ids;
    }
}
