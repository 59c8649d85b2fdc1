namespace Summaries.Summary.Support;

/// <summary>Polarity: what a claim negates.</summary>
public sealed partial class SupportChecker
{
    /// <summary>
    /// A claim negates exactly what the source negates. A negator's scope is the next two content
    /// words after it: the claim may not negate a scope the source states plainly, nor state
    /// plainly a scope the source negates.
    /// </summary>
    private SupportVerdict? Polarity(List<SupportToken> claim, HashSet<string> available, IReadOnlyList<SupportSource> sources, IReadOnlyList<int> indexes)
    {
        if (!model.Enabled("polarity"))
        {
            return null;
        }

        var claimScopes = Scopes(claim);
        var sourceScopes = sources.SelectMany(s => Scopes(s.Tokens)).ToList();
        foreach (var (negator, scope) in claimScopes)
        {
            if (scope.All(available.Contains) && !sourceScopes.Any(s => s.Scope.Overlaps(scope)))
            {
                return SupportVerdict.Fail(SupportFailureKind.Polarity, negator.Surface, $"negates ('{negator.Surface}') what the source affirms", indexes);
            }
        }

        var claimKeys = claim.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (negator, scope) in sourceScopes)
        {
            if (scope.All(claimKeys.Contains) && !claimScopes.Any(c => c.Scope.Overlaps(scope)))
            {
                return SupportVerdict.Fail(SupportFailureKind.Polarity, negator.Surface, $"affirms what the source negates ('{negator.Surface}')", indexes);
            }
        }

        return null;
    }

    /// <summary>Each negator with the content keys it negates (at most two, within six words).</summary>
    private List<(SupportToken Negator, HashSet<string> Scope)> Scopes(IReadOnlyList<SupportToken> tokens)
    {
        var result = new List<(SupportToken, HashSet<string>)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!lexicon.Negators.Contains(tokens[i].Lower))
            {
                continue;
            }

            var scope = new HashSet<string>(StringComparer.Ordinal);
            for (var j = i + 1; j < tokens.Count && j <= i + 6 && scope.Count < 2; j++)
            {
                if (lexicon.IsContent(tokens[j]))
                {
                    scope.Add(tokens[j].Key);
                }
            }

            if (scope.Count > 0)
            {
                result.Add((tokens[i], scope));
            }
        }

        return result;
    }
}
