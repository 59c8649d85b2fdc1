using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Support;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Where the sources differ on a point, the briefing says so: each version in its source's own
/// words, opened by the outlet that reported it ("According to CNN, 12 people were killed." "According
/// to BBC, 15 people were killed."), and citing only that outlet's sentence, so the verifier checks
/// each against its own source (<see cref="OutletNames"/>).
/// </summary>
public sealed partial class SourceVersions(FactSheet sheet, SheetSupport support, SentenceRenderer renderer)
{
    private readonly SourceDifferences _differences = new(sheet, support);
    private readonly Lazy<HashSet<string>> _lowerWords = new(() => LowerWords(sheet));

    /// <summary>
    /// The picked fact's version and the differing versions of other outlets, each attributed, at
    /// most <paramref name="max"/> in all; empty when no other outlet reports the point differently
    /// (then the picked fact is written as usual). Versions from the picked fact's own outlet, and
    /// sentences that cannot be written neutrally, are left out.
    /// </summary>
    public IReadOnlyList<DraftSentence> Versions(Fact picked, int max = 3)
    {
        if (max < 2 || Outlet(picked) is not { } pickedOutlet)
        {
            return [];
        }

        var versions = new List<DraftSentence>();
        var outlets = new HashSet<string>(StringComparer.Ordinal) { pickedOutlet };
        foreach (var difference in _differences.Find(picked))
        {
            if (versions.Count + 1 >= max)
            {
                break;
            }

            if (Outlet(difference.Other) is { } outlet && outlets.Add(outlet) && Attributed(difference.Other) is { } sentence)
            {
                versions.Add(sentence);
            }
        }

        if (versions.Count == 0 || Attributed(picked) is not { } own)
        {
            return [];
        }

        return [own, .. versions];
    }

    /// <summary>The fact written as the writer writes it, opened by its outlet; null when either cannot be.</summary>
    public DraftSentence? Attributed(Fact fact)
    {
        var article = Article(fact);
        if (article is null || OutletNames.Attribution(article) is not { } opening || renderer.Render(fact, sheet, attributed: null) is not { } text)
        {
            return null;
        }

        return new DraftSentence(opening + LowerFirst(text, fact), [fact.Id], null);
    }

    private FactArticle? Article(Fact fact) => sheet.Articles.FirstOrDefault(a => a.ArticleName == fact.ArticleName);

    private string? Outlet(Fact fact) => Article(fact) is { } article ? OutletNames.Name(article) : null;

    /// <summary>
    /// The first letter in lower case when the first word is a common word (a function word, or one
    /// the sources write in lower case elsewhere), not an acronym, and not the start of a name in the fact.
    /// </summary>
    private string LowerFirst(string text, Fact fact)
    {
        var first = FirstWord().Match(text);
        if (!first.Success || first.Value == "I" || first.Value.Skip(1).Any(char.IsUpper))
        {
            return text;
        }

        var names = fact.EntityKeys.Select(sheet.FindEntity).OfType<FactEntity>().SelectMany(e => e.Aliases.Append(e.DisplayName));
        if (names.Any(n => n.Length > 0 && text.StartsWith(n, StringComparison.Ordinal)))
        {
            return text;
        }

        var lower = first.Value.ToLower(CultureInfo.InvariantCulture);
        return _lowerWords.Value.Contains(lower) || support.Checker.Lexicon.Function.Contains(lower) ? lower + text[first.Value.Length..] : text;
    }

    /// <summary>Words the sheet's sentences write in lower case.</summary>
    private static HashSet<string> LowerWords(FactSheet sheet) =>
        sheet.Facts.SelectMany(f => AnyWord().Matches(f.Text)).Select(m => m.Value).Where(w => char.IsLower(w[0])).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\p{L}+(?=[\s,])")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex AnyWord();
}
