using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Summaries.EndToEnd.Tests.Infrastructure;

/// <summary>How the scripted LLM puts an answer on the wire, whole or in streamed pieces.</summary>
internal interface IAnswerFormat
{
    string StreamContentType { get; }

    Task WriteWholeAsync(HttpContext context, string content, string finishReason);

    /// <summary>One streamed piece of the answer's text, framed.</summary>
    string Chunk(string piece);

    /// <summary>What ends a stream normally.</summary>
    string End();
}

/// <summary>OpenAI chat completions: a JSON body, or server-sent events of chat.completion.chunk objects ending in <c>data: [DONE]</c>.</summary>
internal sealed class OpenAiFormat : IAnswerFormat
{
    public static OpenAiFormat Instance { get; } = new();

    public string StreamContentType => "text/event-stream";

    public Task WriteWholeAsync(HttpContext context, string content, string finishReason)
    {
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-scripted",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "scripted-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = Usage(),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(response.ToJsonString());
    }

    public string Chunk(string piece) => Event(new JsonObject
    {
        ["index"] = 0,
        ["delta"] = new JsonObject { ["content"] = piece },
        ["finish_reason"] = null,
    });

    public string End() =>
        Event(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" })
        + Event(null)
        + "data: [DONE]\n\n";

    /// <summary>One event; with no choice it is the closing usage chunk.</summary>
    private static string Event(JsonObject? choice)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-scripted",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "scripted-model",
            ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
        };
        if (choice is null)
        {
            chunk["usage"] = Usage();
        }

        return "data: " + chunk.ToJsonString() + "\n\n";
    }

    private static JsonObject Usage() => new() { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 };
}

/// <summary>Ollama's native chat API: newline-delimited JSON messages, the last one marked done with the token counts.</summary>
internal sealed class OllamaFormat : IAnswerFormat
{
    public static OllamaFormat Instance { get; } = new();

    public string StreamContentType => "application/x-ndjson";

    public Task WriteWholeAsync(HttpContext context, string content, string finishReason)
    {
        context.Response.ContentType = StreamContentType;
        return context.Response.WriteAsync(Line(content, done: true));
    }

    public string Chunk(string piece) => Line(piece, done: false);

    public string End() => Line(string.Empty, done: true);

    private static string Line(string content, bool done)
    {
        var line = new JsonObject
        {
            ["model"] = "scripted-model",
            ["created_at"] = "2024-01-01T00:00:00Z",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["done"] = done,
        };
        if (done)
        {
            line["done_reason"] = "stop";
            line["prompt_eval_count"] = 100;
            line["eval_count"] = 50;
        }

        return line.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n";
    }
}
