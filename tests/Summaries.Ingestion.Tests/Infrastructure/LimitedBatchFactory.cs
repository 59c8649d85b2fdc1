using System.Globalization;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// The service with a batch limit of <see cref="MaxBatchItems"/> items per stream, and client streams
/// ended after <see cref="StreamIdleTimeout"/> without a message.
/// </summary>
public sealed class LimitedBatchFactory() : IngestionFactory(new Dictionary<string, string>
{
    ["Ingestion:Limits:MaxBatchItems"] = MaxBatchItems.ToString(CultureInfo.InvariantCulture),
    ["Ingestion:Limits:StreamIdleTimeout"] = StreamIdleTimeout.ToString("c", CultureInfo.InvariantCulture),
})
{
    public const int MaxBatchItems = 5;

    public static readonly TimeSpan StreamIdleTimeout = TimeSpan.FromSeconds(1);
}
