namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>The service with a batch limit of <see cref="MaxBatchItems"/> items per stream.</summary>
public sealed class LimitedBatchFactory() : IngestionFactory(new Dictionary<string, string>
{
    ["Ingestion:Limits:MaxBatchItems"] = MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const int MaxBatchItems = 5;
}
