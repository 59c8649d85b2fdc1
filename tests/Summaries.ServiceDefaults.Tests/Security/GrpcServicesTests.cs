using Microsoft.AspNetCore.Http;
using Summaries.ServiceDefaults.Security;

namespace Summaries.ServiceDefaults.Tests.Security;

public sealed class GrpcServicesTests
{
    [Theory]
    [InlineData("/grpc.health.v1.Health/Check", "grpc.health.v1.Health")]
    [InlineData("/summaries.ingestion.v1.IngestionService/ListArticles", "summaries.ingestion.v1.IngestionService")]
    [InlineData("/", "")]
    [InlineData("", "")]
    [InlineData("/no-method", "")]
    public void ServiceOf_Path_TheServicePart(string path, string service) =>
        Assert.Equal(service, GrpcServices.ServiceOf(new PathString(path.Length == 0 ? null : path)));

    [Fact]
    public void Effective_NotConfigured_TheDefaults() =>
        Assert.Equal(new HashSet<string> { "a", "b" }, GrpcServices.Effective(null, ["a", "b"]));

    [Fact]
    public void Effective_BlankEntries_Dropped() =>
        Assert.Equal(new HashSet<string> { "c" }, GrpcServices.Effective(["", " c ", "  "], ["a", "b"]));
}
