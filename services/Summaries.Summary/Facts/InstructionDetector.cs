using System.Text.RegularExpressions;
using Summaries.Summary.Text;

namespace Summaries.Summary.Facts;

/// <summary>
/// Flags source sentences that read as instructions to an AI model ("Ignore previous
/// instructions…", fake system prompts and chat-template tokens, demands for a given JSON answer,
/// requests to reveal the prompt, role-play set-ups, notes addressed to AI readers, forged fact
/// ids, code fences). They are not news: they are kept out of the fact sheet, so neither writer
/// can repeat or obey them. Invisible characters are removed first, so zero-width or bidi
/// controls cannot split a phrase to hide it. The model is also told that the sheet is data;
/// this is the second line of defence, and the verifier the third.
/// </summary>
public static partial class InstructionDetector
{
    /// <summary>
    /// Longer than any news sentence: such a "sentence" (a text without full stops, up to a whole
    /// article) is treated as an instruction and kept out, because the pattern, with its many
    /// alternatives tried at every word, costs seconds on a million characters and its words would
    /// then weigh on every later stage.
    /// </summary>
    public const int MaxSentenceChars = 5_000;

    public static bool LooksLikeInstruction(string sentence) =>
        sentence.Length > MaxSentenceChars || Pattern().IsMatch(Invisible.Strip(sentence));

    [GeneratedRegex(
        @"\b(?:ignore|disregard|forget|override)\b[^.!?]{0,40}\b(?:instructions?|prompts?|rules|guidelines)\b" +
        @"|\bsystem\s*(?:prompt|message|instructions?)\b" +
        @"|(?:^|\W)(?:system|assistant|developer)\s*:" +
        @"|<\s*/?\s*(?:system|assistant|user|fact_sheet|instructions?)\s*>" +
        @"|<\|[a-z_]+\|>|\[/?(?:INST|SYS)\]" +
        @"|\bnew\s+(?:instructions?|rules)\s*:" +
        @"|\byou\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|language\s+model|chatbot|llm)\b" +
        @"|\byou\s+are\s+now\s+(?:\S+\s+){0,3}?(?:an?\s+)?(?:ai|assistant|model|chatbot|llm)\b" +
        @"|\b(?:pretend|act)\s+(?:to\s+be|as)\s+(?:an?\s+)?(?:ai|assistant|model|chatbot|llm|unrestricted|jailbroken)\b" +
        @"|\bdo\s+anything\s+now\b|\bjailbr(?:eak|oken)\b" +
        @"|\b(?:respond|reply|answer|output)\s+(?:only\s+)?(?:with|in)\s+(?:the\s+following\s+)?json\b" +
        @"|\b(?:respond|reply|answer)\s+only\s+with\b" +
        @"|\b(?:print|reveal|repeat|show|output|disclose|recite)\b[^.!?]{0,40}\b(?:your|the)\s+(?:hidden\s+|initial\s+|original\s+|secret\s+)?(?:prompt|instructions|text\s+above)\b" +
        @"|\b(?:any|every|all|each)\s+(?:ai|assistants?|language\s+models?|llms?|chatbots?|models?)\s+(?:that\s+is\s+|who\s+is\s+)?(?:summari[sz]|read|process|writ)" +
        @"|\byou\s+(?:must|should|shall|will)\s+(?:now\s+|only\s+|always\s+)?(?:reply|respond|answer|output|print|reveal|repeat)\b" +
        @"|\b(?:ai|assistants?|language\s+models?|llms?|chatbots?)\s+(?:must|should|shall|will)\s+(?:now\s+|always\s+|only\s+)?(?:reply|respond|answer|write|say|output|print|call|describe|state|add|include)\b" +
        @"|\bnote\s+to\s+(?:the\s+|any\s+)?(?:ai|assistant|model|llm|chatbot|summari[sz]er)s?\b" +
        @"|\ba\d+\.s\d+\b" +
        @"|```" +
        @"|""headline""\s*:|""sections""\s*:|""fact_ids""\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
