using System.Globalization;
using Summaries.Summary.Facts;
using Summaries.Summary.Support;
using Summaries.Summary.Text;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>Another article's report of the same point that differs in one detail.</summary>
/// <param name="Other">The other article's sentence.</param>
/// <param name="Kind">What differs: a number or a day or month (<see cref="SupportFailureKind.Circumstance"/>), a negation (<see cref="SupportFailureKind.Polarity"/>), an opposite predicate (<see cref="SupportFailureKind.Predicate"/>).</param>
/// <param name="Mine">The detail as the picked fact gives it ("12"; "not" for a negation it has and the other lacks; empty when only the other negates).</param>
/// <param name="Theirs">The detail as <paramref name="Other"/> gives it.</param>
public sealed record SourceDifference(Fact Other, SupportFailureKind Kind, string Mine, string Theirs);

/// <summary>
/// Finds sentences in other articles that report the same point as a fact but differ on it: "12
/// killed" where another outlet has "15 killed", "on Monday" against "on Tuesday", "confirmed"
/// against "denied", "did not attend" against "attended". A false "the sources differ" misleads, so
/// the bar is high: the other sentence must carry the fact's point once the one differing detail is
/// taken out of each (the support check's core; the other may say more, "... and the roads were
/// closed"), and the words next to the detail, in either sentence, must be in the other one too
/// ("12 killed" and "15 injured" are two points, not one disputed). Places are
/// left out: "in Baghdad" and "in Iraq" may both be true.
/// </summary>
public sealed class SourceDifferences(FactSheet sheet, SheetSupport support)
{
    /// <summary>Word overlap (Jaccard) a sentence needs before the support check is asked about it.</summary>
    private const double MinOverlap = 0.3;

    /// <summary>At most this many sentences per fact go to the support check, the most alike first.</summary>
    private const int MaxChecked = 12;

    /// <summary>Content words on each side of the differing detail that the other sentence must have.</summary>
    private const int Context = 2;

    /// <summary>A sentence shorter than this says too little to tell one point from another.</summary>
    private const int MinContentWords = 4;

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal) { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",;:()—–\"“”");

    private readonly SupportLexicon _lexicon = support.Checker.Lexicon;
    private readonly HashSet<string> _quoted = sheet.Quotes.Select(q => q.FactId).ToHashSet(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, HashSet<string>> _words = FactWords.Of(sheet);

    /// <summary>Sentences of other articles that report the picked fact's point differently, at most one per article.</summary>
    public IReadOnlyList<SourceDifference> Find(Fact picked)
    {
        var mine = _words.GetValueOrDefault(picked.Id) ?? [];
        if (mine.Count == 0 || ContentCount(picked.Text) < MinContentWords)
        {
            return [];
        }

        var candidates = sheet.Facts
            .Where(f => f.ArticleName != picked.ArticleName && f.Kind == FactKind.Narrative && !_quoted.Contains(f.Id))
            .Select(f => (Fact: f, Overlap: Jaccard(mine, _words[f.Id])))
            .Where(x => x.Overlap >= MinOverlap)
            .OrderByDescending(x => x.Overlap)
            .ThenBy(x => x.Fact.Position)
            .Take(MaxChecked);
        var found = new List<SourceDifference>();
        foreach (var (other, _) in candidates)
        {
            if (found.Any(d => d.Other.ArticleName == other.ArticleName) || ContentCount(other.Text) < MinContentWords)
            {
                continue;
            }

            var verdict = support.Check(picked.Text, [other], sheet, core: true);
            if (verdict.Failure is { } failure && Differ(picked.Text, other.Text, failure) is { } difference)
            {
                found.Add(new SourceDifference(other, failure.Kind, difference.Mine, difference.Theirs));
            }
        }

        return found;
    }

    /// <summary>The detail the two sentences differ on, when taking it out of both leaves the same point.</summary>
    private (string Mine, string Theirs)? Differ(string mine, string theirs, SupportFailure failure)
    {
        // The tokens' offsets are into the text without its invisible characters.
        mine = Invisible.Strip(mine);
        theirs = Invisible.Strip(theirs);
        var a = SupportText.Tokens(mine, _lexicon);
        var b = SupportText.Tokens(theirs, _lexicon);
        foreach (var (x, y) in Counterparts(failure, a, b))
        {
            var mineLess = Without(mine, x);
            var theirsLess = Without(theirs, y);
            if (Near(mine, a, x, b) && Near(theirs, b, y, a) && Agree(mineLess, theirsLess))
            {
                return (x?.Surface ?? string.Empty, y?.Surface ?? string.Empty);
            }
        }

        return null;
    }

    /// <summary>The pairs of details (one of a pair may be absent: a negation) that may be what differs.</summary>
    private IEnumerable<(SupportToken? Mine, SupportToken? Theirs)> Counterparts(SupportFailure failure, List<SupportToken> a, List<SupportToken> b)
    {
        var aKeys = a.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var bKeys = b.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        switch (failure.Kind)
        {
            case SupportFailureKind.Circumstance:
                foreach (var x in a.Where(t => t.Surface == failure.Part && !bKeys.Contains(t.Key)).Take(1))
                {
                    var kind = DetailKind(x);
                    if (kind is null)
                    {
                        yield break;
                    }

                    foreach (var y in b.Where(t => !aKeys.Contains(t.Key) && DetailKind(t) == kind))
                    {
                        yield return (x, y);
                    }
                }

                break;
            case SupportFailureKind.Polarity:
                // The check says which sentence negates only by its reason, so both are tried.
                foreach (var x in a.Where(t => t.Surface == failure.Part && _lexicon.Negators.Contains(t.Lower)).Take(1))
                {
                    yield return (x, null);
                }

                foreach (var y in b.Where(t => t.Surface == failure.Part && _lexicon.Negators.Contains(t.Lower)).Take(1))
                {
                    yield return (null, y);
                }

                break;
            case SupportFailureKind.Predicate:
                foreach (var x in a.Where(t => t.Surface == failure.Part).Take(1))
                {
                    var opposites = _lexicon.AntonymsOf(x.Key);
                    foreach (var y in b.Where(t => opposites.Contains(t.Key)).Take(1))
                    {
                        yield return (x, y);
                    }
                }

                break;
        }
    }

    /// <summary>What kind of detail a word is, for pairing it with the other sentence's: numbers with numbers (years apart), days with days, months with months.</summary>
    private static string? DetailKind(SupportToken t)
    {
        if (t.IsNumber)
        {
            return t.Key.Length == 4 && int.TryParse(t.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
                ? "year"
                : "number";
        }

        if (Weekdays.Contains(t.Lower))
        {
            return "weekday";
        }

        // "may" is a month only as a name.
        return Months.Contains(t.Lower) && char.IsUpper(t.Surface[0]) ? "month" : null;
    }

    /// <summary>
    /// The content words next to the detail (up to <see cref="Context"/> each side, within its
    /// clause) are all in the other sentence.
    /// </summary>
    private bool Near(string text, List<SupportToken> tokens, SupportToken? detail, List<SupportToken> other)
    {
        if (detail is null)
        {
            return true;
        }

        var keys = other.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var at = tokens.IndexOf(detail);
        var near = new List<SupportToken>();
        foreach (var step in (int[])[-1, 1])
        {
            var found = 0;
            for (var i = at + step; i >= 0 && i < tokens.Count && found < Context; i += step)
            {
                var (left, right) = step < 0 ? (tokens[i], tokens[i - step]) : (tokens[i - step], tokens[i]);
                if (text.AsSpan(left.End, Math.Max(0, right.Start - left.End)).IndexOfAny(ClauseBreaks) >= 0)
                {
                    break;
                }

                if (_lexicon.IsContent(tokens[i]))
                {
                    near.Add(tokens[i]);
                    found++;
                }
            }
        }

        return near.All(t => keys.Contains(t.Key) || _lexicon.Reporting.Contains(t.Key));
    }

    /// <summary>The claim's core is in the source (names, numbers, times, places, predicate, polarity).</summary>
    private bool Agree(string claim, string source) => support.Check(claim, [], sheet, [source], core: true).Supported;

    private int ContentCount(string text) => SupportText.Tokens(text, _lexicon).Count(_lexicon.IsContent);

    private static string Without(string text, SupportToken? token) =>
        token is null ? text : string.Concat(text.AsSpan(0, token.Start), text.AsSpan(token.End));

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var overlap = a.Count(b.Contains);
        var union = a.Count + b.Count - overlap;
        return union == 0 ? 0 : (double)overlap / union;
    }
}
