using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OllamaSharp;
using OpenAI;

namespace Summaries.Summary.Llm;

/// <summary>
/// Builds the Semantic Kernel with one chat client from configuration, so the model provider
/// changes in one place. The chat client is Microsoft.Extensions.AI's, wrapped in its OpenTelemetry
/// instrumentation: each call is a GenAI span (<c>chat {model}</c>) and feeds the
/// <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c> histograms, with
/// no prompt or answer text recorded. The HttpClient carries the retries and the circuit breaker
/// (<see cref="LlmResilience"/>); the SDK's own retries and network timeout are off, so the
/// LLM timeout and a failing model's fallback are decided in one place.
/// </summary>
public static class KernelFactory
{
    /// <summary>ActivitySource and Meter of the LLM calls; under the project's prefix, so the service's telemetry exports them.</summary>
    public const string GenAiSourceName = "Summaries.Summary.GenAI";

    public static Kernel Create(LlmOptions options, HttpClient httpClient)
    {
        // No logger and no sensitive data: prompts carry article text, which stays out of telemetry.
        var client = ChatClientOf(options, httpClient)
            .AsBuilder()
            .UseOpenTelemetry(sourceName: GenAiSourceName)
            .Build();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(client);
        return builder.Build();
    }

    private static IChatClient ChatClientOf(LlmOptions options, HttpClient httpClient)
    {
        switch (options.Provider)
        {
            case LlmProvider.OpenAI:
                var openAi = Configure(new OpenAIClientOptions(), httpClient);
                if (!string.IsNullOrWhiteSpace(options.Endpoint))
                {
                    openAi.Endpoint = new Uri(options.Endpoint);
                }

                return new OpenAIClient(new ApiKeyCredential(KeyOf(options)), openAi).GetChatClient(options.Model!).AsIChatClient();
            case LlmProvider.AzureOpenAI:
                var azure = Configure(new AzureOpenAIClientOptions(), httpClient);
                return new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(KeyOf(options)), azure)
                    .GetChatClient(options.Model!).AsIChatClient();
            case LlmProvider.Ollama:
                // Ollama's native API (OllamaSharp implements IChatClient itself).
                httpClient.BaseAddress = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? "http://localhost:11434" : options.Endpoint);
                return new OllamaApiClient(httpClient, options.Model!);
            default:
                throw new InvalidOperationException("No LLM provider is configured.");
        }
    }

    private static T Configure<T>(T client, HttpClient httpClient)
        where T : ClientPipelineOptions
    {
        client.Transport = new HttpClientPipelineTransport(httpClient);
        client.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        client.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    // OpenAI-compatible servers without keys (vLLM, llama.cpp) accept any; the SDK refuses an empty one.
    private static string KeyOf(LlmOptions options) => string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey;
}
