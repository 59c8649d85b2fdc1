using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Summaries.Contracts.Entity.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>The entity service's per-key limit: the "limited" key gets 3 calls a minute, everyone else 1,000.</summary>
[Collection(SecuredSystemCollection.Name)]
public sealed class RateLimitTests(SecuredSystemFixture system)
{
    private static readonly AnnotateTextRequest Request = new() { Text = "Ana Ruiz met Tom Lee in Geneva." };

    [Fact]
    public async Task RateLimit_KeyOverItsLimit_ResourceExhaustedWithRetryInfoWhileOtherKeysAndHealthAreServed()
    {
        using var limitedChannel = system.Channel(system.Entity, ("x-api-key", system.LimitedKey));
        using var dashboardChannel = system.DashboardChannel(system.Entity);
        var limited = new EntityService.EntityServiceClient(limitedChannel);

        for (var i = 0; i < SecuredSystemFixture.LimitedKeyPermits; i++)
        {
            await limited.AnnotateTextAsync(Request);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => limited.AnnotateTextAsync(Request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("Rate limit exceeded", error.Status.Detail, StringComparison.Ordinal);
        var status = error.GetRpcStatus()!;
        Assert.Equal("RATE_LIMITED", status.GetDetail<ErrorInfo>()!.Reason);
        var retryDelay = status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(retryDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));

        // Another client's partition is untouched, and health is exempt even for the exhausted key.
        var other = await new EntityService.EntityServiceClient(dashboardChannel).AnnotateTextAsync(Request);
        Assert.NotEmpty(other.Annotation.Entities);
        var health = new Health.HealthClient(limitedChannel);
        for (var i = 0; i < SecuredSystemFixture.LimitedKeyPermits + 2; i++)
        {
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = SystemFixture.EntityServiceName });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }

        Assert.Contains(system.Entity.Output, l => l.Contains("rate limited (key limited)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaxReceiveMessageSize_RequestOverTheConfiguredLimit_ResourceExhausted()
    {
        using var channel = system.DashboardChannel(system.Entity);
        var client = new EntityService.EntityServiceClient(channel);
        var underLimit = new AnnotateTextRequest { Text = string.Concat(Enumerable.Repeat("Ana Ruiz met Tom Lee in Geneva. ", 1_000)) };
        var overLimit = new AnnotateTextRequest { Text = string.Concat(Enumerable.Repeat("Ana Ruiz met Tom Lee in Geneva. ", 3_000)) };
        Assert.InRange(overLimit.CalculateSize(), SecuredSystemFixture.EntityMaxReceiveBytes + 1, 1024 * 1024);

        await client.AnnotateTextAsync(underLimit);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.AnnotateTextAsync(overLimit).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
