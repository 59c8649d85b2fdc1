using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Summaries.Summary.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Llm;

/// <summary>
/// Writes a draft with an LLM through Semantic Kernel: system instructions from the prompt file,
/// the fact sheet as delimited data in the user message (rendered by the kernel), and a JSON answer
/// (in the draft's JSON schema where the provider supports structured output) parsed and validated.
/// The kernel's chat client (<see cref="KernelFactory"/>) makes the call and its telemetry.
/// </summary>
public sealed class LlmBriefingWriter(Kernel kernel, BriefingPrompt prompt, LlmOptions options) : IStreamingBriefingWriter
{
    private const int MinFactSheetTokens = 200;

    private readonly PromptFactSelector _selector = new();
    private readonly TokenCounter _tokens = new();

    public EngineInfo Engine { get; } = new(WriterKind.Llm, options.Model ?? "unknown", prompt.Version);

    public async Task<BriefingDraft> WriteAsync(FactSheet facts, WritingRequest request, CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatClient>();
        var (sheet, messages) = await ConversationAsync(facts, request, cancellationToken);
        var answer = await chat.GetResponseAsync(messages, Settings(), cancellationToken);
        return DraftJsonParser.Parse(answer.Text, facts, sheet.PartyKeys) with { Usage = UsageOf(answer.Usage) };
    }

    /// <summary>
    /// The same request, answered as a stream (server-sent events for OpenAI-compatible
    /// endpoints): each part of the JSON answer is reported as soon as it is complete.
    /// </summary>
    /// <exception cref="LlmStreamInterruptedException">The stream broke off or ended before the answer was complete.</exception>
    public async IAsyncEnumerable<DraftPart> StreamAsync(
        FactSheet facts, WritingRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatClient>();
        var (sheet, messages) = await ConversationAsync(facts, request, cancellationToken);
        var parser = new StreamingDraftParser(facts, sheet.PartyKeys);
        TokenUsage? usage = null;
        var received = false;
        await using var chunks = chat.GetStreamingResponseAsync(messages, Settings(), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await chunks.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex) when (received && ex is not OperationCanceledException)
            {
                // Once the answer has begun, a failure is the connection's, not the request's.
                throw new LlmStreamInterruptedException("connection lost: " + ex.Message, ex);
            }

            received = true;
            // Usage comes on the stream's last chunk (OpenAI) or its closing message (Ollama).
            usage = UsageOf(chunks.Current.Contents.OfType<UsageContent>().LastOrDefault()?.Details) ?? usage;
            foreach (var part in parser.Append(chunks.Current.Text))
            {
                yield return part;
            }
        }

        if (received && !parser.IsComplete && parser.Text.Contains('{', StringComparison.Ordinal))
        {
            throw new LlmStreamInterruptedException("the stream ended before the answer was complete");
        }

        yield return new DraftComplete(parser.Complete() with { Usage = usage });
    }

    private async Task<(PromptSheet Sheet, List<ChatMessage> Messages)> ConversationAsync(
        FactSheet facts, WritingRequest request, CancellationToken cancellationToken)
    {
        var (sheet, user) = await BuildPromptAsync(facts, request, cancellationToken);
        List<ChatMessage> messages = [new(ChatRole.System, prompt.System), new(ChatRole.User, user)];
        if (request.Corrections.Count > 0)
        {
            messages.Add(new ChatMessage(ChatRole.User,
                "Your previous answer had sentences that failed verification:\n- " + string.Join("\n- ", request.Corrections)
                + "\nWrite the whole briefing again, following the rules, and fix or leave out those sentences."));
        }

        return (sheet, messages);
    }

    private ChatOptions Settings() => options.UsesStructuredOutput
        ? new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = options.MaxOutputTokens,
            // The draft's schema, strict, in OpenAI's own request options: Microsoft.Extensions.AI's
            // response format has no strict flag, so the OpenAI client is handed the format as is.
            RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions { ResponseFormat = DraftJsonSchema.ResponseFormat },
        }
        : new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = options.MaxOutputTokens,
            // Any JSON object where the provider takes no schema. Either way the tolerant parser reads
            // the answer, so a model that strays is still caught there.
            ResponseFormat = ChatResponseFormat.Json,
        };

    /// <summary>
    /// The fact sheet the model will see and the user message carrying it. The sheet is at most a
    /// set share of the sources (the rest of the prompt is a fixed instruction budget, with a small
    /// floor so a short article still gets its lead through), and the whole prompt leaves room for
    /// the answer within the model's context.
    /// </summary>
    public async Task<(PromptSheet Sheet, string User)> BuildPromptAsync(
        FactSheet facts, WritingRequest request, CancellationToken cancellationToken = default)
    {
        var budget = options.ContextTokens - options.MaxOutputTokens - _tokens.Count(prompt.System);
        var sourceTokens = facts.Facts.Sum(f => _tokens.Count(f.Text));
        var sheetBudget = Math.Max(MinFactSheetTokens, (int)(sourceTokens * options.MaxFactSheetShare));
        var selected = await _selector.SelectAsync(facts, request, async (candidate, ct) =>
        {
            var rendered = FactSheetSerializer.Render(candidate);
            return _tokens.Count(rendered.Text) <= sheetBudget
                && _tokens.Count(await RenderUserAsync(rendered, request, ct)) <= budget;
        }, cancellationToken);
        var sheet = FactSheetSerializer.Render(selected);
        return (sheet, await RenderUserAsync(sheet, request, cancellationToken));
    }

    /// <summary>The user message for a fact sheet: the prompt file's template, rendered by Semantic Kernel, with the sheet as delimited data.</summary>
    public Task<string> RenderUserAsync(PromptSheet sheet, WritingRequest request, CancellationToken cancellationToken) =>
        prompt.RenderUserAsync(kernel, request.TargetSentences, sheet.Text, cancellationToken);

    private static TokenUsage? UsageOf(UsageDetails? usage) =>
        usage is null ? null : new TokenUsage((int)(usage.InputTokenCount ?? 0), (int)(usage.OutputTokenCount ?? 0));
}
