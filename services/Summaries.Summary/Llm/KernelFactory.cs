using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OllamaSharp;

namespace Summaries.Summary.Llm;

/// <summary>
/// Builds the Semantic Kernel with one chat-completion service from configuration, so the model
/// provider changes in one place. The HttpClient carries the call timeout; the connector's own
/// retries are off when a client is supplied, so a failing model falls back quickly.
/// </summary>
public static class KernelFactory
{
    public static Kernel Create(LlmOptions options, HttpClient httpClient)
    {
        var builder = Kernel.CreateBuilder();
        switch (options.Provider)
        {
            case LlmProvider.OpenAI when !string.IsNullOrWhiteSpace(options.Endpoint):
                builder.AddOpenAIChatCompletion(options.Model!, new Uri(options.Endpoint), options.ApiKey, httpClient: httpClient);
                break;
            case LlmProvider.OpenAI:
                builder.AddOpenAIChatCompletion(options.Model!, options.ApiKey ?? string.Empty, httpClient: httpClient);
                break;
            case LlmProvider.Ollama:
                // Ollama's native API through Microsoft.Extensions.AI's IChatClient (OllamaSharp).
                httpClient.BaseAddress = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? "http://localhost:11434" : options.Endpoint);
                IChatClient ollama = new OllamaApiClient(httpClient, options.Model!);
                builder.Services.AddSingleton<IChatCompletionService>(ollama.AsChatCompletionService());
                break;
            case LlmProvider.AzureOpenAI:
                builder.AddAzureOpenAIChatCompletion(options.Model!, options.Endpoint!, options.ApiKey!, httpClient: httpClient);
                break;
            default:
                throw new InvalidOperationException("No LLM provider is configured.");
        }

        return builder.Build();
    }
}
