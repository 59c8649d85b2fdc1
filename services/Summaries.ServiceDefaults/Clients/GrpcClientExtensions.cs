using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>How every service calls another: deadlines and cancellation passed on, transient failures retried.</summary>
public static class GrpcClientExtensions
{
    public static IHttpClientBuilder AddSummariesGrpcClient<TClient>(
        this IServiceCollection services, Func<IServiceProvider, string> address)
        where TClient : ClientBase
    {
        return services
            .AddGrpcClient<TClient>((sp, o) => o.Address = new Uri(address(sp)))
            // Background work (outbox retries, seeding) has no incoming call; that must not be an error.
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .ConfigureChannel(o =>
            {
                o.MaxReceiveMessageSize = 16 * 1024 * 1024;
                o.ServiceConfig = new ServiceConfig
                {
                    MethodConfigs =
                    {
                        new MethodConfig
                        {
                            Names = { MethodName.Default },
                            RetryPolicy = new RetryPolicy
                            {
                                MaxAttempts = 3,
                                InitialBackoff = TimeSpan.FromMilliseconds(200),
                                MaxBackoff = TimeSpan.FromSeconds(2),
                                BackoffMultiplier = 2,
                                RetryableStatusCodes = { StatusCode.Unavailable },
                            },
                        },
                    },
                };
            });
    }
}
