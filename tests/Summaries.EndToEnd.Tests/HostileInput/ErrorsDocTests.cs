using System.Text.RegularExpressions;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>docs/ERRORS.md lists every hostile-input case with the status and details the suite asserts, and nothing else.</summary>
public sealed partial class ErrorsDocTests
{
    private static readonly string DocPath = Path.Combine(RepoPaths.Root, "docs", "ERRORS.md");

    [Fact]
    public void ErrorsDoc_HostileInputTable_MatchesTheSuite()
    {
        var expected = HostileCatalogue.All().Select(Row).ToList();
        var documented = File.ReadAllLines(DocPath).Where(line => CaseRow().IsMatch(line)).ToList();

        // On a mismatch the message carries the rows to paste into the table.
        Assert.True(expected.SequenceEqual(documented), "docs/ERRORS.md's table should read:\n" + string.Join('\n', expected));
    }

    [Fact]
    public void HostileCatalogue_Ids_UniqueAndAtLeastFortyOverEveryService()
    {
        var cases = HostileCatalogue.All();

        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        Assert.True(cases.Count >= 40, $"{cases.Count} cases");
        foreach (var service in new[] { "IngestionService.", "EntityService.", "SummaryService." })
        {
            Assert.True(cases.Count(c => c.Rpc.StartsWith(service, StringComparison.Ordinal)) >= 10, service);
        }
    }

    /// <summary>One table row: id, RPC, input, status (as gRPC spells it), details.</summary>
    public static string Row(HostileCase c) =>
        $"| `{c.Id}` | {c.Rpc} | {Cell(c.Input)} | {StatusName(c.Code)} | {Cell(c.Detail.Describe())} |";

    private static string StatusName(Grpc.Core.StatusCode code) =>
        UpperSnake().Replace(code.ToString(), "$1_$2").ToUpperInvariant();

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| `[a-z0-9-]+` \|")]
    private static partial Regex CaseRow();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex UpperSnake();
}
