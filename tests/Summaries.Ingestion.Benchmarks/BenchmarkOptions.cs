namespace Summaries.Ingestion.Benchmarks;

/// <summary>Command-line settings (see <see cref="BenchmarkCommandLine"/>); every one has a default.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Articles measured per target (after <see cref="Warmup"/> unmeasured ones).</summary>
    public int Count { get; init; } = 2_000;

    public int Warmup { get; init; } = 200;

    /// <summary><c>stream</c>: one StreamCreateArticles call; <c>unary</c>: CreateArticle from <see cref="Concurrency"/> clients.</summary>
    public string Mode { get; init; } = "stream";

    /// <summary>Stream mode: most articles sent but not yet acknowledged.</summary>
    public int Window { get; init; } = 64;

    /// <summary>Unary mode: concurrent callers.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Echo-server mode: the port to listen on.</summary>
    public int Port { get; init; }

    /// <summary><c>Normal</c> or <c>Full</c>: the ingestion service's SQLite synchronous setting.</summary>
    public string Synchronous { get; init; } = "Normal";

    /// <summary>A PostgreSQL connection string to benchmark that store instead of a temp SQLite file.</summary>
    public string? Postgres { get; init; }

    /// <summary>Extra settings for the ingestion process (<c>--server-env Key=Value</c>, repeatable), for experiments.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();
}
