using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Summaries.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on loopback whose answers are scripted, so the
/// summary service's real Semantic Kernel connector is exercised over real HTTP. Requests with
/// <c>"stream": true</c> are answered with server-sent events (<c>data: {chunk}</c> lines, then
/// <c>data: [DONE]</c>), the answer cut into <see cref="ChunkCount"/> pieces <see cref="ChunkDelay"/> apart.
/// </summary>
public sealed partial class ScriptedLlmServer : IAsyncDisposable
{
    private static readonly string[] LoadedWords = ["soaring", "vexing", "spiralling", "plethora", "erroneous"];

    private readonly WebApplication _app;
    private readonly System.Collections.Concurrent.ConcurrentQueue<LlmBehaviour> _script = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _requestTimes = new();
    private int _requests;
    private int _aborted;
    private long _lastChunkSentAt;

    private ScriptedLlmServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/v1";

    /// <summary>Base address for Ollama's native API.</summary>
    public string OllamaEndpoint => $"http://127.0.0.1:{Port}";

    /// <summary>What every request gets once the queued behaviours (<see cref="Enqueue"/>) are used up.</summary>
    public LlmBehaviour Behaviour { get; set; } = LlmBehaviour.Valid;

    /// <summary>The Retry-After header of a 429, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Pieces a streamed answer is cut into.</summary>
    public int ChunkCount { get; set; } = 16;

    /// <summary>Pause before each piece of a streamed answer.</summary>
    public TimeSpan ChunkDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Where the Truncated, ConnectionDropped, StallsMidStream and GarbledMidStream answers break: a share of the answer's length.</summary>
    public double CutAt { get; set; } = 0.7;

    /// <summary>Requests the client gave up on (or cancelled) while this server was still answering.</summary>
    public int Aborted => Volatile.Read(ref _aborted);

    /// <summary>When each request arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), in order.</summary>
    public IReadOnlyList<long> RequestTimes => _requestTimes.ToArray();

    /// <summary>When the last piece of the last streamed answer was written and flushed (Stopwatch timestamp).</summary>
    public long LastChunkSentAt => Interlocked.Read(ref _lastChunkSentAt);

    /// <summary>Whether the last request asked for a streamed answer.</summary>
    public bool LastRequestStreamed { get; private set; }

    /// <summary>Behaviours for the next requests, one each, before <see cref="Behaviour"/> applies again.</summary>
    public void Enqueue(params LlmBehaviour[] behaviours)
    {
        foreach (var b in behaviours)
        {
            _script.Enqueue(b);
        }
    }

    /// <summary>Back to a valid, unhurried model with nothing queued.</summary>
    public void Reset()
    {
        _script.Clear();
        Behaviour = LlmBehaviour.Valid;
        ExtraSentence = null;
        ChunkDelay = TimeSpan.Zero;
        ChunkCount = 16;
        CutAt = 0.7;
        RetryAfterSeconds = 1;
    }

    /// <summary>When set, a Valid answer also carries this sentence (built from the fact sheet) in "what happened".</summary>
    public Func<JsonNode, JsonObject>? ExtraSentence { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The last request body the server received (the prompt, as JSON).</summary>
    public string? LastRequestBody { get; private set; }

    /// <summary>The "response_format" of the last request (OpenAI-compatible API), or null when it had none.</summary>
    public JsonNode? LastResponseFormat { get; private set; }

    public static async Task<ScriptedLlmServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedLlmServer(app, port);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/api/chat", server.HandleOllamaAsync);
        await app.StartAsync();
        return server;
    }

    private Task HandleAsync(HttpContext context) => RespondAsync(context, OpenAiFormat.Instance);

    /// <summary>Ollama's native chat API: newline-delimited JSON, the last line marked done.</summary>
    private Task HandleOllamaAsync(HttpContext context) => RespondAsync(context, OllamaFormat.Instance);

    private async Task RespondAsync(HttpContext context, IAnswerFormat format)
    {
        Interlocked.Increment(ref _requests);
        _requestTimes.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        LastRequestBody = body;
        var request = JsonNode.Parse(body);
        LastResponseFormat = request?["response_format"]?.DeepClone();
        var streamed = request?["stream"]?.GetValue<bool>() == true;
        LastRequestStreamed = streamed;
        var behaviour = _script.TryDequeue(out var next) ? next : Behaviour;
        switch (behaviour)
        {
            case LlmBehaviour.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsJsonAsync(new { error = new { message = "rate limited", type = "rate_limit" } });
                return;
            case LlmBehaviour.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "boom", type = "server_error" } });
                return;
            case LlmBehaviour.Hang:
                await WaitUntilAbortedAsync(context);
                return;
        }

        var content = behaviour switch
        {
            LlmBehaviour.Garbage => "Sure! Here is a lovely briefing: the talks were great.",
            LlmBehaviour.Ungrounded => """{"headline":"Talks held","sections":[{"kind":"what_happened","sentences":[{"text":"The leaders met on Mars.","fact_ids":["a9.s99"]}]}]}""",
            LlmBehaviour.FollowsInjection => AdversarialModel.ObeyInjections(body, ValidAnswer(body, avoidLoadedWords: true, null)),
            LlmBehaviour.LeaksSystemPrompt => AdversarialModel.LeakSystemPrompt(body, ValidAnswer(body, avoidLoadedWords: true, null)),
            // Careless at first; careful once told which sentence failed verification.
            LlmBehaviour.PartlyLoaded => ValidAnswer(body, avoidLoadedWords: body.Contains("failed verification", StringComparison.Ordinal), null),
            LlmBehaviour.OmitsParty => WithoutLastPosition(ValidAnswer(body, avoidLoadedWords: true, null)),
            LlmBehaviour.Wordy => WithEveryFact(ValidAnswer(body, avoidLoadedWords: true, null), body),
            _ => ValidAnswer(body, avoidLoadedWords: true, ExtraSentence),
        };
        var cut = (int)(content.Length * CutAt);
        if (!streamed)
        {
            await RespondWholeAsync(context, format, behaviour, content, cut);
            return;
        }

        // The answer as the model would send it, piece by piece.
        var breaksOff = behaviour is LlmBehaviour.Truncated or LlmBehaviour.ConnectionDropped or LlmBehaviour.StallsMidStream or LlmBehaviour.GarbledMidStream;
        var pieces = Pieces(content, breaksOff ? cut : content.Length);
        if (behaviour == LlmBehaviour.GarbledMidStream)
        {
            // A raw line break is invalid JSON inside a string and out of one.
            pieces.Add("\n<html><body>502 Bad Gateway</body></html>\n");
        }

        context.Response.ContentType = format.StreamContentType;
        await context.Response.StartAsync();
        foreach (var piece in pieces)
        {
            if (ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(ChunkDelay);
            }

            await context.Response.WriteAsync(format.Chunk(piece));
            await context.Response.Body.FlushAsync();
            Interlocked.Exchange(ref _lastChunkSentAt, System.Diagnostics.Stopwatch.GetTimestamp());
        }

        switch (behaviour)
        {
            case LlmBehaviour.Truncated:
                return;
            case LlmBehaviour.ConnectionDropped:
                // A reset discards what the client has not read yet: give it time to read the pieces sent.
                await Task.Delay(TimeSpan.FromMilliseconds(300));
                context.Abort();
                return;
            case LlmBehaviour.StallsMidStream:
                await WaitUntilAbortedAsync(context);
                return;
            default:
                await context.Response.WriteAsync(format.End());
                return;
        }
    }

    private static async Task RespondWholeAsync(HttpContext context, IAnswerFormat format, LlmBehaviour behaviour, string content, int cut)
    {
        switch (behaviour)
        {
            case LlmBehaviour.Truncated:
                await format.WriteWholeAsync(context, content[..cut], "length");
                return;
            case LlmBehaviour.GarbledMidStream:
                await format.WriteWholeAsync(context, content[..cut] + "\n<html>502</html>", "stop");
                return;
            case LlmBehaviour.ConnectionDropped:
            case LlmBehaviour.StallsMidStream:
                await context.Response.StartAsync();
                await context.Response.WriteAsync("{\"id\":\"chatcmpl-scripted\",\"choices\":[");
                await context.Response.Body.FlushAsync();
                if (behaviour == LlmBehaviour.ConnectionDropped)
                {
                    context.Abort();
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            default:
                await format.WriteWholeAsync(context, content, "stop");
                return;
        }
    }

    private async Task WaitUntilAbortedAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _aborted);
        }
    }

    /// <summary>The first <paramref name="length"/> characters cut into about <see cref="ChunkCount"/> pieces, mid-word and mid-token.</summary>
    private List<string> Pieces(string content, int length)
    {
        var size = Math.Max(1, (int)Math.Ceiling(content.Length / (double)Math.Max(1, ChunkCount)));
        var pieces = new List<string>();
        for (var at = 0; at < length; at += size)
        {
            pieces.Add(content[at..Math.Min(length, at + size)]);
        }

        return pieces;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
