namespace Summaries.Summary.Support;

/// <summary>One source sentence, split once and kept for every claim checked against it.</summary>
public sealed class SupportSource
{
    public SupportSource(string text, IReadOnlyList<SupportToken> tokens, SupportLexicon lexicon)
    {
        Text = text;
        Tokens = tokens;
        Keys = tokens.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        ContentKeys = tokens.Where(lexicon.IsContent).Select(t => t.Key).ToList();
        HasReporting = tokens.Any(t => lexicon.Reporting.Contains(t.Key));
        HasPronoun = tokens.Any(t => t.Lower is "he" or "she" or "they" or "his" or "her" or "their" or "him" or "them" or "it" or "its");
    }

    public string Text { get; }

    public IReadOnlyList<SupportToken> Tokens { get; }

    public IReadOnlySet<string> Keys { get; }

    /// <summary>Content keys in sentence order (for the ordered coverage).</summary>
    public IReadOnlyList<string> ContentKeys { get; }

    public bool HasReporting { get; }

    public bool HasPronoun { get; }
}

/// <summary>
/// An article's sentences prepared for the cite-free mode, with the words it writes as names
/// (capitalised inside a sentence and never in lower case), which tell names in lower-cased claims.
/// </summary>
public sealed class SupportDocument
{
    public SupportDocument(IReadOnlyList<SupportSource> sentences)
    {
        Sentences = sentences;
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence.Tokens)
            {
                if (token.Capitalised)
                {
                    capitalised.Add(token.Key);
                }
                else if (char.IsLower(token.Surface[0]))
                {
                    lower.Add(token.Key);
                }
            }

            foreach (var key in sentence.Keys)
            {
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }

        capitalised.ExceptWith(lower);
        NameKeys = capitalised;
        SentenceFrequency = frequency;
    }

    public IReadOnlyList<SupportSource> Sentences { get; }

    public IReadOnlySet<string> NameKeys { get; }

    /// <summary>In how many sentences each key occurs (rarer keys tell sentences apart).</summary>
    public IReadOnlyDictionary<string, int> SentenceFrequency { get; }
}
