using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Briefings;
using Summaries.Summary.Clients;
using Summaries.Summary.Facts;
using Summaries.Summary.Support;

namespace Summaries.Summary.Claims;

/// <summary>The verdict on one claim: supported or not, the failure, and the facts it was compared with.</summary>
public sealed record ClaimCheck(bool Supported, SupportFailure? Failure, IReadOnlyList<Fact> Sources);

/// <summary>
/// Cite-free support checks for the API's users: gathers the named articles and their
/// annotations as a briefing would, then asks the support checker for the sentences that best
/// support the claim and its verdict.
/// </summary>
public sealed class ClaimCheckService(SourceGatherer gatherer, FactSheetBuilder facts, SheetSupport support)
{
    public const int MaxClaimLength = 2000;

    public async Task<ClaimCheck> CheckAsync(IReadOnlyList<string> articleNames, string claim, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var names = BriefingRequestValidator.CheckNames(problems, articleNames);
        if (string.IsNullOrWhiteSpace(claim))
        {
            problems.Add("claim", "a claim sentence is required");
        }
        else if (claim.Length > MaxClaimLength)
        {
            problems.Add("claim", $"at most {MaxClaimLength} characters");
        }

        problems.ThrowIfAny();
        var sources = await gatherer.GatherAsync(names, cancellationToken);
        var sheet = facts.Build(sources);
        var (verdict, found) = support.Find(claim, sheet);
        return new ClaimCheck(verdict.Supported, verdict.Failure, found);
    }
}
