using System.ComponentModel.DataAnnotations;
using Summaries.Entity.Registry;

namespace Summaries.Entity.Tests.Registry;

public sealed class EntityStoreOptionsTests
{
    [Theory]
    [InlineData("Data Source=.data/entity.db", null)]
    [InlineData("Host=db;Database=d;Search Path=entity", null)]
    [InlineData("Mode=Memory", "ConnectionStrings:Entity: a SQLite connection string needs a Data Source")]
    [InlineData("Host=;Database=d", "ConnectionStrings:Entity: a PostgreSQL connection string needs a Host")]
    public void Validate_ConnectionString_NoneOrTheReason(string connectionString, string? reason)
    {
        var options = new EntityStoreOptions { Entity = connectionString };

        var results = options.Validate(new ValidationContext(options)).ToList();

        if (reason is null)
        {
            Assert.Empty(results);
        }
        else
        {
            Assert.StartsWith(reason, Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
        }
    }
}
