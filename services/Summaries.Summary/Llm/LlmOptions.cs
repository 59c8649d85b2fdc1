using System.ComponentModel.DataAnnotations;

namespace Summaries.Summary.Llm;

/// <summary>Which LLM, if any, writes briefings. Section <c>Llm</c>.</summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string SectionName = "Llm";

    /// <summary>
    /// "None" (default: the built-in engine writes every briefing), "OpenAI" (any OpenAI-compatible
    /// endpoint: OpenAI, vLLM, llama.cpp server, LM Studio, Ollama's /v1), "AzureOpenAI", or
    /// "Ollama" (Ollama's native API; Endpoint defaults to http://localhost:11434).
    /// </summary>
    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>Base URL. OpenAI-compatible: e.g. http://localhost:11434/v1 (empty: api.openai.com). Azure: the resource URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key; optional for local servers. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model id (OpenAI-compatible) or deployment name (Azure).</summary>
    public string? Model { get; set; }

    /// <summary>How long one LLM call may take before the built-in engine answers instead. Default 60 s.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of one LLM call on 429/5xx/connection errors, honouring Retry-After. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Calls to the model within 60 s before the circuit breaker judges; it opens when 80 % of them
    /// failed (429, 5xx, connection errors). Default 5.
    /// </summary>
    [Range(2, 10_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 5;

    /// <summary>How long an open circuit stops calls to the model (the built-in engine answers meanwhile). Default 30 s.</summary>
    [Range(1, 3_600)]
    public int CircuitBreakerBreakSeconds { get; set; } = 30;

    /// <summary>The model's context window in tokens; the prompt is shrunk to fit it with room for the answer. Default 16,000.</summary>
    [Range(2_000, 2_000_000)]
    public int ContextTokens { get; set; } = 16_000;

    /// <summary>
    /// Largest fact sheet sent to the model, as a share of the sources' tokens (default 0.45); fewer
    /// narrative facts are sent until it fits. Each quoted party's best quote is always sent.
    /// </summary>
    [Range(0.05, 1.0)]
    public double MaxFactSheetShare { get; set; } = 0.45;

    /// <summary>Upper bound on the model's answer, in tokens. Default 2,000.</summary>
    [Range(100, 32_000)]
    public int MaxOutputTokens { get; set; } = 2_000;

    /// <summary>Folder holding the prompt files; relative paths are resolved from the app's base directory.</summary>
    [Required]
    public string PromptDirectory { get; set; } = "Prompts";

    /// <summary>Version of the prompt files to use (Prompts/briefing.{version}.*.md).</summary>
    [Required]
    public string PromptVersion { get; set; } = "v1";

    /// <summary>
    /// Ask the model for an answer in the draft's JSON schema (response_format json_schema, strict)
    /// on OpenAI-compatible endpoints and Azure OpenAI. Default true. Set false for a server that
    /// rejects json_schema: it is then asked for any JSON object (json_object), as Ollama's native
    /// provider always is. The same tolerant parser reads the answer either way.
    /// </summary>
    public bool StructuredOutput { get; set; } = true;

    public bool IsConfigured => Provider != LlmProvider.None;

    /// <summary>Whether requests carry the draft's JSON schema: <see cref="StructuredOutput"/> on a provider that takes it.</summary>
    public bool UsesStructuredOutput => StructuredOutput && Provider is LlmProvider.OpenAI or LlmProvider.AzureOpenAI;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == LlmProvider.None)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Llm:Model is required when an LLM provider is configured.", [nameof(Model)]);
        }

        if (Provider == LlmProvider.AzureOpenAI && (string.IsNullOrWhiteSpace(Endpoint) || string.IsNullOrWhiteSpace(ApiKey)))
        {
            yield return new ValidationResult("Llm:Endpoint and Llm:ApiKey are required for Azure OpenAI.", [nameof(Endpoint)]);
        }

        if (!string.IsNullOrWhiteSpace(Endpoint) && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Llm:Endpoint must be an absolute URL.", [nameof(Endpoint)]);
        }
    }
}

/// <summary>Supported LLM providers.</summary>
public enum LlmProvider
{
    None,
    OpenAI,
    AzureOpenAI,
    Ollama,
}
