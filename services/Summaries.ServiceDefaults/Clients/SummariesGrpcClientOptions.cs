namespace Summaries.ServiceDefaults.Clients;

/// <summary>Per-client settings of <see cref="GrpcClientExtensions.AddSummariesGrpcClient"/>.</summary>
public sealed class SummariesGrpcClientOptions
{
    /// <summary>
    /// Whether the channel retries a call that failed with UNAVAILABLE (3 attempts, 200 ms doubling to 2 s).
    /// Default true. Turn off when the caller retries on its own schedule.
    /// </summary>
    public bool RetryUnavailable { get; set; } = true;

    /// <summary>Largest response accepted, in bytes. Default 16 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 16 * 1024 * 1024;
}
