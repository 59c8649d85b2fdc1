using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Clients;

/// <summary>What `grpcurl list` and a Kubernetes gRPC probe see on each service.</summary>
[Collection(SystemCollection.Name)]
public sealed class ReflectionAndHealthTests(SystemFixture system)
{
    public static TheoryData<string> Services => new() { "ingestion", "entity", "summary" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Reflection_ListServices_ShowsServiceHealthAndReflection(string which)
    {
        var (process, name) = Pick(which);
        var client = new ServerReflection.ServerReflectionClient(process.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        var listed = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            listed.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        Assert.Contains(name, listed);
        Assert.Contains("grpc.health.v1.Health", listed);
        Assert.Contains(listed, s => s.StartsWith("grpc.reflection.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ingestion", "Takes news articles in")]
    [InlineData("entity", "Finds people, organisations, places and roles")]
    [InlineData("summary", "Writes neutral, attributed, source-cited briefings")]
    public async Task Reflection_FileContainingService_CarriesProtoComments(string which, string serviceComment)
    {
        var (process, name) = Pick(which);
        var client = new ServerReflection.ServerReflectionClient(process.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = name });
        await call.RequestStream.CompleteAsync();
        var comments = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            foreach (var bytes in response.FileDescriptorResponse.FileDescriptorProto)
            {
                var file = Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes);
                comments.AddRange(file.SourceCodeInfo?.Location.Select(l => l.LeadingComments) ?? []);
            }
        }

        // What `grpcurl describe` prints comes from these: the service and its messages are documented.
        Assert.Contains(comments, c => c.Contains(serviceComment, StringComparison.Ordinal));
        Assert.True(comments.Count(c => c.Trim().Length > 0) > 20, $"only {comments.Count} comments served");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Health_CheckServiceName_Serving(string which)
    {
        var (process, name) = Pick(which);
        var client = new Health.HealthClient(process.Channel);

        var named = await client.CheckAsync(new HealthCheckRequest { Service = name });
        var overall = await client.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, named.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    private (ServiceProcess Process, string Name) Pick(string which) => which switch
    {
        "ingestion" => (system.Ingestion, SystemFixture.IngestionServiceName),
        "entity" => (system.Entity, SystemFixture.EntityServiceName),
        _ => (system.Summary, SystemFixture.SummaryServiceName),
    };
}
