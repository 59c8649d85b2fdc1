using Summaries.ServiceDefaults.Storage;

namespace Summaries.ServiceDefaults.Tests.Storage;

public sealed class StoreConnectionTests
{
    [Theory]
    [InlineData("Data Source=.data/entity.db", StoreKind.Sqlite)]
    [InlineData("Data Source=/data/Host=odd.db", StoreKind.Sqlite)]
    [InlineData("Host=db;Username=u;Password=p;Database=d", StoreKind.Postgres)]
    [InlineData("Username=u; host = 10.0.0.5;Database=d;Search Path=entity", StoreKind.Postgres)]
    public void KindOf_ConnectionString_HostKeywordMeansPostgres(string connectionString, StoreKind expected) =>
        Assert.Equal(expected, StoreConnection.KindOf(connectionString));

    [Theory]
    [InlineData("Data Source=.data/x.db", null)]
    [InlineData("Host=db;Database=d;Search Path=s", null)]
    [InlineData("", "a connection string is required")]
    [InlineData("Mode=Memory", "needs a Data Source")]
    [InlineData("Host=;Database=d", "needs a Host")]
    [InlineData("Host=db;Nonsense=1", "not a valid PostgreSQL connection string")]
    [InlineData("Data Source=x.db;Nonsense=1", "not a valid SQLite connection string")]
    public void Problem_ConnectionString_NullOrTheReason(string connectionString, string? reason)
    {
        var problem = StoreConnection.Problem(connectionString);

        if (reason is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(reason, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Host=db;Database=d", 20, 2)]
    [InlineData("Host=db;Database=d;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;Database=d;maxautoprepare=50;Auto Prepare Min Usages=7", 50, 7)]
    public void CreatePostgresDataSource_AutoPrepareUnlessTheStringSaysOtherwise(string connectionString, int maxAutoPrepare, int minUsages)
    {
        using var dataSource = StoreConnection.CreatePostgresDataSource(connectionString);

        var used = new Npgsql.NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(maxAutoPrepare, used.MaxAutoPrepare);
        Assert.Equal(minUsages, used.AutoPrepareMinUsages);
        Assert.Equal("db", used.Host);
    }
}
