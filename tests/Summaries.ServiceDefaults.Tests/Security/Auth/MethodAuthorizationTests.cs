using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Tests.Infrastructure;
using Summaries.Testing.Security;

namespace Summaries.ServiceDefaults.Tests.Security.Auth;

/// <summary>Per-caller grants on real gRPC calls: granted methods served, others PERMISSION_DENIED.</summary>
public sealed class MethodAuthorizationTests
{
    private static readonly string SummaryKey = Secret();
    private static readonly string IngestionKey = Secret();
    private static readonly string DashboardKey = Secret();
    private static readonly string ReaderKey = Secret();

    [Fact]
    public async Task SummaryKey_DeleteArticle_PermissionDeniedMethodNotGranted()
    {
        await using var host = await StartAsync(Keys());
        using var channel = Channel(host, SummaryKey);

        var error = await Assert.ThrowsAsync<RpcException>(() => Ingestion(channel).DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/a" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal("METHOD_NOT_GRANTED", info.Reason);
        Assert.Equal("summaries.ingestion.v1.IngestionService/DeleteArticle", info.Metadata["method"]);
        Assert.Equal("summary", info.Metadata["caller"]);
        Assert.DoesNotContain(SummaryKey, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultGrants_EachServiceKeyGetsWhatItsCallerUses()
    {
        await using var host = await StartAsync(Keys());
        using var summary = Channel(host, SummaryKey);
        using var ingestion = Channel(host, IngestionKey);
        using var dashboard = Channel(host, DashboardKey);

        Assert.Equal("articles/a", (await Ingestion(summary).GetArticleAsync(new GetArticleRequest { Name = "articles/a" })).Article.Name);
        await Entity(summary).GetEntityAsync(new GetEntityRequest { Name = "entities/e" });
        Assert.Equal(["articles/b"], (await Ingestion(summary).BatchGetArticlesAsync(new BatchGetArticlesRequest { Names = { "articles/b" } })).MissingNames);
        await Entity(ingestion).AnnotateArticleAsync(new AnnotateArticleRequest());
        await Ingestion(dashboard).DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/a" });
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Entity(ingestion).GetEntityAsync(new GetEntityRequest { Name = "entities/e" }).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Ingestion(ingestion).GetArticleAsync(new GetArticleRequest { Name = "articles/a" }).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task ConfiguredGrants_ServiceWildcardAndMethod_ReplaceTheDefaults()
    {
        var settings = Keys(("reader", ReaderKey));
        settings["Auth:Grants:reader:0"] = "summaries.ingestion.v1.IngestionService/*";
        settings["Auth:Grants:summary:0"] = "summaries.entity.v1.EntityService/GetEntity";
        await using var host = await StartAsync(settings);
        using var reader = Channel(host, ReaderKey);
        using var summary = Channel(host, SummaryKey);

        await Ingestion(reader).DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/a" });
        await Entity(summary).GetEntityAsync(new GetEntityRequest { Name = "entities/e" });
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Entity(reader).GetEntityAsync(new GetEntityRequest { Name = "entities/e" }).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Ingestion(summary).GetArticleAsync(new GetArticleRequest { Name = "articles/a" }).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task HealthWithAnyKeyOrNone_StaysOpen()
    {
        var settings = Keys();
        settings["Auth:Grants:summary:0"] = string.Empty; // a key granted nothing at all
        await using var host = await StartAsync(settings);
        using var summary = Channel(host, SummaryKey);
        using var anonymous = host.Channel();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(summary).CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() =>
            Ingestion(summary).GetArticleAsync(new GetArticleRequest { Name = "articles/a" }).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task AuthOff_AnyCallerAnyMethod_AsBefore()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>());
        using var channel = host.Channel();

        await Ingestion(channel).DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/a" });
    }

    [Fact]
    public async Task ClientCertificateIdentity_GrantsOfItsCommonName()
    {
        using var pki = TestPki.Create("ingestion", "stranger");
        var settings = new Dictionary<string, string?>
        {
            ["Service:Tls:CertificatePath"] = pki.Server.CertificatePath,
            ["Service:Tls:KeyPath"] = pki.Server.KeyPath,
            ["Service:Tls:ClientCaPath"] = pki.CaPath,
            ["Service:Tls:RequireClientCertificate"] = "true",
            ["Auth:Enabled"] = "true",
            ["Auth:AcceptClientCertificates"] = "true",
        };
        await using var host = await StartAsync(settings);
        var address = $"https://localhost:{host.Port}";
        using var ingestion = TestChannels.Create(address, pki.Ca, pki.Client("ingestion").Certificate);
        using var stranger = TestChannels.Create(address, pki.Ca, pki.Client("stranger").Certificate);

        await Entity(ingestion).AnnotateArticleAsync(new AnnotateArticleRequest());
        var denied = await Assert.ThrowsAsync<RpcException>(() => Entity(ingestion).GetEntityAsync(new GetEntityRequest { Name = "entities/e" }).ResponseAsync);
        var ungranted = await Assert.ThrowsAsync<RpcException>(() => Entity(stranger).AnnotateArticleAsync(new AnnotateArticleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, ungranted.StatusCode);
        Assert.Equal("stranger", ungranted.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Metadata["caller"]);
    }

    [Theory]
    [InlineData("Auth:Keys:3:Id", "reader", "the id 'reader' has no grants")]
    [InlineData("Auth:Grants:summary:0", "IngestionService.GetArticle", "'IngestionService.GetArticle' is not a grant")]
    [InlineData("Auth:Grants:sumary:0", "*", "Auth:Grants:sumary: no key has the id 'sumary'")]
    public void BadGrants_FailAtStartWithTheReason(string key, string value, string expected)
    {
        var settings = Keys();
        settings["Auth:Keys:3:Key"] = ReaderKey;
        settings[key] = value;
        if (key != "Auth:Keys:3:Id")
        {
            settings["Auth:Keys:3:Id"] = "dashboard2";
            settings["Auth:Grants:dashboard2:0"] = "*";
        }

        var error = Assert.Throws<OptionsValidationException>(() => DefaultsHost.Build(settings, FreePort.Next()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Keys(params (string Id, string Key)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Auth:Enabled"] = "true" };
        (string Id, string Key)[] keys = [("summary", SummaryKey), ("ingestion", IngestionKey), ("dashboard", DashboardKey), .. more];
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth:Keys:{i}:Id"] = keys[i].Id;
            settings[$"Auth:Keys:{i}:Key"] = keys[i].Key;
        }

        return settings;
    }

    private static Task<DefaultsHost> StartAsync(Dictionary<string, string?> settings)
    {
        var script = new ScriptedServices();
        return DefaultsHost.StartAsync(settings, b => ScriptedServices.Add(b, script), ScriptedServices.Map);
    }

    private static GrpcChannel Channel(DefaultsHost host, string key) =>
        TestChannels.Create($"http://127.0.0.1:{host.Port}", headers: ("x-api-key", key));

    private static IngestionService.IngestionServiceClient Ingestion(GrpcChannel channel) => new(channel);

    private static EntityService.EntityServiceClient Entity(GrpcChannel channel) => new(channel);

    private static string Secret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
}
