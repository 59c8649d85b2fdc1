using System.Text.Json;
using Summaries.Summary.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Llm;

/// <summary>The model's answer was not the JSON the prompt asked for.</summary>
public sealed class InvalidLlmOutputException(string message) : Exception(message);

/// <summary>Parses and validates the model's structured answer into a draft.</summary>
public static class DraftJsonParser
{
    /// <summary>Parses the answer; <paramref name="partyKeys"/> maps the prompt's short party keys to entity keys.</summary>
    public static BriefingDraft Parse(string content, FactSheet sheet, IReadOnlyDictionary<string, string>? partyKeys = null)
    {
        partyKeys ??= new Dictionary<string, string>();
        var json = StripFences(content);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidLlmOutputException("not JSON: " + ex.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidLlmOutputException("the answer is not a JSON object");
        }

        var headline = RequiredString(root, "headline");
        var headlineFacts = StringArray(root, "headline_fact_ids");
        if (!root.TryGetProperty("sections", out var sectionsEl) || sectionsEl.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidLlmOutputException("'sections' is missing or not an array");
        }

        var sections = new List<DraftSection>();
        foreach (var s in sectionsEl.EnumerateArray())
        {
            sections.Add(ParseSection(s, sheet, partyKeys));
        }

        if (sections.Sum(s => s.Sentences.Count) == 0)
        {
            throw new InvalidLlmOutputException("the briefing has no sentences");
        }

        return new BriefingDraft(headline, headlineFacts, sections);
    }

    /// <summary>One element of the answer's "sections" array.</summary>
    public static DraftSection ParseSection(JsonElement s, FactSheet sheet, IReadOnlyDictionary<string, string> partyKeys)
    {
        if (s.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidLlmOutputException("a section is not an object");
        }

        var kindText = RequiredString(s, "kind");
        var kind = kindText switch
        {
            "what_happened" => DraftSectionKind.WhatHappened,
            "position" => DraftSectionKind.Position,
            "context" => DraftSectionKind.Context,
            _ => throw new InvalidLlmOutputException($"unknown section kind '{kindText}'"),
        };
        string? party = null;
        var title = kind == DraftSectionKind.WhatHappened ? "What happened" : "Context";
        if (kind == DraftSectionKind.Position)
        {
            party = RequiredString(s, "party");
            party = partyKeys.GetValueOrDefault(party, party);
            var entity = sheet.FindEntity(party) ?? throw new InvalidLlmOutputException($"unknown party '{party}'");
            title = $"Position of {entity.DisplayName}";
        }

        if (!s.TryGetProperty("sentences", out var sentencesEl) || sentencesEl.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidLlmOutputException("a section has no 'sentences' array");
        }

        var sentences = new List<DraftSentence>();
        foreach (var item in sentencesEl.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidLlmOutputException("a sentence is not an object");
            }

            var speaker = item.TryGetProperty("speaker", out var sp) && sp.ValueKind == JsonValueKind.String ? sp.GetString() : null;
            speaker = string.IsNullOrEmpty(speaker) ? null : partyKeys.GetValueOrDefault(speaker, speaker);
            sentences.Add(new DraftSentence(RequiredString(item, "text"), StringArray(item, "fact_ids"), speaker));
        }

        return new DraftSection(kind, title, party, sentences);
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : throw new InvalidLlmOutputException($"'{name}' is missing or not a string");

    /// <summary>A property's string items; empty when it is missing or not an array.</summary>
    public static List<string> StringArray(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
    }

    private static string StripFences(string content)
    {
        var text = content.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
            var lastFence = text.LastIndexOf("```", StringComparison.Ordinal);
            if (firstNewline > 0 && lastFence > firstNewline)
            {
                text = text[(firstNewline + 1)..lastFence];
            }
        }

        return text.Trim();
    }
}
