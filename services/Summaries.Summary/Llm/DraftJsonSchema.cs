using OpenAI.Chat;

namespace Summaries.Summary.Llm;

/// <summary>
/// The JSON schema of a draft, the shape <see cref="DraftJsonParser"/> reads, sent as the
/// response format (strict structured output) where the provider supports it. Strict mode wants
/// every property required, so the optional ones (a section's party, a sentence's speaker) may be null.
/// </summary>
public static class DraftJsonSchema
{
    public const string Name = "briefing_draft";

    public const string Json = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["headline", "headline_fact_ids", "sections"],
          "properties": {
            "headline": {"type": "string"},
            "headline_fact_ids": {"type": "array", "items": {"type": "string"}},
            "sections": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["kind", "party", "sentences"],
                "properties": {
                  "kind": {"type": "string", "enum": ["what_happened", "position", "context"]},
                  "party": {"type": ["string", "null"]},
                  "sentences": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "additionalProperties": false,
                      "required": ["text", "fact_ids", "speaker"],
                      "properties": {
                        "text": {"type": "string"},
                        "fact_ids": {"type": "array", "items": {"type": "string"}},
                        "speaker": {"type": ["string", "null"]}
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """;

    /// <summary>The OpenAI response format: <c>{"type":"json_schema","json_schema":{"name":"briefing_draft","strict":true,"schema":…}}</c>.</summary>
    public static ChatResponseFormat ResponseFormat { get; } =
        ChatResponseFormat.CreateJsonSchemaFormat(Name, BinaryData.FromString(Json), jsonSchemaIsStrict: true);
}
