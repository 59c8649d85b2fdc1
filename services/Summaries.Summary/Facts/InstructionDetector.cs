using System.Text.RegularExpressions;

namespace Summaries.Summary.Facts;

/// <summary>
/// Flags source sentences that read as instructions to an AI model ("Ignore previous
/// instructions…", fake system prompts, demands for a given JSON answer). They are not news: they
/// are kept out of the fact sheet, so neither writer can repeat or obey them. The model is also
/// told that the sheet is data; this is the second line of defence.
/// </summary>
public static partial class InstructionDetector
{
    public static bool LooksLikeInstruction(string sentence) => Pattern().IsMatch(sentence);

    [GeneratedRegex(
        @"\b(?:ignore|disregard|forget|override)\b[^.!?]{0,40}\b(?:instructions?|prompts?|rules|guidelines)\b" +
        @"|\bsystem\s*(?:prompt|message|instructions?)\b" +
        @"|(?:^|\W)(?:system|assistant|developer)\s*:" +
        @"|<\s*/?\s*(?:system|assistant|fact_sheet|instructions?)\s*>" +
        @"|\byou\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|language\s+model|chatbot|llm)\b" +
        @"|\b(?:respond|reply|answer|output)\s+(?:only\s+)?(?:with|in)\s+(?:the\s+following\s+)?json\b" +
        @"|""headline""\s*:|""sections""\s*:|""fact_ids""\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
