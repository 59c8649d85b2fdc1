using Summaries.Summary.Storage;

namespace Summaries.Summary.Tests.Storage;

public sealed class SqliteBriefingStoreTests
{
    [Fact]
    public void Create_PostgresConnectionString_FailsAtStartWithTheReason()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteBriefingStore("Host=pg;Database=x;Username=u;Password=p"));

        Assert.Contains("SQLite only", ex.Message, StringComparison.Ordinal);
    }
}
