using System.ComponentModel.DataAnnotations;
using Summaries.Summary.Storage;

namespace Summaries.Summary.Tests.Storage;

public sealed class BriefingStoreOptionsTests
{
    [Theory]
    [InlineData("Data Source=.data/summary.db", null)]
    [InlineData("Host=db;Database=d;Search Path=summary", null)]
    [InlineData("Mode=Memory", "ConnectionStrings:Summary: a SQLite connection string needs a Data Source")]
    [InlineData("Host=db;Nonsense=1", "ConnectionStrings:Summary: not a valid PostgreSQL connection string")]
    public void Validate_ConnectionString_NoneOrTheReason(string connectionString, string? reason)
    {
        var options = new BriefingStoreOptions { Summary = connectionString };

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
