using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.ServiceDefaults.Tests.Storage;

public sealed class StoreConnectionOptionsTests
{
    [Theory]
    [InlineData("Data Source=.data/x.db", null)]
    [InlineData("Host=db;Database=d", null)]
    [InlineData("Mode=Memory", "ConnectionStrings:Example: a SQLite connection string needs a Data Source")]
    [InlineData("Host=;Database=d", "ConnectionStrings:Example: a PostgreSQL connection string needs a Host")]
    public void Validate_ConnectionString_NoneOrTheReasonUnderTheServicesKey(string connectionString, string? reason)
    {
        var options = new ExampleStoreOptions { Example = connectionString };

        var results = options.Validate(new ValidationContext(options)).ToList();

        if (reason is null)
        {
            Assert.Empty(results);
        }
        else
        {
            var result = Assert.Single(results);
            Assert.StartsWith(reason, result.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(["Example"], result.MemberNames);
        }
    }

    private sealed class ExampleStoreOptions : StoreConnectionOptions
    {
        public string Example { get; set; } = string.Empty;

        protected override string Key => nameof(Example);

        protected override string ConnectionString => Example;
    }
}
