using System.Net;
using Microsoft.AspNetCore.Http;
using Summaries.ServiceDefaults.Security.Auth;
using Summaries.ServiceDefaults.Security.RateLimiting;

namespace Summaries.ServiceDefaults.Tests.Security.RateLimiting;

public sealed class ClientPartitionsTests
{
    private static readonly ClientPartitions Partitions = new(new RateLimitOptions
    {
        Enabled = true,
        PermitLimit = 5,
        KeyPermitLimits = { ["summary"] = 500 },
    });

    [Fact]
    public void Of_AuthenticatedCall_PartitionedByKeyId()
    {
        var context = Call("/summaries.ingestion.v1.IngestionService/GetArticle", "10.0.0.1", keyId: "dashboard");

        Assert.Equal(("key", "dashboard"), Partitions.Of(context));
    }

    [Fact]
    public void Of_AnonymousCall_PartitionedByPeerAddress()
    {
        Assert.Equal(("peer", "10.0.0.1"), Partitions.Of(Call("/summaries.ingestion.v1.IngestionService/GetArticle", "10.0.0.1")));
        Assert.Equal(("peer", "10.0.0.2"), Partitions.Of(Call("/summaries.ingestion.v1.IngestionService/GetArticle", "10.0.0.2")));
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public void Of_HealthAndReflection_ExemptByDefault(string path) =>
        Assert.Equal("exempt", Partitions.Of(Call(path, "10.0.0.1", keyId: "dashboard")).Kind);

    [Fact]
    public void PermitLimitFor_KeyWithOverride_TheOverride()
    {
        var options = new RateLimitOptions { PermitLimit = 5, KeyPermitLimits = { ["summary"] = 500 } };

        Assert.Equal(500, options.PermitLimitFor("summary"));
        Assert.Equal(5, options.PermitLimitFor("dashboard"));
        Assert.Equal(5, options.PermitLimitFor(null));
    }

    [Fact]
    public void Partition_SameClient_SameLimiterAcrossCalls_DifferentClientsApart()
    {
        var partitions = new ClientPartitions(new RateLimitOptions { Enabled = true, PermitLimit = 2, Window = TimeSpan.FromMinutes(1) });
        using var limiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(partitions.Partition);
        var path = "/summaries.ingestion.v1.IngestionService/GetArticle";

        var a = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire(Call(path, "10.0.0.1", keyId: "a")).IsAcquired).ToList();
        var b = limiter.AttemptAcquire(Call(path, "10.0.0.1", keyId: "b")).IsAcquired;
        var peer = limiter.AttemptAcquire(Call(path, "10.0.0.1")).IsAcquired;

        Assert.Equal([true, true, false], a);
        Assert.True(b);
        Assert.True(peer);
    }

    private static DefaultHttpContext Call(string path, string peer, string? keyId = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (keyId is not null)
        {
            context.User = CallerIdentity.For(keyId);
        }

        return context;
    }
}
