using System.Text.RegularExpressions;
using Summaries.Summary.Neutrality;

namespace Summaries.Summary.Writing.BuiltIn;

public static partial class SentenceCleaner
{
    /// <summary>
    /// The sentence without the reporter's first person outside quotation marks: "he told me" is
    /// "he said"; any other "I", "me", "we" or "our" of the writer's makes the sentence unusable
    /// (null), since a briefing has no "I" and cannot say what the reporter did.
    /// </summary>
    internal static string? WithoutReporter(string text)
    {
        text = ReplaceOutsideQuotes(text, ToldTheReporter(), "said");
        text = ReplaceOutsideQuotes(text, SaidToTheReporter(), string.Empty);
        text = ReplaceOutsideQuotes(text, InterviewWithTheReporter(), string.Empty);
        var quoted = Quoted(text);
        return FirstPerson().Matches(text).Any(m => !Inside(quoted, m.Index)) ? null : text;
    }

    private static string ReplaceOutsideQuotes(string text, Regex pattern, string replacement)
    {
        var quoted = Quoted(text);
        return pattern.Replace(text, m => Inside(quoted, m.Index) ? m.Value : replacement);
    }

    /// <summary>
    /// Quoted ranges: double quotation marks, and single ones (‘…’, '…'), which some papers use for
    /// quotes. A single mark that may be an apostrophe counts as a quote: a first person taken for
    /// the reporter's by mistake would cost the sentence, one taken for a speaker's costs nothing.
    /// </summary>
    private static List<(int Start, int End)> Quoted(string text)
    {
        var regions = QuoteRegions.Find(text).ToList();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            if (open < 0 && (c == '‘' || (c == '\'' && !char.IsLetterOrDigit(before))) && char.IsLetter(after))
            {
                open = i;
            }
            else if (open >= 0 && (c == '’' || c == '\'') && !char.IsLetterOrDigit(after))
            {
                regions.Add((open, i + 1));
                open = -1;
            }
        }

        if (open >= 0)
        {
            regions.Add((open, text.Length));
        }

        return regions;
    }

    private static bool Inside(List<(int Start, int End)> regions, int index) =>
        regions.Any(r => index > r.Start && index < r.End);

    // "told me", "told this reporter", where "said" says the same: at the clause's end or before
    // "that", a time or "in an interview". "told me about the plan" has no such rewording.
    [GeneratedRegex(@"\btold\s+(?:me|us|this (?:reporter|writer|correspondent|newspaper|paper))\b(?=\s*(?:[,.;!?]|$)|\s+(?:that|in an interview|on " + Weekday + @"|yesterday|today|recently|later|earlier|last (?:week|month|year))\b)")]
    private static partial Regex ToldTheReporter();

    // "said to me": the "to me" goes.
    [GeneratedRegex(@"(?<=\b(?:said|says)\b)\s+to (?:me|us|this (?:reporter|writer|correspondent|newspaper|paper))\b")]
    private static partial Regex SaidToTheReporter();

    [GeneratedRegex(@"(?<=\bin an interview)\s+with (?:me|us|this (?:reporter|writer|correspondent|newspaper|paper))\b")]
    private static partial Regex InterviewWithTheReporter();

    // "I" only where it is no numeral ("World War I", "Henry I"): not after a capitalised word or before a full stop.
    // No "mine": a coal mine is far more common in news than the pronoun.
    [GeneratedRegex(@"(?<![\p{Lu}][\p{L}.]*\s)\bI\b(?!\.)|\b(?:me|my|myself|we|us|our|ours|ourselves)\b|^(?:We|Our|My|Me)\b")]
    private static partial Regex FirstPerson();
}
