namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>A private database for one test: a SQLite file in a temp folder, or a fresh PostgreSQL schema.</summary>
public interface ITestDatabase : IDisposable
{
    /// <summary>"SQLite" or "PostgreSQL", for messages.</summary>
    string Provider { get; }

    string ConnectionString { get; }
}

/// <summary>A SQLite file in its own temp folder.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly TempDirectory _temp = new();

    public string Provider => "SQLite";

    public string ConnectionString => _temp.DatabaseConnectionString;

    public string FilePath => Path.Combine(_temp.Path, "ingestion.db");

    public void Dispose() => _temp.Dispose();
}

/// <summary>Lends a database to a harness without handing over its disposal.</summary>
public sealed class SharedDatabase(ITestDatabase inner) : ITestDatabase
{
    public string Provider => inner.Provider;

    public string ConnectionString => inner.ConnectionString;

    public void Dispose()
    {
    }
}
