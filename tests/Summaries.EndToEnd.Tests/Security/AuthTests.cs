using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>API keys in either header form; anonymous services as each process configures them.</summary>
[Collection(SecuredSystemCollection.Name)]
public sealed class AuthTests(SecuredSystemFixture system)
{
    private static readonly AnnotateTextRequest Request = new() { Text = "Ana Ruiz met Tom Lee in Geneva." };

    [Fact]
    public async Task ApiKey_Missing_IsUnauthenticatedWithAClearMessage()
    {
        using var channel = system.Channel(system.Entity);

        var error = await Assert.ThrowsAsync<RpcException>(() => Annotate(channel));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("requires an API key", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("x-api-key", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("API_KEY_MISSING", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task ApiKey_Wrong_IsUnauthenticatedAndNotEchoed()
    {
        var wrong = SecuredSystemFixture.NewSecret();
        using var channel = system.Channel(system.Entity, ("x-api-key", wrong));

        var error = await Assert.ThrowsAsync<RpcException>(() => Annotate(channel));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_INVALID", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.DoesNotContain(wrong, error.Status.Detail + error.Trailers.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_RightKeyAsXApiKey_IsServed()
    {
        using var channel = system.Channel(system.Entity, ("x-api-key", system.DashboardKey));

        Assert.NotEmpty((await Annotate(channel)).Annotation.Entities);
    }

    [Fact]
    public async Task ApiKey_RightKeyAsBearerToken_IsServed()
    {
        using var channel = system.Channel(system.Entity, ("authorization", "Bearer " + system.DashboardKey));

        Assert.NotEmpty((await Annotate(channel)).Annotation.Entities);
    }

    [Fact]
    public async Task ApiKey_WrongBearerToken_IsUnauthenticated()
    {
        using var channel = system.Channel(system.Entity, ("authorization", "Bearer " + SecuredSystemFixture.NewSecret()));

        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => Annotate(channel))).StatusCode);
    }

    [Fact]
    public async Task ApiKey_AnotherServicesKey_IsUnauthenticated()
    {
        // "limited" is one of the entity service's keys, not the summary service's.
        using var channel = system.Channel(system.Summary, ("x-api-key", system.LimitedKey));
        var client = new Contracts.Summary.V1.SummaryService.SummaryServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListBriefingsAsync(new Contracts.Summary.V1.ListBriefingsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Grants_SummaryKeyCallsDeleteArticle_PermissionDeniedWhileItsReadsAreServed()
    {
        using var channel = system.Channel(system.Ingestion, ("x-api-key", system.SummaryKey));
        var ingestion = new IngestionService.IngestionServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            ingestion.DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/not-deleted" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("METHOD_NOT_GRANTED", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        await ingestion.ListArticlesAsync(new ListArticlesRequest { PageSize = 1 });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Check(channel, SystemFixture.IngestionServiceName)).Status);
    }

    [Fact]
    public async Task Anonymous_HealthWhereListed_ServesWithoutKey()
    {
        using var entity = system.Channel(system.Entity);
        using var summary = system.Channel(system.Summary);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Check(entity, SystemFixture.EntityServiceName)).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Check(summary, SystemFixture.SummaryServiceName)).Status);
    }

    [Fact]
    public async Task Anonymous_HealthRemovedFromTheList_NeedsAKey()
    {
        using var anonymous = system.Channel(system.Ingestion);
        using var withKey = system.DashboardChannel(system.Ingestion);

        var error = await Assert.ThrowsAsync<RpcException>(() => Check(anonymous, SystemFixture.IngestionServiceName));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Check(withKey, SystemFixture.IngestionServiceName)).Status);
    }

    [Fact]
    public async Task Anonymous_ReflectionByDefault_ListsServicesWithoutKey()
    {
        using var summary = system.Channel(system.Summary);

        Assert.Contains(SystemFixture.SummaryServiceName, await ListServices(summary));
    }

    [Fact]
    public async Task Anonymous_ReflectionRemovedFromTheList_NeedsAKey()
    {
        using var anonymous = system.Channel(system.Entity);
        using var withKey = system.DashboardChannel(system.Entity);

        var error = await Assert.ThrowsAsync<RpcException>(() => ListServices(anonymous));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains(SystemFixture.EntityServiceName, await ListServices(withKey));
    }

    private static Task<AnnotateTextResponse> Annotate(GrpcChannel channel) =>
        new EntityService.EntityServiceClient(channel).AnnotateTextAsync(Request).ResponseAsync;

    private static Task<HealthCheckResponse> Check(GrpcChannel channel, string service) =>
        new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync;

    private static async Task<List<string>> ListServices(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        var listed = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            listed.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        return listed;
    }
}
