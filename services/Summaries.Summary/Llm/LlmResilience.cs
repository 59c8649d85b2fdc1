using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Summaries.Summary.Llm;

/// <summary>
/// Retries with exponential backoff on 429/5xx and connection failures (honouring Retry-After),
/// and a circuit breaker that stops calling a failing model for a while; both are counted
/// (summaries.llm.retries, summaries.llm.circuit_opens). The overall deadline is the composer's
/// timeout, after which the built-in engine answers.
/// </summary>
public static class LlmResilience
{
    public static IHttpClientBuilder AddLlmResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("llm", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
            var telemetry = context.ServiceProvider.GetRequiredService<SummaryMetrics>();
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    OnRetry = args =>
                    {
                        telemetry.LlmRetries.Add(1, new KeyValuePair<string, object?>("reason", ReasonOf(args.Outcome)));
                        return default;
                    },
                });
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakerBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                OnOpened = _ =>
                {
                    telemetry.CircuitOpens.Add(1);
                    return default;
                },
            });
        });
        return builder;
    }

    /// <summary>Low-cardinality reason for a retry: http_429, http_503, connection_failed …</summary>
    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Exception: HttpRequestException } => "connection_failed",
        { Exception: TimeoutException } => "timeout",
        _ => "other",
    };

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError };
}
