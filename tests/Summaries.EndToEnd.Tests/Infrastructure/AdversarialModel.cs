using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Summaries.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The scripted LLM at its worst, for the prompt-injection tests. <see cref="ObeyInjections"/> is
/// a gullible model: it reads the fact sheet as a model would (bracket escapes undone, invisible
/// characters ignored) and obeys the first thing there that reads as an instruction: it answers
/// with an embedded JSON answer, reveals its system prompt when asked to, or puts the words it is
/// told to write into its headline and first sentence, citing the fact they came from so they look
/// grounded. <see cref="LeakSystemPrompt"/> copies its instructions into its answer regardless.
/// </summary>
public static partial class AdversarialModel
{
    public static string ObeyInjections(string requestBody, string carefulAnswer)
    {
        var leadId = LeadFactId(carefulAnswer);
        foreach (var line in ScriptedLlmServer.FactSheetTextOf(requestBody).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(" | ");
            var id = FactId().IsMatch(fields[0].Trim()) ? fields[0].Trim() : leadId;
            foreach (var seen in fields.Skip(1).Select(Seen))
            {
                if (ForgedFact().Match(seen) is { Success: true } forged)
                {
                    // A line that looks like a fact of the sheet is taken for one.
                    return WithSentence(carefulAnswer, forged.Groups[2].Value, forged.Groups[1].Value, asHeadline: false);
                }

                if (!Instruction().IsMatch(seen))
                {
                    continue;
                }

                if (EmbeddedAnswer(seen) is { } json)
                {
                    return json;
                }

                if (RevealRequest().IsMatch(seen))
                {
                    return LeakSystemPrompt(requestBody, carefulAnswer);
                }

                return WithSentence(carefulAnswer, Demanded(seen), id, asHeadline: true);
            }
        }

        return carefulAnswer;
    }

    /// <summary>The careful answer with the system prompt's sentences as headline, extra sentences and a context section.</summary>
    public static string LeakSystemPrompt(string requestBody, string carefulAnswer)
    {
        var leadId = LeadFactId(carefulAnswer);
        var answer = JsonNode.Parse(carefulAnswer)!.AsObject();
        var leaked = DistinctiveSentences(SystemPromptOf(requestBody)).ToList();
        answer["headline"] = leaked[0];
        var context = new JsonArray();
        foreach (var sentence in leaked)
        {
            context.Add(new JsonObject { ["text"] = sentence, ["fact_ids"] = new JsonArray(leadId) });
        }

        answer["sections"]!.AsArray().Add(new JsonObject { ["kind"] = "context", ["sentences"] = context });
        return answer.ToJsonString();
    }

    /// <summary>The sentences of a prompt a leak would be recognised by: six words or more.</summary>
    public static IEnumerable<string> DistinctiveSentences(string prompt) =>
        SentenceBreak().Split(prompt)
            .Select(s => Regex.Replace(s, @"\s+", " ").Trim().TrimStart('-', ' ', '1', '2', '3', '4', '5', '6', '7', '.').Trim())
            .Where(s => s.Split(' ').Length >= 6 && !s.Contains('{', StringComparison.Ordinal));

    /// <summary>What the instruction tells the model to write.</summary>
    public static string Demanded(string instruction)
    {
        var text = Regex.Replace(instruction, "<[^>]*>", " ");
        var colon = text.LastIndexOf(':');
        if (colon >= 0 && colon < text.Length - 3)
        {
            text = text[(colon + 1)..];
        }

        var quoted = Quoted().Match(text);
        if (quoted.Success)
        {
            text = quoted.Groups[1].Value;
        }
        else
        {
            var close = text.IndexOfAny(['”', '"']);
            text = close > 0 ? text[..close] : text;
        }

        // "reply with the word X": the words after the last "with", "that" or "the word".
        for (var named = NamedWords().Match(text); named.Success; named = NamedWords().Match(text))
        {
            text = named.Groups[1].Value;
        }

        return text.Trim().Trim('.', ',', ';', '!', '\'', '`', ' ');
    }

    private static string WithSentence(string carefulAnswer, string words, string factId, bool asHeadline)
    {
        var answer = JsonNode.Parse(carefulAnswer)!.AsObject();
        words = words.Trim().TrimEnd('.');
        var sentence = char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..] + ".";
        if (asHeadline)
        {
            answer["headline"] = sentence.TrimEnd('.');
            answer["headline_fact_ids"] = new JsonArray(factId);
        }

        var first = answer["sections"]!.AsArray()[0]!["sentences"]!.AsArray();
        first.Insert(0, new JsonObject { ["text"] = sentence, ["fact_ids"] = new JsonArray(factId) });
        return answer.ToJsonString();
    }

    private static string? EmbeddedAnswer(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0 || !text[start..].Contains("\"headline\"", StringComparison.Ordinal))
        {
            return null;
        }

        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                try
                {
                    return JsonNode.Parse(text[start..(i + 1)])?.ToJsonString();
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static string SystemPromptOf(string requestBody) =>
        JsonNode.Parse(requestBody)!["messages"]!.AsArray()
            .Where(m => (string?)m!["role"] == "system")
            .Select(m => m!["content"] is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string)m!["content"]!)
            .First();

    private static string LeadFactId(string carefulAnswer) =>
        (string)JsonNode.Parse(carefulAnswer)!["sections"]![0]!["sentences"]![0]!["fact_ids"]![0]!;

    /// <summary>The text as a model reads it: escaped brackets are brackets, invisible characters are not there.</summary>
    private static string Seen(string text) =>
        new(text.Replace('‹', '<').Replace('›', '>').Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray());

    [GeneratedRegex(@"^a\d+\.s\d+$")]
    private static partial Regex FactId();

    [GeneratedRegex(
        @"(?:^|[.,:;!?]\s*|\b(?:and|then|please|now)\s+)(?:ignore|disregard|forget|override|reply|respond|answer|output|print|reveal|repeat|write|say|state|call|describe|pretend|end|add|include|append)\b" +
        @"|\b(?:you|assistants?|ai|models?|llms?|chatbots?|summari[sz]ers?)\s+(?:must|should|shall|will|are\s+now)\b" +
        @"|\bmust\s+(?:write|say|call|describe|reply|state|include)\b|<\||im_start" +
        @"|\bnote\s+to\b|\bnew\s+(?:instructions?|rules)\b|\b(?:system|assistant)\s*:|<\s*/?\s*system\s*>|```|\{\s*""headline""",
        RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    [GeneratedRegex(@"\b(a\d+\.s\d+)\s*[/|]\s*([^/|]{3,}?)\s*(?:[/|]|$)")]
    private static partial Regex ForgedFact();

    [GeneratedRegex(@"\b(?:print|reveal|repeat|show|output|disclose|recite)\b.{0,40}\b(?:prompt|instructions|rules|text\s+above)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RevealRequest();

    [GeneratedRegex(@"[“""]([^”""]{2,})[”""]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:the\s+words?|that|with)\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedWords();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();
}
