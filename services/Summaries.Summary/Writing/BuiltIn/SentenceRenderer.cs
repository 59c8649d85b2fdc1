using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Turns a source sentence into a briefing sentence: the speaker named in full where the source
/// used a pronoun, title or surname, the page's leftovers taken out (<see cref="SentenceCleaner"/>),
/// and the writer's voice neutralised. Quoted words stay verbatim.
/// </summary>
public sealed partial class SentenceRenderer(Neutralizer neutralizer)
{
    /// <summary>The rendered sentence, or null when it cannot be made neutral.</summary>
    public string? Render(Fact fact, FactSheet sheet, FactQuote? attributed)
    {
        var text = fact.Text;
        if (attributed is not null && attributed.SpeakerStart >= 0)
        {
            var speaker = sheet.FindEntity(attributed.SpeakerKey);
            var said = text[attributed.SpeakerStart..attributed.SpeakerEnd];
            if (speaker is not null && !said.Contains(speaker.DisplayName, StringComparison.Ordinal))
            {
                // "the president added" becomes "Xi Jinping added", not "the Xi Jinping added".
                var start = attributed.SpeakerStart;
                if (Determiner().Match(text[..start]) is { Success: true } determiner)
                {
                    start = determiner.Index;
                }

                text = string.Concat(text.AsSpan(0, start), speaker.DisplayName, text.AsSpan(attributed.SpeakerEnd));
            }
        }

        // What the page left in the sentence (dateline, byline, menus, the reporter's "me") goes first.
        // What is left may be a photo's caption the byline was run into: not a claim either.
        var bare = SentenceCleaner.Clean(text);
        if (bare is not null && bare != text && CaptionDetector.IsCaption(bare, isWholeParagraph: false))
        {
            return null;
        }

        var neutral = bare is null ? null : neutralizer.Neutralize(bare);
        return neutral is null ? null : Capitalise(neutral);
    }

    /// <summary>A quote whose speaker is not named in its own sentence, attributed explicitly.</summary>
    public string? RenderAttributedQuote(FactQuote quote, FactSheet sheet)
    {
        var speaker = sheet.FindEntity(quote.SpeakerKey);
        if (speaker is null || quote.Text.Trim().Length == 0)
        {
            return null;
        }

        var words = TrailingPunctuation().Replace(quote.Text.Trim(), string.Empty);
        // A quote that ends its own sentence needs no second full stop after the closing mark.
        return words.Length > 0 && words[^1] is '.' or '!' or '?' ? $"{speaker.DisplayName} said: “{words}”" : $"{speaker.DisplayName} said: “{words}”.";
    }

    private static string Capitalise(string s) =>
        s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+$")]
    private static partial Regex Determiner();

    [GeneratedRegex(@"[,;:]+$")]
    private static partial Regex TrailingPunctuation();
}
