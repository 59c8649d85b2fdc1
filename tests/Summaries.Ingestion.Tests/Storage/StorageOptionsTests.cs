using System.ComponentModel.DataAnnotations;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("Data Source=.data/ingestion.db", StorageProvider.Sqlite)]
    [InlineData("Host=db;Username=u;Password=p;Database=d", StorageProvider.Postgres)]
    [InlineData("Username=u;Host=10.0.0.5;Database=d", StorageProvider.Postgres)]
    [InlineData("host=db;database=d", StorageProvider.Postgres)]
    public void Provider_FromConnectionString(string connectionString, StorageProvider expected) =>
        Assert.Equal(expected, new StorageOptions { Ingestion = connectionString }.Provider);

    [Theory]
    [InlineData("Data Source=.data/x.db", true)]
    [InlineData("Host=db;Database=d", true)]
    [InlineData("Mode=Memory", false)]
    [InlineData("Host=;Database=d", false)]
    [InlineData("Host=db;Nonsense=1", false)]
    public void Validate_ConnectionString(string connectionString, bool valid)
    {
        var options = new StorageOptions { Ingestion = connectionString };
        Assert.Equal(valid, !options.Validate(new ValidationContext(options)).Any());
    }
}
