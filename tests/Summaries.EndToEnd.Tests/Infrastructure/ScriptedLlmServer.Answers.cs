using System.Text.Json.Nodes;

namespace Summaries.EndToEnd.Tests.Infrastructure;

/// <summary>The scripted LLM's reading of the prompt it was sent, and the careful answers it builds from it.</summary>
public sealed partial class ScriptedLlmServer
{
    /// <summary>The fact sheet's text exactly as sent: what stands between the delimiters of the user message.</summary>
    public static string FactSheetTextOf(string requestBody)
    {
        var request = JsonNode.Parse(requestBody)!;
        var content = request["messages"]!.AsArray()
            .Where(m => (string?)m!["role"] == "user")
            .Select(m => m!["content"] is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string)m!["content"]!)
            .First(c => c.Contains("<fact_sheet>", StringComparison.Ordinal));
        var start = content.IndexOf("<fact_sheet>", StringComparison.Ordinal) + "<fact_sheet>".Length;
        var end = content.IndexOf("</fact_sheet>", StringComparison.Ordinal);
        return content[start..end];
    }

    /// <summary>
    /// The fact sheet the summary service sent, read from its line format into
    /// {articles:[{title}], entities:[{key,name}], facts:[{id,text}], quotes:[{fact_id,speaker,direct}]}.
    /// </summary>
    public static JsonNode FactSheetOf(string requestBody)
    {
        var articles = new JsonArray();
        var entities = new JsonArray();
        var facts = new JsonArray();
        var quotes = new JsonArray();
        var part = string.Empty;
        foreach (var line in FactSheetTextOf(requestBody).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("ARTICLES", StringComparison.Ordinal) || line.StartsWith("PARTIES", StringComparison.Ordinal) || line.StartsWith("FACTS", StringComparison.Ordinal))
            {
                part = line.Split(' ')[0];
                continue;
            }

            var fields = line.Split(" | ");
            switch (part)
            {
                case "ARTICLES":
                    articles.Add(new JsonObject { ["ref"] = fields[0], ["title"] = fields[1] });
                    break;
                case "PARTIES":
                    entities.Add(new JsonObject { ["key"] = fields[0], ["name"] = fields[1] });
                    break;
                default:
                    facts.Add(new JsonObject { ["id"] = fields[0], ["text"] = fields[1] });
                    foreach (var who in fields.Length > 2 ? fields[2].Split(", ") : [])
                    {
                        var kindAndKey = who.Split(' ');
                        quotes.Add(new JsonObject { ["fact_id"] = fields[0], ["speaker"] = kindAndKey[1], ["direct"] = kindAndKey[0] == "quote" });
                    }

                    break;
            }
        }

        return new JsonObject { ["articles"] = articles, ["entities"] = entities, ["facts"] = facts, ["quotes"] = quotes };
    }

    /// <summary>Builds a correct answer from the fact sheet in the prompt: the lead fact, then one quote per speaker.</summary>
    private static string ValidAnswer(string requestBody, bool avoidLoadedWords, Func<JsonNode, JsonObject>? extra)
    {
        var sheet = FactSheetOf(requestBody);

        // A careful model leaves the narrator's colour out; a careless one copies the lead as it is.
        var lead = sheet["facts"]!.AsArray().First(f => !avoidLoadedWords
            || !LoadedWords.Any(w => ((string)f!["text"]!).Contains(w, StringComparison.OrdinalIgnoreCase)))!;
        var facts = sheet["facts"]!.AsArray().ToDictionary(f => (string)f!["id"]!, f => (string)f!["text"]!);
        var entities = sheet["entities"]!.AsArray().ToDictionary(e => (string)e!["key"]!, e => (string)e!["name"]!);
        var sections = new JsonArray
        {
            new JsonObject
            {
                ["kind"] = "what_happened",
                ["sentences"] = new JsonArray { new JsonObject { ["text"] = (string)lead["text"]!, ["fact_ids"] = new JsonArray((string)lead["id"]!) } },
            },
        };
        if (extra is not null)
        {
            sections[0]!["sentences"]!.AsArray().Add(extra(sheet));
        }

        foreach (var group in sheet["quotes"]!.AsArray().GroupBy(q => (string)q!["speaker"]!))
        {
            // Direct quotes are copied verbatim inside quotation marks; a party heard only through
            // reported speech is paraphrased without them, its loaded words dropped.
            var quote = group.FirstOrDefault(q => (bool)q!["direct"]!) ?? group.First()!;
            var factText = facts[(string)quote!["fact_id"]!];
            var quoted = QuotedWords().Match(factText);
            var text = (bool)quote["direct"]! && quoted.Success
                ? $"{entities[group.Key]} said: “{quoted.Groups[1].Value.Trim().TrimEnd(',', '.', ';')}”."
                : Neutral(factText);
            sections.Add(new JsonObject
            {
                ["kind"] = "position",
                ["party"] = group.Key,
                ["sentences"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["text"] = text,
                        ["fact_ids"] = new JsonArray((string)quote["fact_id"]!),
                        ["speaker"] = group.Key,
                    },
                },
            });
        }

        var answer = new JsonObject
        {
            ["headline"] = (string)sheet["articles"]![0]!["title"]!,
            ["headline_fact_ids"] = new JsonArray((string)lead["id"]!),
            ["sections"] = sections,
        };
        return answer.ToJsonString();
    }

    private static string WithoutLastPosition(string answer)
    {
        var json = JsonNode.Parse(answer)!;
        var sections = json["sections"]!.AsArray();
        sections.Remove(sections.First(s => (string?)s!["kind"] == "position"
            && s!["sentences"]!.AsArray().Any(x => ((string)x!["text"]!).Contains('“', StringComparison.Ordinal))));
        return json.ToJsonString();
    }

    /// <summary>The answer with a context section that copies every narrative fact of the sheet, loaded words dropped.</summary>
    private static string WithEveryFact(string answer, string requestBody)
    {
        var json = JsonNode.Parse(answer)!;
        var sheet = FactSheetOf(requestBody);
        var quoted = sheet["quotes"]!.AsArray().Select(q => (string)q!["fact_id"]!).ToHashSet(StringComparer.Ordinal);
        var sentences = new JsonArray();
        foreach (var fact in sheet["facts"]!.AsArray().Where(f => !quoted.Contains((string)f!["id"]!)))
        {
            sentences.Add(new JsonObject { ["text"] = Neutral((string)fact!["text"]!), ["fact_ids"] = new JsonArray((string)fact["id"]!) });
        }

        json["sections"]!.AsArray().Add(new JsonObject { ["kind"] = "context", ["sentences"] = sentences });
        return json.ToJsonString();
    }

    [System.Text.RegularExpressions.GeneratedRegex("[“\"]([^”\"]+)[”\"]")]
    private static partial System.Text.RegularExpressions.Regex QuotedWords();

    private static string Neutral(string words) =>
        LoadedWords.Aggregate(words.Replace("plethora of", "many", StringComparison.OrdinalIgnoreCase), (w, loaded) => w.Replace(loaded + " ", string.Empty, StringComparison.OrdinalIgnoreCase));
}
