using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Security.RateLimiting;
using Summaries.ServiceDefaults.Tests.Infrastructure;

namespace Summaries.ServiceDefaults.Tests.Hosting;

/// <summary>The defaults' request pipeline on a real Kestrel port: what is on by default, limits, and start-up checks.</summary>
public sealed class SecurityPipelineTests
{
    [Fact]
    public async Task Defaults_NothingConfigured_CleartextNoKeyAndTheUsualMessageSizes()
    {
        await using var host = await DefaultsHost.StartAsync(new Dictionary<string, string?>());
        using var channel = host.Channel();

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = DefaultsHost.ServiceName });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        var grpc = host.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        Assert.Equal(16 * 1024 * 1024, grpc.MaxReceiveMessageSize);
        Assert.Null(grpc.MaxSendMessageSize);
    }

    [Theory]
    [InlineData("FixedWindow")]
    [InlineData("TokenBucket")]
    public async Task RateLimit_CallOverTheLimit_ResourceExhaustedWithRetryInfoAndCounted(string algorithm)
    {
        await using var host = await DefaultsHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Algorithm"] = algorithm,
            ["RateLimits:PermitLimit"] = "2",
            ["RateLimits:Window"] = "00:01:00",
            // Health is exempt by default; an empty list limits it too, so it can stand in for any service.
            ["RateLimits:ExemptServices:0"] = string.Empty,
        });
        var rejected = new ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = ListenToRejections(host, rejected);
        using var channel = host.Channel();
        var health = new Health.HealthClient(channel);

        await health.CheckAsync(new HealthCheckRequest());
        await health.CheckAsync(new HealthCheckRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("RATE_LIMITED", status.GetDetail<ErrorInfo>()!.Reason);
        Assert.InRange(status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        var (value, tags) = Assert.Single(rejected);
        Assert.Equal(1, value);
        Assert.Equal("grpc.health.v1.Health", tags["rpc.service"]);
        Assert.Equal("peer", tags["summaries.rate_limit.partition"]);
    }

    [Fact]
    public async Task MaxSendMessageSize_ResponseOverTheLimit_ResourceExhausted()
    {
        await using var host = await DefaultsHost.StartAsync(new Dictionary<string, string?> { ["Service:MaxSendMessageSize"] = "1024" });
        using var channel = host.Channel();

        // A health reply is a few bytes; the service's descriptor with its comments is many kilobytes.
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => FileContaining(channel, DefaultsHost.ServiceName));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData("Auth:Enabled", "true", "Auth:Enabled is true but no Auth:Keys are configured.")]
    [InlineData("Service:Tls:CertificatePath", "/no/such/server.pem", "Service:Tls:CertificatePath: file '/no/such/server.pem' does not exist.")]
    [InlineData("Clients:Tls:CaPath", "/no/such/ca.pem", "Clients:Tls:CaPath: file '/no/such/ca.pem' does not exist.")]
    [InlineData("RateLimits:PermitLimit", "0", "PermitLimit")]
    [InlineData("Service:MaxReceiveMessageSize", "10", "MaxReceiveMessageSize")]
    public void BadConfiguration_FailsAtStartWithTheReason(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => DefaultsHost.Build(new Dictionary<string, string?> { [key] = value }, FreePort.Next()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static MeterListener ListenToRejections(DefaultsHost host, ConcurrentQueue<(long, Dictionary<string, object?>)> into)
    {
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this host's meter: other tests' hosts count their own rejections.
                if (instrument.Name == RateLimitTelemetry.RejectedName && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            into.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        return listener;
    }

    private static async Task FileContaining(GrpcChannel channel, string symbol)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        await call.RequestStream.CompleteAsync();
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
        }
    }
}
