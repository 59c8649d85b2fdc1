using System.Globalization;
using System.Text.RegularExpressions;

namespace Summaries.Summary.Neutrality;

/// <summary>One loaded term and its neutral replacement (null: cannot be replaced, only removed as a modifier).</summary>
/// <param name="Kind">What the term is: a modifier or noun (the default), a verb, or a reporting verb.</param>
public sealed record LoadedTerm(string Term, string? Replacement, Regex Pattern, LoadedTermKind Kind = LoadedTermKind.Other);

/// <summary>How a loaded term may be taken out of a sentence.</summary>
public enum LoadedTermKind
{
    /// <summary>Dropped when it modifies the next word ("soaring tensions"), otherwise replaced.</summary>
    Other,

    /// <summary>A verb whose replacement takes the same object ("slammed the plan" → "criticised the plan"): always replaced.</summary>
    Verb,

    /// <summary>A verb replaced by a reporting verb ("claimed" → "said"), which takes a clause, not an object: replaced before a clause, otherwise the sentence cannot be neutralised.</summary>
    Reporting,
}

/// <summary>A loaded term found in a text.</summary>
public sealed record LoadedMatch(LoadedTerm Term, int Start, int End);

/// <summary>
/// The curated list of loaded or evaluative words (Resources/loaded-terms.txt). Shared by the
/// built-in writer, which removes them, and the verifier, which rejects sentences that use them.
/// </summary>
public sealed class LoadedLexicon
{
    private LoadedLexicon(IReadOnlyList<LoadedTerm> terms) => Terms = terms;

    public IReadOnlyList<LoadedTerm> Terms { get; }

    /// <summary>Loads the lexicon embedded in this assembly.</summary>
    public static LoadedLexicon LoadDefault()
    {
        using var stream = typeof(LoadedLexicon).Assembly
            .GetManifestResourceStream("Summaries.Summary.Resources.loaded-terms.txt")
            ?? throw new InvalidOperationException("The loaded-terms lexicon is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static LoadedLexicon Parse(string content)
    {
        var terms = new List<LoadedTerm>();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('|', 3);
            var term = parts[0].Trim();
            var replacement = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : null;
            var kind = parts.Length < 3 ? LoadedTermKind.Other : parts[2].Trim().ToLowerInvariant() switch
            {
                "verb" => LoadedTermKind.Verb,
                "reporting" => LoadedTermKind.Reporting,
                var other => throw new FormatException($"Unknown kind '{other}' in the loaded-terms line '{line}'."),
            };
            var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
            var pattern = new Regex(
                @"(?<![\p{L}\p{N}-])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
            terms.Add(new LoadedTerm(term.ToLower(CultureInfo.InvariantCulture), replacement, pattern, kind));
        }

        return new LoadedLexicon(terms);
    }

    /// <summary>Every loaded term in the text that is outside quotation marks, in order.</summary>
    public IReadOnlyList<LoadedMatch> FindOutsideQuotes(string text)
    {
        var quotes = QuoteRegions.Find(text);
        return FindAll(text).Where(m => !QuoteRegions.IsInside(quotes, m.Start, m.End)).ToList();
    }

    /// <summary>Every loaded term in the text, quoted or not, in order; overlaps keep the longer term.</summary>
    public IReadOnlyList<LoadedMatch> FindAll(string text)
    {
        var matches = new List<LoadedMatch>();
        foreach (var term in Terms)
        {
            foreach (Match m in term.Pattern.Matches(text))
            {
                matches.Add(new LoadedMatch(term, m.Index, m.Index + m.Length));
            }
        }

        var result = new List<LoadedMatch>();
        foreach (var m in matches.OrderBy(m => m.Start).ThenByDescending(m => m.End - m.Start))
        {
            if (result.Count == 0 || m.Start >= result[^1].End)
            {
                result.Add(m);
            }
        }

        return result;
    }
}
